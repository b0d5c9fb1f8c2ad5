"""Shared fixtures: a site with its sections in every locale, and helpers to add makers and products."""

import pytest

from django.core.cache import caches

from tests import factories


@pytest.fixture(autouse=True)
def clear_caches():
    """Each test starts with empty caches: ids repeat after a rollback, so cached renditions,
    rate-limit counters and the like must not leak from one test into the next."""
    for cache in caches.all(initialized_only=True):
        cache.clear()


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
