"""Site search: finds products by a word of their description in the visitor's language, groups
results by kind, falls back to English pages, and suggests titles as the buyer types."""

import pytest

from django.db import connection

from wagtail.search.backends import get_search_backend

from catalog.models import ProductPage
from storefront import search_backend
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_search_index")]


def test_search_finds_a_product_by_a_word_of_its_description_in_english(client, product):
    product.description = "<p>Each burner is glazed twice in a wood-fired kiln.</p>"
    product.save_revision().publish()
    response = client.get("/en/search/", {"q": "kiln"})
    assert response.status_code == 200
    assert [p.title for p in response.context["products"]] == ["Hand-painted porcelain aroma burner"]
    assert "Hand-painted porcelain aroma burner" in response.content.decode()


def test_search_finds_a_product_by_a_word_of_its_description_in_indonesian(client, product):
    product.description = "<p>Each burner is glazed twice in a wood-fired kiln.</p>"
    product.save_revision().publish()
    factories.translate_page(
        product,
        "id",
        {
            "Hand-painted porcelain aroma burner": "Tungku aroma porselen lukis tangan",
            "Each burner is glazed twice in a wood-fired kiln.": (
                "Setiap tungku diglasir dua kali di tungku kayu bakar."
            ),
        },
    )
    response = client.get("/id/search/", {"q": "diglasir"})
    assert [p.title for p in response.context["products"]] == ["Tungku aroma porselen lukis tangan"]
    assert response.context["fallback"] is False


def test_search_groups_makers_separately(client, product, vendor):
    response = client.get("/en/search/", {"q": "Atelier"})
    assert [v.title for v in response.context["vendors"]] == ["Atelier Kabut Porselen"]


def test_search_without_hits_in_the_visitors_language_shows_english_pages(client, product):
    factories.translate_page(product, "id", {"Hand-painted porcelain aroma burner": "Tungku aroma porselen"})
    # "Hand-painted" is only in the English text; the Indonesian search falls back to English pages.
    response = client.get("/id/search/", {"q": "hand-painted"})
    assert response.status_code == 200
    assert response.context["fallback"] is True
    assert [p.url for p in response.context["products"]] == [product.url]


def test_untranslated_copies_are_found_in_their_locale(client, product):
    # Nothing is translated into Japanese: the Japanese copies are aliases of the English pages.
    response = client.get("/ja/search/", {"q": "porcelain"})
    assert [p.url for p in response.context["products"]] == [
        "/ja/makers/atelier-kabut-porselen/hand-painted-porcelain-aroma-burner/"
    ]
    assert response.context["fallback"] is False


def test_search_with_nothing_found_says_so(client, product):
    response = client.get("/en/search/", {"q": "zzzzqqq"})
    assert response.status_code == 200
    assert response.context["result_count"] == 0


def test_autocomplete_suggests_titles_as_the_buyer_types(client, product):
    response = client.get("/en/search/suggest/", {"q": "Hand-pa"})
    suggestions = response.json()["suggestions"]
    assert {
        "title": "Hand-painted porcelain aroma burner",
        "url": product.url,
        "kind": "Products",
    } in suggestions
    assert client.get("/en/search/suggest/", {"q": "H"}).json() == {"suggestions": []}


def test_search_page_shows_each_kind_under_its_heading(client, product):
    html = client.get("/en/search/", {"q": "aroma"}).content.decode()
    assert html.index("Hand-painted porcelain aroma burner") > html.index('id="result-products"')
    # A kind with no hit gets no heading.
    assert 'id="result-makers"' not in html
    html = client.get("/en/search/", {"q": "Atelier"}).content.decode()
    assert html.index("Atelier Kabut Porselen", html.index('id="result-makers"'))


def test_many_hits_show_the_best_and_link_to_all_of_them_in_the_catalogue(client, vendor):
    for n in range(14):
        factories.make_product(vendor, f"Celadon bowl {n}", summary="A celadon glazed bowl")

    response = client.get("/en/search/", {"q": "celadon"})

    assert len(response.context["products"]) == 12
    link = "/en/products/?q=celadon"
    assert f'href="{link}"' in response.content.decode()
    catalogue = client.get(link)
    assert catalogue.context["page_obj"].paginator.count == 14


def test_a_few_hits_need_no_link_to_the_catalogue(client, product):
    response = client.get("/en/search/", {"q": "porcelain"})
    assert "/en/products/?q=" not in response.content.decode()


@pytest.fixture(scope="module")
def celadon_products(shop):
    """Three products with "celadon" in their title, four with it only in their summary (each with
    copies in the untranslated locales), and a higher-ranked draft that must never be shown.

    Built once for the tests below that search for them; no other test's search matches them."""
    vendor = shop["vendor"]
    in_title = [factories.make_product(vendor, f"Celadon vase {n}") for n in range(3)]
    in_summary = [
        factories.make_product(vendor, f"Stoneware jar {n}", summary="Glazed in a soft celadon green")
        for n in range(4)
    ]
    factories.make_product(vendor, "Celadon celadon bowl").unpublish()
    return in_title, in_summary


def _search_titles(client):
    return [p.title for p in client.get("/en/search/", {"q": "celadon"}).context["products"]]


def test_search_shows_the_best_matches_first_and_no_drafts(client, celadon_products):
    in_title, in_summary = celadon_products
    titles = _search_titles(client)
    assert sorted(titles[:3]) == sorted(p.title for p in in_title)
    assert sorted(titles[3:]) == sorted(p.title for p in in_summary)


@pytest.mark.postgresql  # the ranked window is PostgreSQL's
def test_search_results_do_not_depend_on_how_many_index_entries_are_ranked_first(
    client, celadon_products, monkeypatch
):
    # On PostgreSQL a page of results is looked for among the best-ranked index entries first
    # (storefront/search_backend.py). Here that window is too small to hold the matches, most of them
    # copies in other locales, so the search ranks every match: the buyer sees the same results.
    expected = _search_titles(client)
    monkeypatch.setattr(search_backend, "WINDOW_PER_RESULT", 1)
    monkeypatch.setattr(search_backend, "MIN_WINDOW", 1)
    assert _search_titles(client) == expected


def test_the_catalogue_keyword_filter_lists_every_match_and_no_draft(client, celadon_products):
    in_title, in_summary = celadon_products
    response = client.get("/en/products/", {"q": "celadon", "sort": "name"})
    assert [p.title for p in response.context["products"]] == sorted(p.title for p in in_title + in_summary)


@pytest.mark.postgresql  # the ranked window is PostgreSQL's
@pytest.mark.parametrize("window", [(10, 200), (1, 1)])
def test_a_slice_of_search_results_is_the_same_slice_of_the_whole_ranking(
    celadon_products, monkeypatch, window
):
    english = ProductPage.objects.live().filter(locale=factories.locale("en"))
    everything = [page.pk for page in get_search_backend().search("celadon", english)]
    assert len(everything) == 7
    monkeypatch.setattr(search_backend, "WINDOW_PER_RESULT", window[0])
    monkeypatch.setattr(search_backend, "MIN_WINDOW", window[1])
    for start, stop in [(0, 2), (2, 5), (0, 7), (5, 20)]:
        results = get_search_backend().search("celadon", english)[start:stop]
        assert [page.pk for page in results] == everything[start:stop]


# Stemming in each page's language. PostgreSQL indexes a page with its locale's text search
# configuration (storefront/search_backend.py), so another form of a word finds it: Indonesian "makan"
# (to eat) finds "makanan" (food), English "chip" finds "chips". SQLite's full-text index does not
# stem: there a search matches whole words, in every language.
STEMS = "postgresql"


@pytest.fixture
def tempe_chips(vendor):
    chips = factories.make_product(vendor, "Tempe chips", summary="Thin, crisp chips of Malang tempe")
    factories.translate_page(
        chips,
        "id",
        {
            "Tempe chips": "Keripik tempe",
            "Thin, crisp chips of Malang tempe": "Makanan ringan tipis dan renyah dari tempe Malang",
        },
    )
    return chips


def _product_titles(client, language, query):
    """The products found in the language searched, by the words as typed: not the English pages
    shown when nothing is, nor the results of a corrected spelling ("Did you mean")."""
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    if response.context["fallback"] or response.context["corrected"]:
        return []
    return [p.title for p in response.context["products"]]


def test_a_search_finds_the_word_as_written_in_every_language(client, tempe_chips):
    assert _product_titles(client, "id", "makanan") == ["Keripik tempe"]
    assert _product_titles(client, "en", "chips") == ["Tempe chips"]


def test_a_search_in_indonesian_finds_another_form_of_an_indonesian_word(client, tempe_chips):
    expected = ["Keripik tempe"] if connection.vendor == STEMS else []
    assert _product_titles(client, "id", "makan") == expected


def test_a_search_in_english_finds_another_form_of_an_english_word(client, tempe_chips):
    expected = ["Tempe chips"] if connection.vendor == STEMS else []
    assert _product_titles(client, "en", "chip") == expected


def test_a_search_in_no_language_in_particular_stems_the_words_in_each_language(tempe_chips):
    # Wagtail's own searches (the admin's, an API's) name no language: on PostgreSQL their words are
    # stemmed in every locale's configuration, so pages of each language are found.
    every_locale = ProductPage.objects.live()
    stems = connection.vendor == STEMS
    for query, title, found in [
        ("makanan", "Keripik tempe", True),  # stemmed in English it would stay "makanan", not "makan"
        ("makan", "Keripik tempe", stems),
        ("chip", "Tempe chips", stems),
    ]:
        titles = [page.title for page in get_search_backend().search(query, every_locale)]
        assert (title in titles) is found, query


# Chinese and Japanese are written without spaces: a full-text index reads "玛琅白瓷茶蜡香薰炉" as
# one word. Pages in these languages are also indexed by character (home/search.py), so a search
# for a part of their text finds them, on SQLite and PostgreSQL alike.
@pytest.fixture
def burner_in_chinese_and_japanese(product):
    strings = {
        "zh-hans": {
            "Hand-painted porcelain aroma burner": "玛琅白瓷茶蜡香薰炉",
            "Tea-light aromatherapy burner in white Malang porcelain": "手绘莲花图案的双层香薰炉",
        },
        "ja": {
            "Hand-painted porcelain aroma burner": "マラン産白磁のアロマポット",
            "Tea-light aromatherapy burner in white Malang porcelain": "蓮を手描きした二段式のポット",
        },
    }
    return {code: factories.translate_page(product, code, texts) for code, texts in strings.items()}


@pytest.mark.parametrize(
    ("language", "query", "found"),
    [
        ("zh-hans", "香薰炉", True),  # "aroma burner", inside the title
        ("zh-hans", "莲花", True),  # "lotus", inside the summary
        ("zh-hans", "瓷", True),  # a single character
        ("zh-hans", "炉香", False),  # both characters are there, but not side by side
        ("ja", "アロマポット", True),
        ("ja", "白磁", True),
        ("ja", "磁器", False),
    ],
)
def test_a_search_in_chinese_or_japanese_finds_a_part_of_the_text(
    client, burner_in_chinese_and_japanese, language, query, found
):
    page = burner_in_chinese_and_japanese[language]
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    products = [p.title for p in response.context["products"]]
    assert products == ([page.title] if found else []), (query, response.context["fallback"])


def test_the_catalogue_filters_by_a_part_of_a_chinese_title(client, vendor, burner_in_chinese_and_japanese):
    factories.make_product(vendor, "Batik silk scarf")  # listed in Chinese too, in English
    assert "Batik silk scarf" in client.get("/zh-hans/products/").content.decode()

    response = client.get("/zh-hans/products/", {"q": "香薰炉"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "玛琅白瓷茶蜡香薰炉" in content
    assert "Batik silk scarf" not in content


@pytest.mark.parametrize(
    ("language", "typed"), [("zh-hans", "香薰"), ("zh-hans", "香薰炉"), ("ja", "アロマ")]
)
def test_suggestions_in_chinese_and_japanese_match_a_part_of_the_title(
    client, burner_in_chinese_and_japanese, language, typed
):
    response = client.get(f"/{language}/search/suggest/", {"q": typed})
    titles = [suggestion["title"] for suggestion in response.json()["suggestions"]]
    assert titles == [burner_in_chinese_and_japanese[language].title]
