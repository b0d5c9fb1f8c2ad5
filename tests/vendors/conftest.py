"""Two onboarded makers (A and B) with a product and an image each, a curator, and logged-in clients."""

import copy

import pytest

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from catalog.onboarding import onboard_vendor
from catalog.review import ensure_review_setup
from tests import factories


@pytest.fixture(scope="module")
def shared_makers(module_db):
    """Maker A and maker B, onboarded once per module with the review workflow."""
    ensure_review_setup()
    return {
        "a": _onboard("Atelier Alpha Porselen", "alpha@example.com"),
        "b": _onboard("Bengkel Beta Rotan", "beta@example.com"),
    }


@pytest.fixture
def review(site_tree):
    return ensure_review_setup()


def _onboard(brand, email):
    result = onboard_vendor(brand, email, "lowokwaru", "crafts")
    vendor = result.vendor
    # The curators' first approval, done directly: later edits go through the workflow under test.
    vendor.tagline = f"{brand} makes porcelain in Malang"
    vendor.save_revision().publish()
    vendor.refresh_from_db()
    product = factories.make_product(vendor, f"{brand} Vase", summary=f"A vase by {brand}")
    image = get_image_model().objects.create(
        title=f"{brand} workshop photo", file=get_test_image_file(), collection=result.collection
    )
    result.product = product
    result.image = image
    return result


def _as_now(result):
    """A copy of the onboarded maker with its pages read afresh: one test's changes stay its own."""
    now = copy.copy(result)
    now.vendor = factories.fresh(result.vendor)
    now.product = factories.fresh(result.product)
    return now


@pytest.fixture
def maker_a(review, shared_makers):
    return _as_now(shared_makers["a"])


@pytest.fixture
def maker_b(review, shared_makers):
    return _as_now(shared_makers["b"])


@pytest.fixture
def curator(review):
    user = get_user_model().objects.create_user("kurator@example.com", "kurator@example.com", "pw")
    user.groups.add(review["curators"])
    return user


@pytest.fixture
def client_a(client, maker_a, maker_b):
    client.force_login(maker_a.user)
    return client


@pytest.fixture
def curator_client(client, curator, maker_a, maker_b):
    client.force_login(curator)
    return client


def png_upload(name="photo.png"):
    return SimpleUploadedFile(name, get_test_image_file().file.getvalue(), content_type="image/png")
