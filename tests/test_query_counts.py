"""Listings fetch their cards with a fixed number of queries, however many products there are."""

from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.images.models import Image

from catalog.models import ProductGalleryImage, ProductPage, ProductPriceTier
from tests import factories

pytestmark = pytest.mark.django_db


def photo():
    buffer = BytesIO()
    PILImage.new("RGB", (64, 48), (180, 90, 60)).save(buffer, "JPEG")
    return Image.objects.create(title="Photo", file=ImageFile(buffer, name="photo.jpg"))


def add_products(vendor, image, count):
    """Live English products with a photo and two price tiers, made quickly (no revisions or copies)."""
    for n in range(count):
        product = ProductPage(
            title=f"Listed product {vendor.slug} {n}",
            slug=f"listed-{n}",
            summary="A product in a long list",
            hs_code="691310",
            moq=100,
            lead_time_days=30,
            live=True,
            first_published_at=timezone.now(),
        )
        product.price_tiers.add(ProductPriceTier(sort_order=0, min_quantity=100, unit_price=500))
        product.price_tiers.add(ProductPriceTier(sort_order=1, min_quantity=500, unit_price=400))
        product.gallery_images.add(ProductGalleryImage(image=image, alt_text="A product photo"))
        vendor.add_child(instance=product)


def queries_for(client, url):
    client.get(url)  # the first view makes the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "Listed product" in response.content.decode(), url
    return len(queries)


PAGES = {
    "catalogue": lambda home, products, vendor: products.url,
    "catalogue-filtered": lambda home, products, vendor: products.url + "?samples=0&moq_max=1000&sort=price",
    "maker": lambda home, products, vendor: vendor.url,
    "home": lambda home, products, vendor: home.url,
    "search": lambda home, products, vendor: "/en/search/?q=listed",
}


@pytest.fixture(scope="module")
def query_counts(module_db):
    """Each page's queries with 10 products (of a small maker), then with 100 (90 more of a large one)."""
    home, products, makers = factories.site()
    client = Client()
    with override_settings(WAGTAILSEARCH_BACKENDS=factories.search_backends(auto_update=True)):
        image = photo()
        small = factories.make_vendor(makers, "Small Maker")
        large = factories.make_vendor(makers, "Large Maker")
        add_products(small, image, 10)
        with_ten = {name: queries_for(client, url(home, products, small)) for name, url in PAGES.items()}
        add_products(large, image, 90)
        assert ProductPage.objects.filter(locale__language_code="en").count() == 100
        with_hundred = {name: queries_for(client, url(home, products, large)) for name, url in PAGES.items()}
    return with_ten, with_hundred


@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_the_number_of_products(query_counts, page):
    with_ten, with_hundred = query_counts
    assert with_hundred[page] == with_ten[page]
