"""Pages are routed and served by Wagtail, within the issue's query budgets: view restrictions,
404s, locale copies (aliases), RoutablePage routes, the menu and the pages' links."""

import json
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageViewRestriction, Site

from home.models import StandardPage
from storefront.translation import ensure_locales, sync_locale_trees
from stories.models import StoryIndexPage, StoryPage
from tests import factories

# The issues' budgets, uncached (the page cache is off in the test settings), in a warm process.
BUDGETS = {"product": 12, "maker": 12, "story": 12, "catalogue": 15, "home": 15, "search": 15}


def queries_for(client, url):
    client.get(url)  # the first view makes the renditions and fills the site caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def story_of(tree):
    index = StoryIndexPage(title="Stories", slug="stories")
    index = factories.publish(tree["home"].add_child(instance=index))
    story = StoryPage(title="A kiln", slug="a-kiln", intro="How the kiln works", topic="packaging")
    return factories.publish(index.add_child(instance=story))


@pytest.mark.parametrize(
    "kind, url_of",
    [
        ("product", lambda tree, product: product.url),
        ("maker", lambda tree, product: product.get_parent().url),
        ("story", lambda tree, product: story_of(tree).url),
        ("catalogue", lambda tree, product: tree["products"].url),
        ("catalogue", lambda tree, product: tree["products"].url + "?samples=1&sort=price&category=x"),
        ("home", lambda tree, product: tree["home"].url),
        ("search", lambda tree, product: "/en/search/?q=product"),
    ],
)
def test_pages_stay_within_their_query_budget(client, site_tree, product, kind, url_of):
    assert queries_for(client, url_of(site_tree, product)) <= BUDGETS[kind]


def test_a_page_below_a_password_protected_page_asks_for_the_password(client, site_tree):
    home = site_tree["home"]
    members = factories.publish(
        home.add_child(instance=StandardPage(title="Members", slug="members", intro="Members only"))
    )
    inner = factories.publish(
        members.add_child(instance=StandardPage(title="Price list", slug="price-list", intro="Secret prices"))
    )
    PageViewRestriction.objects.create(page=members, restriction_type="password", password="open-sesame")

    response = client.get(inner.url)

    assert response.status_code == 200
    assert b"Secret prices" not in response.content
    assert b'name="password"' in response.content


def test_a_private_page_is_left_out_of_the_menu(client, site_tree, product):
    about = factories.publish(
        site_tree["home"].add_child(instance=StandardPage(title="About us", slug="about", intro="Who we are"))
    )
    assert b'href="/en/about/"' in client.get(product.url).content

    PageViewRestriction.objects.create(page=about, restriction_type="login")

    assert b'href="/en/about/"' not in client.get(product.url).content
    assert client.get(about.url).status_code == 302  # to the login page


def test_unknown_paths_and_sub_routes(client, site_tree, product):
    assert client.get(product.url + "nothing-here/").status_code == 404
    assert client.get("/en/no-such-section/").status_code == 404
    assert client.get(product.url).status_code == 200


def test_a_locale_copy_is_served_with_its_sources_text_and_canonical_url(client, site_tree, product):
    copy = product.get_translation(Locale.objects.get(language_code="ja"))
    assert copy.alias_of_id == product.pk  # wagtail-localize's alias of the untranslated page

    html = client.get(copy.url).content.decode()

    assert product.title in html
    assert f'<link rel="canonical" href="{product.full_url}">' in html
    assert '<link rel="alternate" hreflang="ja"' not in html  # no alternate for its language


def test_a_routable_pages_own_routes_are_served(client, site_tree, product):
    story = story_of(site_tree)
    index = story.get_parent()

    assert client.get(index.url).status_code == 200
    feed = client.get(index.url + "feed/rss/")
    assert feed.status_code == 200 and b"A kiln" in feed.content
    assert client.get(index.url + "feed/nothing/").status_code == 404
    assert client.get(story.url).status_code == 200


def test_the_language_switcher_lists_only_live_translations(client, site_tree, product):
    translated = factories.translate_page(product, "id", {product.title: "Produk uji"})
    assert 'hreflang="id"' in client.get(product.url).content.decode()

    translated.unpublish()

    page = client.get(product.url).content.decode()
    assert 'hreflang="id"' not in page
    assert 'hreflang="ja"' in page  # the other locales' copies are still live


@pytest.mark.usefixtures("search_index")
def test_a_restricted_makers_products_leave_the_listings_until_the_restriction_goes(
    client, site_tree, product, vendor
):
    catalogue = site_tree["products"].url
    assert product.title in client.get(catalogue).content.decode()

    restriction = PageViewRestriction.objects.create(page=vendor, restriction_type="login")

    listing = client.get(catalogue)
    assert product.title not in listing.content.decode()
    assert listing.context["page_obj"].paginator.count == 0
    assert client.get("/en/search/", {"q": "porcelain"}).context["products"] == []
    assert client.get(product.url).status_code == 302  # to the login page

    restriction.delete()

    assert product.title in client.get(catalogue).content.decode()
    assert [p.title for p in client.get("/en/search/", {"q": "porcelain"}).context["products"]] == [
        product.title
    ]


def test_a_language_added_while_the_site_runs_is_served(client, site_tree, product, settings):
    assert client.get(product.url).status_code == 200  # this process now knows the site's locales

    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.LANGUAGES, ("fr", "Français")]
    ensure_locales()  # as a deploy that adds a language does: the locale, synced from English
    sync_locale_trees()

    response = client.get("/fr/products/")
    assert response.status_code == 200
    assert 'hreflang="fr"' in client.get(product.url).content.decode()
    card = response.context["products"][0]
    assert (card.title, card.language_code, card.content_language) == (product.title, "fr", "en")


def test_the_menu_follows_pages_published_and_unpublished_while_the_site_runs(client, site_tree, product):
    assert b'href="/en/visit-us/"' not in client.get(product.url).content  # the menu as it was

    visit = StandardPage(title="Visit us", slug="visit-us", intro="Showroom hours", show_in_menus=True)
    visit = factories.publish(site_tree["home"].add_child(instance=visit))
    assert b'href="/en/visit-us/"' in client.get(product.url).content
    assert b'href="/en/visit-us/"' in client.get(site_tree["products"].url).content

    visit.unpublish()
    assert b'href="/en/visit-us/"' not in client.get(product.url).content


def test_a_pages_links_are_the_urls_wagtail_gives_the_pages(client, site_tree):
    # Made here without a request, so Wagtail's own way: the page's view reversed in its language.
    vendor = factories.make_vendor(site_tree["makers"], "Kopi Ü Malang")
    product = factories.make_product(vendor, "Kopi Dampit", slug="kopi-dampit-ü-玛琅")
    translated = factories.translate_page(product, "id", {"Kopi Dampit": "Kopi Dampit (id)"})
    assert "%C3%BC-%E7%8E%9B%E7%90%85/" in product.url
    html = client.get(product.url).content.decode()

    assert f'<link rel="canonical" href="{product.full_url}">' in html
    for page, code in ((product, "en"), (translated, "id")):
        assert f'<link rel="alternate" hreflang="{code}" href="{page.full_url}">' in html
    breadcrumbs = html[
        html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))
    ]
    assert re.findall(r'href="([^"]+)"', breadcrumbs) == [
        site_tree["home"].url,
        site_tree["makers"].url,
        vendor.url,
    ]
    assert f'href="{vendor.url}"' in html[html.index('class="maker-card"') :]  # the maker's card
    documents = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    product_data, trail = documents
    assert product_data["url"] == product.full_url and product_data["manufacturer"]["url"] == vendor.full_url
    assert [item["item"] for item in trail["itemListElement"]] == [
        page.full_url for page in (site_tree["home"], site_tree["makers"], vendor, product)
    ]


def test_full_urls_follow_the_sites_address_while_the_site_runs(client, site_tree, product):
    assert f'<link rel="canonical" href="{product.full_url}">' in client.get(product.url).content.decode()

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "etalase.example", 443
    site.save()
    html = client.get(product.url).content.decode()
    assert '<link rel="canonical" href="https://etalase.example/en/makers/' in html
    assert 'hreflang="en" href="https://etalase.example/en/makers/' in html
