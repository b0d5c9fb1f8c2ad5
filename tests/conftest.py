"""Shared fixtures: a site with its sections in every locale, and helpers to add makers and products."""

import pytest

from tests import factories


@pytest.fixture
def site_tree(db):
    home, products, makers = factories.build_site()
    return {"home": home, "products": products, "makers": makers}


@pytest.fixture
def vendor(site_tree):
    return factories.make_vendor(site_tree["makers"], "Atelier Kabut Porselen", district="lowokwaru")


@pytest.fixture
def product(vendor):
    return factories.make_product(
        vendor,
        "Hand-painted porcelain aroma burner",
        summary="Tea-light aromatherapy burner in white Malang porcelain",
        samples_available=True,
        sample_price=1500,
        sample_max_quantity=3,
    )
