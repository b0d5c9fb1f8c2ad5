"""Files search engines and security researchers fetch: sitemap.xml, robots.txt, security.txt, /healthz."""

import xml.etree.ElementTree as ET

from wagtail.models import Page

from tests import factories

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_live_page_really_in_its_locale_with_alternates(client, product):
    factories.translate_page(product, "id", {"Hand-painted porcelain aroma burner": "Tungku aroma lukis"})
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {url.find("s:loc", NS).text: url for url in root.findall("s:url", NS)}

    # Pages really in their locale; the untranslated copies (aliases of another locale's page) not.
    live_pages = Page.objects.live().filter(depth__gt=1).select_related("alias_of")
    in_their_locale = [p for p in live_pages if not p.alias_of or p.alias_of.locale_id == p.locale_id]
    assert len(locations) == len(in_their_locale) < len(live_pages)
    for page in live_pages:
        assert (page.full_url in locations) == (page in in_their_locale)

    product_url = locations[product.full_url]
    alternates = {link.get("hreflang"): link.get("href") for link in product_url.findall("x:link", NS)}
    assert set(alternates) == {"en", "id", "x-default"}
    assert alternates["x-default"] == product.full_url
    assert alternates["id"].endswith("/id/makers/atelier-kabut-porselen/hand-painted-porcelain-aroma-burner/")


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_security_txt_names_a_contact(client, db):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response.content.decode().startswith("Contact: mailto:")


def test_healthz_checks_the_database(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_healthz_answers_head_and_get_only(client, db):
    head = client.head("/healthz")
    assert head.status_code == 200 and head.content == b""
    assert head["Cache-Control"].startswith("max-age=0")
    assert client.get("/healthz").status_code == 200
    for method in (client.post, client.put, client.delete):
        assert method("/healthz").status_code == 405


def test_unknown_admin_url_is_a_plain_404_not_a_redirect_into_a_language(client, admin_user):
    anonymous = client.get("/admin/no-such-view/")
    assert anonymous.status_code == 302  # to the admin's login, as every admin URL is
    assert anonymous["Location"].startswith("/admin/login/")

    client.force_login(admin_user)
    assert client.get("/admin/no-such-view/").status_code == 404


def test_unknown_page_without_language_goes_to_the_english_one(client, site_tree):
    response = client.get("/makers/")
    assert response.status_code == 302
    assert response["Location"] == "/en/makers/"
