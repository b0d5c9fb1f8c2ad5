"""Every page type renders the shared chrome (lang, dir, skip link, landmarks, canonical, hreflang)."""

import re

import pytest
from bs4 import BeautifulSoup

from django.utils import translation

from home.models import StandardPage
from tests import factories


@pytest.fixture
def about_page(site_tree):
    page = site_tree["home"].add_child(
        instance=StandardPage(title="About", slug="about", intro="Who runs Etalase Malang.")
    )
    factories.publish(page)
    factories.sync_locale_trees()
    return page


@pytest.fixture
def catalogue(site_tree, vendor, product, about_page):
    halal = factories.make_certification_type("Halal", "Halal certificate (BPJPH)")
    pirt = factories.make_certification_type("P-IRT", "Home-industry food licence (SPP-IRT)")
    certified = factories.make_product(
        vendor,
        "Sanan tempe chips",
        tiers=((500, 120), (2000, 95)),
        certifications=((halal, "ID0000000000000001"), (pirt, "DEMO-2103500010123-29")),
        unit="pouches",
        lead_time_days=21,
        hs_code="2106.90",
        samples_available=True,
        sample_price=800,
    )
    factories.sync_locale_trees()
    return {"vendor": vendor, "product": product, "certified": certified, "about": about_page}


def localized_url(page, code):
    return page.get_translation(factories.locale(code)).url


def page_urls(catalogue, site_tree, code):
    return {
        "home": f"/{code}/",
        "product index": localized_url(site_tree["products"], code),
        "vendor index": localized_url(site_tree["makers"], code),
        "vendor": localized_url(catalogue["vendor"], code),
        "product": localized_url(catalogue["product"], code),
        "standard": localized_url(catalogue["about"], code),
        "search": f"/{code}/search/?q=porcelain",
    }


def assert_page_chrome(html, code, direction, source=None):
    """`source`: the English page's path, when the page is its untranslated copy."""
    assert re.search(rf'<html lang="{code}" dir="{direction}">', html), "lang/dir on <html>"
    assert 'class="skip-link" href="#main"' in html
    assert re.search(r'<main id="main"', html)
    assert "<header" in html and "<footer" in html and "<nav" in html
    assert re.search(r'<link rel="alternate" hreflang="x-default" href="https?://[^"]+/en/', html)
    if source is None:
        assert re.search(r'<link rel="canonical" href="https?://[^"]+"', html)
        assert re.search(rf'<link rel="alternate" hreflang="{code}" href="https?://[^"]+/{code}/', html)
    else:  # the English text again: for search engines, the English page is the one to index
        assert re.search(rf'<link rel="canonical" href="https?://[^"/]+{re.escape(source)}">', html)
        assert f'<link rel="alternate" hreflang="{code}"' not in html
        assert '<meta name="robots" content="noindex' in html
    assert 'property="og:title"' in html and 'property="og:url"' in html


@pytest.mark.parametrize(("code", "direction"), [("en", "ltr"), ("id", "ltr"), ("ar", "rtl")])
def test_every_page_type_renders_the_shared_chrome(client, site_tree, catalogue, code, direction):
    english = page_urls(catalogue, site_tree, "en")
    for name, url in page_urls(catalogue, site_tree, code).items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"
        html = response.content.decode()
        # Nothing is translated here: another locale's pages are copies of the English ones.
        source = english[name] if code != "en" and name != "search" else None
        try:
            assert_page_chrome(html, code, direction, source)
        except AssertionError as error:
            raise AssertionError(f"{name} ({url}): {error}") from error


def test_header_links_the_sample_box_and_the_about_page(client, catalogue):
    html = client.get("/en/").content.decode()
    assert "Sample box" in html
    # the count is the buyer's own: site.js fills it in from the sample box's state (the page is cached)
    assert re.search(r'href="/en/samples/" data-visitor-url="/en/samples/state/">', html)
    assert "data-sample-box-count></span>" in html
    assert re.search(r'href="/en/about/"[^>]*>About</a>', html)


def test_product_page_shows_the_ordering_facts(client, catalogue):
    response = client.get(catalogue["certified"].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'class="moq"><bdi>500 pouches</bdi><', html), "MOQ with unit, kept together"
    assert "US$1.20" in html and "US$0.95" in html, "price tiers"
    assert "<bdi>2,000 pouches or more</bdi>" in html, "a price tier's quantity with its unit"
    assert "21 days" in html, "lead time"
    assert "2106.90" in html, "HS code"
    assert "Halal certificate (BPJPH)" in html and "ID0000000000000001" in html
    assert "Home-industry food licence (SPP-IRT)" in html
    assert "US$8.00" in html, "sample price"
    assert "FOB Tanjung Perak, Surabaya" in html, "Incoterm and place"


def test_product_page_marks_demo_vendors(client, site_tree):
    demo = factories.make_vendor(site_tree["makers"], "Griya Vas Mungil", is_demo=True)
    product = factories.make_product(demo, "Mini bud vases")
    html = client.get(product.url).content.decode()
    assert "Demo vendor" in html
    html = client.get(demo.url).content.decode()
    assert "Demo vendor" in html


def test_language_selector_links_the_indonesian_translation(client, catalogue):
    product = catalogue["product"]
    translated = factories.translate_page(
        product,
        "id",
        {"Hand-painted porcelain aroma burner": "Tungku aroma porselen lukis tangan"},
    )
    html = client.get(product.url).content.decode()
    assert re.search(rf'<a href="{re.escape(translated.url)}" hreflang="id" lang="id">', html)
    assert re.search(r'<a href="[^"]+" hreflang="en" lang="en" aria-current="true">', html)
    assert re.search(rf'<link rel="alternate" hreflang="id" href="[^"]+{re.escape(translated.url)}">', html)

    html = client.get(translated.url).content.decode()
    assert '<html lang="id" dir="ltr">' in html
    assert "Tungku aroma porselen lukis tangan" in html
    assert "has not been translated" not in html


def test_untranslated_alias_is_marked(client, catalogue):
    alias = catalogue["product"].get_translation(factories.locale("zh-hans"))
    assert alias.alias_of_id == catalogue["product"].id
    response = client.get(alias.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-hans" dir="ltr">' in html
    with translation.override("zh-hans"):
        notice = translation.gettext(
            "This page has not been translated into your language yet; it is shown in its original language."
        )
        original = translation.gettext("Read the original page")
    assert not notice.isascii() and not original.isascii()  # the buyer's own language, not English
    link = f'<a href="{catalogue["product"].url}" hreflang="en">{original}</a>'
    assert f'<p class="notice notice--untranslated" role="note">{notice} {link}</p>' in html


@pytest.mark.parametrize("code", ["ja", "ar"])
def test_an_untranslated_page_keeps_its_interface_in_the_page_language(client, catalogue, code):
    """Only the maker's English text is marked lang="en"; headings, labels and buttons around it are
    in the page's language and outside that mark, so a screen reader reads each in its own voice."""
    for english in (catalogue["certified"], catalogue["vendor"]):
        alias = english.get_translation(factories.locale(code))
        assert alias.alias_of_id == english.id
        soup = BeautifulSoup(client.get(alias.url).content.decode(), "html.parser")
        main = soup.find("main")
        title = main.find("h1")
        assert title.get_text(strip=True) == english.title
        assert title["lang"] == "en" and title["dir"] == "ltr"
        with translation.override(code):
            labels = [
                translation.gettext(text)
                for text in ("Minimum order", "Lead time", "Send inquiry", "Company facts", "Our story")
            ]
        shown = [element for element in main.find_all(string=True) if element.strip() in labels]
        assert shown, f"no interface label found on {alias.url}"
        for label in shown:
            assert not label.strip().isascii(), label
            language = label.find_parent(attrs={"lang": True})["lang"]
            assert language == code, f"{label.strip()!r} is inside lang={language}"


def test_catalogue_pagination_keeps_other_query_parameters(client, site_tree, vendor):
    for number in range(26):
        factories.make_product(vendor, f"Paged product {number}")
    html = client.get(site_tree["products"].url + "?page=2&sort=new").content.decode()
    assert 'href="?page=1&amp;sort=new"' in html
    assert re.search(r'<link rel="canonical" href="[^"]+/en/products/\?page=2">', html)


def test_not_found_page_is_designed(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'class="skip-link"' in html and "<main" in html


def test_a_product_page_follows_its_maker_and_category_while_the_site_runs(client, vendor, product):
    category = factories.make_category("Ceramics")
    product.category = category
    factories.publish(product)
    html = client.get(product.url).content.decode()  # the maker and category as they were
    assert "Atelier Kabut Porselen makes things in Malang" in html and ">Ceramics<" in html

    vendor.tagline = "Porcelain fired on the slopes of Arjuno"
    factories.publish(vendor)
    category.name = "Porcelain"
    category.save()
    html = client.get(product.url).content.decode()
    assert "Porcelain fired on the slopes of Arjuno" in html and ">Porcelain<" in html
    assert "makes things in Malang" not in html and ">Ceramics<" not in html


def test_arabic_product_page_keeps_each_number_with_its_unit_in_one_bdi(client, catalogue):
    html = client.get(localized_url(catalogue["certified"], "ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html

    def isolated(pattern, label):
        """The text of the one <bdi> that is all of the element matched by `pattern`."""
        match = re.search(pattern + r"<bdi>([^<]+)</bdi></(?:dd|td)>", html)
        assert match, f"{label}: number and unit are not in one <bdi> of their own"
        return match.group(1)

    for label, pattern, number in (
        ("MOQ", r'<dd class="moq">', "500"),
        ("lead time", r'<dd class="lead-time">', "21"),
        ("price tier", r"<tr><td>(?=<bdi>[^<]*2\.000)", "2.000"),  # Arabic separators (storefront/formats/ar)
    ):
        text = isolated(pattern, label)
        words = text.replace(number, " ").split()
        assert number in text and words, f"{label}: {text!r} has no unit beside {number}"
    assert re.search(r"<td><bdi>US\$0,95</bdi></td>", html), "a tier's price is isolated too"
