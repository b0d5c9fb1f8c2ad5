"""The catalogue's filters narrow the list, combine, count their options, and never break on bad input."""

import re

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_search_index")]


@pytest.fixture(scope="module")
def catalogue(module_db):
    """Four products of two makers, built once: the tests only read them (or roll back what they add)."""
    _home, products, makers = factories.site()
    ceramics = factories.make_category("Ceramics", "crafts")
    snacks = factories.make_category("Snacks", "processed-food")
    halal = factories.make_certification_type("Halal", "Halal certificate")
    pirt = factories.make_certification_type("P-IRT", "Home-industry food licence")
    potter = factories.make_vendor(makers, "Studio Lempung", district="lowokwaru", sector="crafts")
    snack_maker = factories.make_vendor(
        makers, "Renyah Kedelai", district="blimbing", sector="processed-food"
    )
    factories.make_product(
        potter,
        "Porcelain vase",
        category=ceramics,
        tiers=((50, 900),),
        samples_available=True,
        sample_price=500,
    )
    factories.make_product(potter, "Porcelain mug set", category=ceramics, tiers=((200, 1200), (1000, 1000)))
    factories.make_product(
        snack_maker,
        "Tempe chips original",
        category=snacks,
        tiers=((500, 180),),
        certifications=[(halal, "ID0000000000001"), (pirt, "P-IRT 0000000000000-00")],
        samples_available=True,
        sample_price=300,
    )
    factories.make_product(
        snack_maker,
        "Tempe chips seaweed",
        category=snacks,
        tiers=((1000, 210),),
        certifications=[(pirt, "P-IRT 0000000000000-01")],
    )
    return products


def titles(client, catalogue, query=""):
    response = client.get(f"{catalogue.url}?{query}")
    assert response.status_code == 200
    return sorted(p.title for p in response.context["products"])


# One catalogue serves many queries: building it is the slow part.
NARROWING_CASES = [
    ("", ["Porcelain mug set", "Porcelain vase", "Tempe chips original", "Tempe chips seaweed"]),
    ("category=ceramics", ["Porcelain mug set", "Porcelain vase"]),
    ("certification=halal", ["Tempe chips original"]),
    ("certification=p-irt", ["Tempe chips original", "Tempe chips seaweed"]),
    ("district=blimbing", ["Tempe chips original", "Tempe chips seaweed"]),
    ("sector=crafts", ["Porcelain mug set", "Porcelain vase"]),
    ("vendor=studio-lempung", ["Porcelain mug set", "Porcelain vase"]),
    ("samples=1", ["Porcelain vase", "Tempe chips original"]),
    ("moq_max=200", ["Porcelain mug set", "Porcelain vase"]),
    ("price_min=5", ["Porcelain mug set", "Porcelain vase"]),
    ("price_max=2", ["Tempe chips original"]),
    ("price_min=1.9&price_max=9.5", ["Porcelain vase", "Tempe chips seaweed"]),
    ("category=snacks&samples=1", ["Tempe chips original"]),
    ("certification=p-irt&moq_max=600", ["Tempe chips original"]),
    ("district=lowokwaru&certification=halal", []),
    ("q=seaweed", ["Tempe chips seaweed"]),
    ("q=porcelain&moq_max=100", ["Porcelain vase"]),
]


def test_each_filter_narrows_and_combines(client, catalogue):
    for query, expected in NARROWING_CASES:
        assert titles(client, catalogue, query) == expected, query


def test_sort_orders_the_list(client, catalogue):
    for sort, first in [
        ("name", "Porcelain mug set"),
        ("price", "Tempe chips original"),
        ("moq", "Porcelain vase"),
    ]:
        response = client.get(f"{catalogue.url}?sort={sort}")
        assert response.context["products"][0].title == first, sort


BAD_QUERIES = [
    "page=abc",
    "page=-1",
    "page=99999",
    "moq_max=-3",
    "moq_max=lots",
    "price_min=abc&price_max=1e999",
    "price_min=NaN",
    "category=no-such-thing",
    "certification=%3Cscript%3E",
    "district=atlantis",
    "sort=drop+table",
    "samples=maybe",
    "q=" + "x" * 500,
]


def test_bad_parameters_never_error(client, catalogue):
    for query in BAD_QUERIES:
        response = client.get(f"{catalogue.url}?{query}")
        assert response.status_code == 200, query


def test_negative_moq_max_is_clamped_to_one(client, catalogue):
    assert titles(client, catalogue, "moq_max=-3") == []


def test_filter_options_carry_counts_given_the_other_filters(client, catalogue):
    response = client.get(f"{catalogue.url}?district=blimbing")
    facets = response.context["facets"]
    assert ("p-irt", "Home-industry food licence", 2) in facets["certification"]
    assert ("halal", "Halal certificate", 1) in facets["certification"]
    # The district facet ignores its own filter, so the buyer can switch districts.
    assert {value: n for value, _label, n in facets["district"]} == {"blimbing": 2, "lowokwaru": 2}


def test_pagination_keeps_the_filters(client, catalogue, monkeypatch):
    from catalog.models import ProductIndexPage

    monkeypatch.setattr(ProductIndexPage, "page_size", 1)
    html = client.get(f"{catalogue.url}?category=ceramics").content.decode()
    links = re.findall(r'href="([^"]*page=2[^"]*)"', html)
    assert links and all("category=ceramics" in link for link in links)


def test_pages_follow_the_sort_without_gaps_or_repeats(client, catalogue, monkeypatch):
    from catalog.models import ProductIndexPage

    monkeypatch.setattr(ProductIndexPage, "page_size", 1)
    pages = [client.get(f"{catalogue.url}?sort=name&page={n}").context["products"] for n in range(1, 5)]
    assert [[p.title for p in page] for page in pages] == [
        ["Porcelain mug set"],
        ["Porcelain vase"],
        ["Tempe chips original"],
        ["Tempe chips seaweed"],
    ]
    # Unfiltered and sorted by the page's own columns, the pages' rows are picked from
    # wagtailcore_page alone (catalog.queries.product_ids_by_page_fields): the same rows, in order.
    newest = [client.get(f"{catalogue.url}?page={n}").context["products"] for n in range(1, 5)]
    assert [p.title for page in newest for p in page] == [
        "Tempe chips seaweed",
        "Tempe chips original",
        "Porcelain mug set",
        "Porcelain vase",
    ]
    last = client.get(f"{catalogue.url}?sort=price&page=2&category=snacks").context["products"]
    assert [p.title for p in last] == ["Tempe chips seaweed"]


def test_counts_follow_publishing(client, catalogue):
    """The total and the option counts are kept between requests, but never past a change."""

    def summary():
        response = client.get(f"{catalogue.url}?district=blimbing")
        facets = response.context["facets"]
        return response.context["page_obj"].paginator.count, {v: n for v, _label, n in facets["district"]}

    assert summary() == (2, {"blimbing": 2, "lowokwaru": 2})

    from catalog.models import VendorPage

    snack_maker = VendorPage.objects.get(slug="renyah-kedelai", locale__language_code="en")
    new = factories.make_product(snack_maker, "Tempe chips spicy", tiers=((500, 190),))
    assert summary() == (3, {"blimbing": 3, "lowokwaru": 2})

    new.unpublish()
    assert summary() == (2, {"blimbing": 2, "lowokwaru": 2})


def soup(client, catalogue, query):
    from bs4 import BeautifulSoup

    response = client.get(f"{catalogue.url}?{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def selected(page, name):
    """The value the select `name` shows as chosen (the first option when none is marked, as browsers do)."""
    select = page.find("select", attrs={"name": name})
    assert select is not None, name
    chosen = select.find("option", selected=True) or select.find("option")
    return chosen["value"]


def chips(page):
    """Each applied-filter chip's text and the URL of its remove link."""
    return {
        chip.select_one(".chip__text").get_text(strip=True): chip.select_one("a.chip__remove")["href"]
        for chip in page.select(".applied-filters .chip")
    }


def test_applied_filters_show_as_chips_each_with_a_plain_link_that_removes_it(client, catalogue):
    query = "category=ceramics&samples=1&price_max=9.5&vendor=studio-lempung&sort=name"
    page = soup(client, catalogue, query)
    url = catalogue.url
    assert chips(page) == {
        "Category: Ceramics": f"{url}?vendor=studio-lempung&samples=1&price_max=9.50&sort=name",
        "Maker: Studio Lempung": f"{url}?category=ceramics&samples=1&price_max=9.50&sort=name",
        "Samples available": f"{url}?category=ceramics&vendor=studio-lempung&price_max=9.50&sort=name",
        "Highest price: US$ 9.50": f"{url}?category=ceramics&vendor=studio-lempung&samples=1&sort=name",
    }
    # The sort is not a filter: clearing them all keeps it.
    assert page.select_one(".applied-filters__clear")["href"] == f"{url}?sort=name"
    assert page.select_one("[data-catalogue-toggle]").get_text(strip=True) == "Filters (4)"
    assert [a.select_one(".visually-hidden").get_text() for a in page.select("a.chip__remove")][0] == (
        "Remove filter: Category: Ceramics"
    )
    # Each remove link, followed without JavaScript, shows the list without that filter.
    removed = client.get(chips(page)["Category: Ceramics"])
    assert [p.title for p in removed.context["products"]] == ["Porcelain vase"]


def test_no_chips_without_filters(client, catalogue):
    page = soup(client, catalogue, "sort=price")
    assert page.select(".applied-filters") == []
    assert page.select_one("[data-catalogue-toggle]").get_text(strip=True) == "Filters"


@pytest.mark.parametrize(
    "query, expected",
    [
        # No product is both in Lowokwaru and halal: both filters still show as applied.
        ("district=lowokwaru&certification=halal", {"district": "lowokwaru", "certification": "halal"}),
        # A keyword nothing matches leaves no option a count: the sector and district stay applied.
        ("q=zzzz&sector=crafts&district=blimbing", {"sector": "crafts", "district": "blimbing"}),
        ("q=zzzz&category=snacks", {"category": "snacks", "sector": "", "district": ""}),
    ],
)
def test_zero_results_still_show_the_applied_filters_as_applied(client, catalogue, query, expected):
    page = soup(client, catalogue, query)
    assert page.select(".product-card") == []
    assert "No products match these filters." in page.get_text()
    for name, value in expected.items():
        assert selected(page, name) == value, name
    # Every filter select is there, so the buyer can change any of them.
    for name in ("category", "certification", "sector", "district"):
        assert page.find("select", attrs={"name": name}) is not None, name
    applied = [name for name, value in expected.items() if value]
    assert len(chips(page)) == len(applied) + query.startswith("q=")
    assert page.select_one("[data-catalogue-toggle]").get_text(strip=True) == f"Filters ({len(chips(page))})"
