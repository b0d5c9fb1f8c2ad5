"""Prices and numbers as a buyer reads them in each language: grouped by thousands, never 2,0000."""

import pytest

from catalog.models import Unit
from tests import factories


@pytest.fixture
def bulk_product(vendor):
    return factories.make_product(vendor, "Arabica green beans", tiers=((20000, 123450),), unit=Unit.KG)


def page_in(client, product, code):
    response = client.get(product.url.replace("/en/", f"/{code}/", 1))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("code", "moq", "price"),
    [
        ("en", "20,000 kg", "US$1,234.50"),
        ("id", "20.000 kg", "US$1.234,50"),
        ("ja", "20,000", "US$1,234.50"),
        ("zh-hans", "20,000", "US$1,234.50"),
    ],
)
def test_moq_and_price_are_grouped_by_thousands_in_each_language(client, bulk_product, code, moq, price):
    html = page_in(client, bulk_product, code)
    assert moq in html
    assert price in html
    assert "2,0000" not in html
    assert "20000" not in html.split("application/ld+json")[0]


@pytest.mark.parametrize(
    ("code", "per_unit"),
    [("en", "per kg, FOB"), ("id", "per kg, FOB"), ("ja", "1 kgあたり、FOB"), ("ar", "لكل كغ، FOB")],
)
def test_the_price_is_per_the_unit_the_minimum_order_is_counted_in(client, bulk_product, code, per_unit):
    html = page_in(client, bulk_product, code)
    headline = html.split('class="price-from"')[1].split("</p>")[0]
    assert per_unit in headline
    assert "per unit" not in html


def test_catalogue_cards_give_each_price_its_unit(client, bulk_product, vendor):
    factories.make_product(vendor, "Batik scarf", tiers=((50, 1500),), unit=Unit.PIECES)
    html = client.get("/en/products/").content.decode()
    assert "per kg" in html and "per piece" in html
    assert "per unit" not in html
