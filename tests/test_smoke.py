"""The site answers in every language with the right lang and dir."""

import pytest


@pytest.mark.parametrize(("code", "direction"), [("en", "ltr"), ("id", "ltr"), ("ar", "rtl")])
def test_home_page_answers_in_each_language(client, site_tree, code, direction):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}">' in response.content.decode()


def test_product_page_shows_ordering_facts(client, product):
    response = client.get(product.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "6913.10" in html
    assert "US$4.50" in html
