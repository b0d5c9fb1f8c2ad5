"""Fixtures for inquiry tests: makers with a private e-mail, a valid form submission, makers' admin users."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from wagtail.models import GroupPagePermission

from tests import factories

VENDOR_EMAIL = "owner@kabut-porselen.example"  # the `vendor` of tests/conftest.py
BUYER_EMAIL = "buyer@importer.example"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # The rate limit lives in the cache; each test starts with a clean hour.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def other_shop(module_db):
    """A second maker with a product, built once per module."""
    _home, _products, makers = factories.site()
    vendor = factories.make_vendor(
        makers, "Anyam Tasik Rimbun", district="lowokwaru", contact_email="rattan@tasik.example"
    )
    product = factories.make_product(
        vendor, "Rattan laundry hamper with lid", tiers=((30, 2500),), unit="pieces"
    )
    return {"vendor": vendor, "product": product}


@pytest.fixture
def other_vendor(site_tree, other_shop):
    return factories.fresh(other_shop["vendor"])


@pytest.fixture
def other_product(other_vendor, other_shop):
    return factories.fresh(other_shop["product"])


@pytest.fixture
def inquiry_data():
    return {
        "name": "Hanna Vermeulen",
        "company": "Vermeulen Home Goods B.V.",
        "email": BUYER_EMAIL,
        "country": "NL",
        "phone": "+31 10 123 4567",
        "quantity": "250",
        "unit": "pieces",
        "target_price": "3.80",
        "incoterm": "FOB",
        "destination": "Rotterdam, NL",
        "message": "We would like a quotation for 250 burners in gift boxes, delivery before October.",
        "website": "",
    }


@pytest.fixture
def new_inquiry_url():
    def build(product=None, vendor=None, lang="en"):
        if product is not None:
            return f"/{lang}/inquiries/new/?product={product.id}"
        return f"/{lang}/inquiries/new/?vendor={vendor.id}"

    return build


@pytest.fixture
def post_inquiry(client, new_inquiry_url, inquiry_data, django_capture_on_commit_callbacks):
    """POST a valid inquiry (with overrides) about a product; returns the response.

    Tests run inside a transaction that never commits, so the on-commit callbacks (the
    notification task) are run explicitly, as a real commit would.
    """

    def post(product=None, lang="en", ip="203.0.113.10", vendor=None, **overrides):
        data = {**inquiry_data, **overrides}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(new_inquiry_url(product, vendor=vendor, lang=lang), data, REMOTE_ADDR=ip)

    return post


def make_maker_user(django_user_model, username, vendor_page):
    """An SME's admin account as onboarding makes it: own group, change_page on its own maker page."""
    group = Group.objects.create(name=f"Maker {username}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupPagePermission.objects.create(
        group=group,
        page=vendor_page,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.com", password="x"
    )
    user.groups.add(group)
    return user


@pytest.fixture
def maker_user(django_user_model, vendor):
    return make_maker_user(django_user_model, "kabut", vendor)


@pytest.fixture
def other_maker_user(django_user_model, other_vendor):
    return make_maker_user(django_user_model, "tasik", other_vendor)


@pytest.fixture
def curator(django_user_model):
    return django_user_model.objects.create_superuser(
        username="curator", email="curator@example.com", password="x"
    )
