"""Site search as a buyer words it: the trade's words in either language and their other spellings
(storefront/search_glossary.py), certificates, HS codes and events, misspellings ("Did you mean"), and a
page that says what to do when nothing is found."""

import datetime

import pytest

from django.utils import timezone

from storefront.translation import sync_locale_trees
from stories.models import EventIndexPage
from tests import factories
from tests.stories.conftest import make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_search_index")]


@pytest.fixture
def goods(vendor):
    """A tempe snack, a ceramic vase and a coffee, each with its own HS code (the shared porcelain
    burner has 6913.10)."""
    return {
        "tempe": factories.make_product(
            vendor, "Tempe crackers", summary="Thin crackers of Malang tempe", hs_code="2106.90"
        ),
        "ceramic": factories.make_product(
            vendor, "Glazed ceramic vase", summary="A tall vase, glazed in blue", hs_code="6912.00"
        ),
        "coffee": factories.make_product(
            vendor,
            "Dampit robusta coffee beans",
            summary="Roasted on the slopes of Semeru",
            hs_code="0901.21",
        ),
    }


def _titles(response, section="products"):
    assert response.status_code == 200
    return sorted(
        hit.title for s, hits, _more in response.context["results"] if s.key == section for hit in hits
    )


def test_an_english_spelling_finds_the_indonesian_word(client, goods):
    assert _titles(client.get("/en/search/", {"q": "tempeh"})) == ["Tempe crackers"]


@pytest.mark.parametrize(
    ("query", "title"), [("keramik", "Glazed ceramic vase"), ("kopi", "Dampit robusta coffee beans")]
)
def test_an_indonesian_word_finds_english_pages(client, goods, query, title):
    response = client.get("/en/search/", {"q": query})
    assert _titles(response) == [title]
    assert response.context["fallback"] is False


def test_the_catalogue_keyword_filter_and_suggestions_know_the_glossary(client, goods):
    response = client.get("/en/products/", {"q": "tempeh"})
    assert [p.title for p in response.context["products"]] == ["Tempe crackers"]
    suggestions = client.get("/en/search/suggest/", {"q": "tempeh"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Tempe crackers"]


def test_a_glossary_phrase_is_searched_for_as_a_phrase(client, vendor):
    factories.make_product(vendor, "Sambal bawang", summary="Shallot sambal in a jar")
    factories.make_product(vendor, "Chili flakes", summary="Dried, with a dipping sauce on the side")
    assert _titles(client.get("/en/search/", {"q": "chili sauce"})) == ["Chili flakes", "Sambal bawang"]
    # "sambal" looks for "chili sauce" as a phrase: the flakes have both words, not side by side.
    assert _titles(client.get("/en/search/", {"q": "sambal"})) == ["Sambal bawang"]


def test_a_misspelt_word_offers_the_right_spelling_and_its_results(client, product, goods):
    response = client.get("/en/search/", {"q": "porcelian"})
    # "porcelain" also finds "porselen" (the glossary): every product of Atelier Kabut Porselen.
    assert response.context["products"][0].title == "Hand-painted porcelain aroma burner"
    html = response.content.decode()
    assert 'Did you mean <a href="/en/search/?q=porcelain">porcelain</a>?' in html
    assert "Nothing matches “porcelian”, so these are the results for “porcelain”." in html


def test_a_misspelt_word_with_some_results_links_the_right_spelling(client, vendor, goods):
    # "Batk" is in a summary, not in a title: the search finds little and knows the word no better.
    factories.make_product(vendor, "Spiral notebook", summary="A notebook of the Batk brand")
    factories.make_product(vendor, "Batik silk scarf", summary="Hand-drawn batik on silk")
    response = client.get("/en/search/", {"q": "batk"})
    assert _titles(response) == ["Spiral notebook"]
    assert response.context["corrected"] is False
    assert 'Did you mean <a href="/en/search/?q=batik">batik</a>?' in response.content.decode()
    assert _titles(client.get("/en/search/?q=batik")) == ["Batik silk scarf"]


def test_a_misspelt_word_finds_in_indonesian_too(client, product):
    factories.translate_page(
        product, "id", {"Hand-painted porcelain aroma burner": "Tungku aroma porselen lukis tangan"}
    )
    response = client.get("/id/search/", {"q": "porselin"})
    assert _titles(response) == ["Tungku aroma porselen lukis tangan"]
    assert response.context["corrected"] is True


def test_halal_finds_every_product_certified_halal(client, vendor):
    halal = factories.make_certification_type("Halal", "Halal certificate (BPJPH)")
    pirt = factories.make_certification_type("P-IRT", "Home industry food permit")
    factories.make_product(vendor, "Sambal bawang", certifications=[(halal, "ID35110000123450321")])
    factories.make_product(
        vendor, "Apple chips", certifications=[(pirt, "2063507010123-27"), (halal, "ID35110000987650321")]
    )
    factories.make_product(vendor, "Tempe crackers", certifications=[(pirt, "2063507010456-27")])
    assert _titles(client.get("/en/search/", {"q": "halal"})) == ["Apple chips", "Sambal bawang"]
    response = client.get("/en/products/", {"q": "halal"})
    assert sorted(p.title for p in response.context["products"]) == ["Apple chips", "Sambal bawang"]


def test_an_hs_code_heading_finds_its_products(client, product, goods):
    assert _titles(client.get("/en/search/", {"q": "6913"})) == ["Hand-painted porcelain aroma burner"]
    assert _titles(client.get("/en/search/", {"q": "090121"})) == ["Dampit robusta coffee beans"]


@pytest.fixture
def events(site_tree):
    index = factories.publish(
        site_tree["home"].add_child(instance=EventIndexPage(title="Events", slug="events"))
    )
    sync_locale_trees()
    return index


def test_an_event_is_found_by_its_name(client, events):
    start = timezone.localdate() + datetime.timedelta(days=20)
    make_event(events, "Malang City Expo", start, start + datetime.timedelta(days=2))
    make_event(events, "Surabaya buyer mission", start, start, city="Surabaya")
    response = client.get("/en/search/", {"q": "Malang City Expo"})
    assert _titles(response, "events") == ["Malang City Expo"]
    html = response.content.decode()
    assert 'id="result-events"' in html and "Malang City Expo" in html


def test_nothing_found_links_the_catalogue_in_the_buyers_language(client, product):
    response = client.get("/id/search/", {"q": "zzzzqqq"})
    assert response.context["result_count"] == 0
    assert response.context["suggestion"] == ""
    html = response.content.decode()
    assert '<a href="/id/products/">' in html
    assert client.get("/id/products/").status_code == 200


def test_a_very_long_search_is_shortened_in_the_heading(client, product):
    query = "x" * 500
    html = client.get("/en/search/", {"q": query}).content.decode()
    heading = html[html.index("<h1") : html.index("</h1>")]
    assert 'class="search-echo"' in heading
    assert "x" * 79 + "…" in heading and "x" * 81 not in heading


def test_a_word_found_as_typed_is_not_turned_into_another_word(client, product):
    # "kiln" is only in a description, so no title teaches it; "kain" (cloth) is in the glossary.
    product.description = "<p>Each burner is glazed twice in a wood-fired kiln.</p>"
    product.save_revision().publish()
    response = client.get("/en/search/", {"q": "kiln"})
    assert _titles(response) == ["Hand-painted porcelain aroma burner"]
    assert response.context["suggestion"] == ""
    assert "Did you mean" not in response.content.decode()
