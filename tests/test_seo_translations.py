"""Search engines see the truth about translations: a locale's untranslated copy of a page (the
alias wagtail-localize makes, showing the English text) is not indexed, is canonical to its source,
is left out of the sitemap and is never declared the page in its language."""

import re
import xml.etree.ElementTree as ET

from django.test import Client

from tests import factories

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
NOINDEX = re.compile(r'<meta name="robots" content="noindex[^"]*">')


def head(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    html = response.content.decode()
    return html[: html.index("</head>")], html


def canonical(head_html):
    return re.findall(r'<link rel="canonical" href="([^"]+)">', head_html)


def alternates(head_html):
    """{hreflang: href} of the head's `<link rel="alternate">` tags."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head_html))


def switcher_codes(html):
    return set(re.findall(r'<li><a href="[^"]+" hreflang="([^"]+)" lang="[^"]+"', html))


def sitemap(client):
    """{location: {hreflang: href}} of /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_an_untranslated_copy_is_noindex_and_canonical_to_its_source(client, product):
    translated = factories.translate_page(product, "id", {product.title: "Tungku aroma lukis"})
    copy = product.get_translation(factories.locale("ar"))
    assert copy.alias_of_id == product.pk  # wagtail-localize's copy: the English text

    head_html, html = head(client, copy)

    assert NOINDEX.search(head_html)
    assert canonical(head_html) == [product.full_url]
    assert f'<meta property="og:url" content="{product.full_url}">' in head_html
    assert alternates(head_html) == {
        "en": product.full_url,
        "id": translated.full_url,
        "x-default": product.full_url,
    }
    # A buyer reading it still gets the Arabic site around the English text, and the switcher.
    assert '<html lang="ar" dir="rtl">' in html
    assert "notice--untranslated" in html
    assert {"en", "id", "ar"} <= switcher_codes(html)


def test_a_source_page_does_not_declare_its_untranslated_copies(client, product):
    translated = factories.translate_page(product, "id", {product.title: "Tungku aroma lukis"})

    head_html, html = head(client, product)

    assert not NOINDEX.search(head_html)
    assert canonical(head_html) == [product.full_url]
    assert alternates(head_html) == {
        "en": product.full_url,
        "id": translated.full_url,
        "x-default": product.full_url,
    }
    # The switcher still offers every language: the copies are readable, with their notice.
    assert switcher_codes(html) == {"en", "id", "zh-hans", "ja", "ar"}


def test_a_translated_page_is_indexed_and_canonical_to_itself(client, product):
    translated = factories.translate_page(product, "id", {product.title: "Tungku aroma lukis"})

    head_html, html = head(client, translated)

    assert not NOINDEX.search(head_html)
    assert canonical(head_html) == [translated.full_url]
    assert alternates(head_html) == {
        "en": product.full_url,
        "id": translated.full_url,
        "x-default": product.full_url,
    }
    assert "notice--untranslated" not in html


def test_the_sitemap_lists_only_pages_really_in_each_locale(client, product, vendor):
    translated = factories.translate_page(product, "id", {product.title: "Tungku aroma lukis"})
    copy = product.get_translation(factories.locale("ar"))

    entries = sitemap(client)

    assert product.full_url in entries and translated.full_url in entries
    assert copy.full_url not in entries
    assert vendor.full_url in entries
    assert vendor.get_translation(factories.locale("ar")).full_url not in entries  # a copy too
    assert (
        entries[product.full_url]
        == entries[translated.full_url]
        == {
            "en": product.full_url,
            "id": translated.full_url,
            "x-default": product.full_url,
        }
    )
    # Nothing in the sitemap says a page is Arabic: every Arabic page of this site is a copy.
    assert not [url for url in entries if "/ar/" in url]
    assert not [links for links in entries.values() if "ar" in links]
    for links in entries.values():
        for code, url in links.items():
            assert url in entries, f"the {code} alternate {url} is not itself in the sitemap"


def test_a_copy_translated_later_is_indexed_and_declared_on_the_cached_source_page(
    product, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True  # the English page is stored with its head as it was
    client = Client()
    client.get(product.url)
    stored = client.get(product.url)
    assert stored["X-Cache"] == "HIT" and "ar" not in alternates(stored.content.decode())

    with django_capture_on_commit_callbacks(execute=True):
        arabic = factories.translate_page(product, "ar", {product.title: "مبخرة عطرية من البورسلين"})

    assert arabic.alias_of_id is None
    assert alternates(head(client, product)[0])["ar"] == arabic.full_url
    arabic_head, _html = head(client, arabic)
    assert not NOINDEX.search(arabic_head)
    assert canonical(arabic_head) == [arabic.full_url]
    assert arabic.full_url in sitemap(client)


def test_an_alias_in_its_sources_own_locale_stays_as_it_was(client, product, site_tree):
    """A Wagtail alias elsewhere in the same locale's tree is no locale copy: indexed as before."""
    other_maker = factories.make_vendor(site_tree["makers"], "Griya Keramik Dinoyo")
    alias = product.create_alias(parent=other_maker)
    assert alias.alias_of_id == product.pk and alias.locale_id == product.locale_id

    head_html, _html = head(client, alias)

    assert not NOINDEX.search(head_html)
    assert canonical(head_html) == [alias.full_url]
    assert alias.full_url in sitemap(client)
