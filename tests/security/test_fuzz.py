"""Every URL a buyer can reach, in every language, with hostile input: never a server error.

Each URL is asked for once with each hostile value (the value in every parameter it reads, and in a
junk parameter), the languages taken in turn, so every language sees every URL and the module stays
at a few hundred requests. The site is built once for the module and rolled back at the end.
"""

import datetime
from urllib.parse import quote

import pytest

from django.core.management import call_command
from django.test import Client

from storefront.translation import sync_locale_trees
from stories.models import EventIndexPage, StoryIndexPage
from tests import factories
from tests.orders.conftest import CONTACT
from tests.stories.conftest import make_event, make_story

# The mark also tells pytest-django to create the test database before the module fixture runs.
pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "id", "zh-hans", "ja", "ar"]

HOSTILE = [
    '"',
    'porcelain" OR "1"="1',
    "\x00",
    "a\x00b",
    "x" * 5000,
    "\u202eevil\u202c",
    "' OR 1=1 --",
    "NEAR(a b) * ^ (",
    "🍵👩‍👩‍👧",
    "-1",
    "0",
    "99999999999999999999999999",
    "2147483648",
    "1e308",
    "NaN",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "%",
]
# Percent-encodings that are not UTF-8: sent as they are in the query string.
BAD_ENCODINGS = ["%ff%fe", "%c0%af", "%e2%28%a1", "%00", "%"]

# What each listing reads from its query string.
CATALOGUE = ["q", "category", "certification", "district", "sector", "vendor", "samples"]
CATALOGUE += ["moq_max", "price_min", "price_max", "sort", "page"]
STORIES = ["topic", "maker", "page"]


@pytest.fixture(scope="module")
def site(module_db):
    """The buyer's site with one of each page, in every locale, for the whole module."""
    home, products, makers = factories.site()
    vendor = factories.make_vendor(makers, "Atelier Kabut Porselen", contact_email="kabut@example.com")
    product = factories.make_product(
        vendor, "Porcelain aroma burner", samples_available=True, sample_price=1500, sample_max_quantity=3
    )
    stories = factories.publish(home.add_child(instance=StoryIndexPage(title="Stories", slug="stories")))
    events = factories.publish(home.add_child(instance=EventIndexPage(title="Events", slug="events")))
    sync_locale_trees()
    story = make_story(stories, "A new box for tempe chips")
    event = make_event(
        events, "Malang City Expo", datetime.date(2026, 9, 1), datetime.date(2026, 9, 3), vendors=[vendor]
    )
    call_command("update_index", verbosity=0)  # so the searches below reach the full-text index
    pages = {"home": home, "products": products, "makers": makers, "maker": vendor}
    pages |= {"product": product, "stories": stories, "story": story, "events": events, "event": event}
    return {
        name: {page.locale.language_code: page.url for page in [p, *p.get_translations()]}
        for name, p in pages.items()
    } | {"product_id": product.pk, "vendor_id": vendor.pk}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True  # its keys are built from the same hostile query strings


def in_turn(values):
    """(language, value) pairs: each value once, the languages in turn."""
    return [(LANGUAGES[n % len(LANGUAGES)], value) for n, value in enumerate(values)]


def encoded(value):
    return quote(value, safe="")


def query(names, value):
    """`?name=value&…` for each name and a junk parameter, hostile raw encodings as they are."""
    raw = value if value in BAD_ENCODINGS else encoded(value)
    return "?" + "&".join(f"{name}={raw}" for name in [*names, "utm_junk"])


def server_errors(requests):
    """Send each (method, url, data) with a fresh anonymous client; the ones answered with a 5xx.

    Each from an address of its own, so the inquiry rate limit lets every post reach the database."""
    failed = []
    for n, (method, url, data) in enumerate(requests):
        client = Client(raise_request_exception=False, REMOTE_ADDR=f"10.0.{n // 250}.{n % 250}")
        response = client.post(url, data) if method == "POST" else client.get(url)
        if response.status_code >= 500:
            failed.append((method, url[:120], response.status_code))
    return failed


VALUES = HOSTILE + BAD_ENCODINGS


def test_pages_listings_and_site_files(site):
    requests = []
    for name, names in [
        ("home", []),
        ("products", CATALOGUE),
        ("makers", []),
        ("maker", []),
        ("product", []),
        ("stories", STORIES),
        ("story", []),
        ("events", []),
        ("event", []),
    ]:
        for lang, value in in_turn(VALUES):
            requests.append(("GET", site[name][lang] + query(names, value), None))
    files = ["/sitemap.xml", "/robots.txt", "/healthz", "/.well-known/security.txt"]
    for n, value in enumerate(VALUES):
        requests.append(("GET", files[n % len(files)] + query(["p", "section"], value), None))
    assert server_errors(requests) == []


def test_search_and_suggestions(site):
    requests = []
    for path in ("search/", "search/suggest/"):
        for lang, value in in_turn(VALUES):
            requests.append(("GET", f"/{lang}/{path}" + query(["q", "page"], value), None))
    assert server_errors(requests) == []


def test_inquiry_sample_box_checkout_and_orders(site):
    requests = []
    for lang, value in in_turn(VALUES):
        requests.append(("GET", f"/{lang}/inquiries/new/" + query(["product"], value), None))
        requests.append(("GET", f"/{lang}/inquiries/new/" + query(["vendor"], value), None))
        requests.append(("GET", f"/{lang}/inquiries/thanks/{encoded(value)}/", None))
    for lang, value in in_turn(HOSTILE):
        url = f"/{lang}/inquiries/new/?product={site['product_id']}"
        every_field = dict.fromkeys(
            ["name", "company", "email", "country", "phone", "quantity", "unit", "target_price"], value
        ) | {"incoterm": value, "destination": value, "message": value}
        one_field = {
            "name": "Hanna Vermeulen",
            "company": "Vermeulen Home Goods",
            "email": "hanna@importer.example",
            "country": "NL",
            "quantity": "250",
            "unit": "pieces",
            "target_price": value,
            "incoterm": "FOB",
            "destination": value,
            "message": f"Please quote 250 pieces. {value}",
        }
        requests += [("POST", url, every_field), ("POST", url, one_field)]
    for lang, value in in_turn(VALUES):
        requests.append(("GET", f"/{lang}/samples/" + query([], value), None))
        requests.append(("GET", f"/{lang}/orders/{encoded(value)}/", None))
        requests.append(("GET", f"/{lang}/orders/{encoded(value)}/pay/", None))
    for lang, value in in_turn(HOSTILE):
        for action in ("add", "update", "remove"):
            data = {"product": value, "quantity": value, "next": value}
            requests.append(("POST", f"/{lang}/samples/{action}/", data))
        requests.append(("POST", f"/{lang}/samples/checkout/", dict.fromkeys(CONTACT, value)))
    assert server_errors(requests) == []

    # With a sample in the box: quantities and the checkout form itself.
    failed = []
    for lang, value in in_turn(HOSTILE):
        client = Client(raise_request_exception=False)
        client.post(f"/{lang}/samples/add/", {"product": site["product_id"], "quantity": 1})
        for response in (
            client.post(f"/{lang}/samples/add/", {"product": site["product_id"], "quantity": value}),
            client.post(f"/{lang}/samples/update/", {"product": site["product_id"], "quantity": value}),
            client.get(f"/{lang}/samples/checkout/"),
            client.post(
                f"/{lang}/samples/checkout/", {**CONTACT, "name": value, "city": value, "email": value}
            ),
            client.post(f"/{lang}/samples/checkout/", dict.fromkeys(CONTACT, value)),
        ):
            if response.status_code >= 500:
                failed.append((lang, value[:40], response.status_code))
    assert failed == []
