"""Editors get clear messages for a bad NIB, HS code, MOQ or price tiers, and nothing is saved."""

import pytest

from django.contrib.auth import get_user_model

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from catalog.models import ProductPage, VendorPage


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("curator", "curator@example.com", "pw")
    client.force_login(user)
    return client


def product_form(**overrides):
    tiers = overrides.pop("tiers", [(100, "4.50"), (500, "3.80")])
    data = {
        "title": "Porcelain mug set",
        "slug": "porcelain-mug-set",
        "summary": "Four glazed mugs in a gift box",
        "description": rich_text("<p>Hand-glazed in Dinoyo.</p>"),
        "hs_code": "6911.10",
        "moq": 100,
        "unit": "sets",
        "incoterm": "FOB",
        "incoterm_place": "Tanjung Perak, Surabaya",
        "lead_time_days": 30,
        "sample_max_quantity": 3,
        "gallery_images": inline_formset([]),
        "price_tiers": inline_formset(
            [{"min_quantity": q, "unit_price": p, "currency": "USD"} for q, p in tiers], min=1
        ),
        "certifications": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def edit_form(product, prices=None, **overrides):
    """The edit form as the admin sends it: the saved price tiers keep their ids; `prices` maps a
    tier's row number to a new unit price."""
    rows = [
        {
            "id": tier.pk,
            "min_quantity": tier.min_quantity,
            "unit_price": (prices or {}).get(index, f"{tier.unit_price / 100:.2f}"),
            "currency": tier.currency,
            "ORDER": index,
        }
        for index, tier in enumerate(product.price_tiers.order_by("sort_order"))
    ]
    data = product_form(**overrides)
    data.update(nested_form_data({"price_tiers": inline_formset(rows, initial=len(rows), min=1)}))
    return data


def vendor_form(**overrides):
    data = {
        "title": "Studio Lempung Salju",
        "slug": "studio-lempung-salju",
        "legal_name": "CV Lempung Salju (demo)",
        "nib": "0000000000000",
        "business_type": "artisan",
        "district": "lowokwaru",
        "sector": "crafts",
        "story": rich_text(""),
        "certifications": inline_formset([]),
        "trademarks": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_product(client, vendor, data):
    return client.post(f"/admin/pages/add/catalog/productpage/{vendor.id}/", data)


def test_valid_product_is_created_with_prices_in_cents(admin_client, vendor):
    response = add_product(admin_client, vendor, product_form())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    product = ProductPage.objects.get(slug="porcelain-mug-set", locale__language_code="en")
    assert [(t.min_quantity, t.unit_price) for t in product.price_tiers.all()] == [(100, 450), (500, 380)]
    assert product.price_from == 380
    assert product.vendor_id == vendor.id


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"hs_code": "6911"}, "An HS code has 6 to 10 digits"),
        ({"hs_code": "69111000000"}, "An HS code has 6 to 10 digits"),
        ({"hs_code": "6911-AB"}, "An HS code has 6 to 10 digits"),
        ({"moq": 0}, "The minimum order quantity must be at least 1."),
        ({"tiers": [(500, "3.80"), (100, "4.50")]}, "Each price tier must start at a larger quantity"),
        ({"tiers": [(100, "4.50"), (100, "3.80")]}, "Each price tier must start at a larger quantity"),
        ({"tiers": [(100, "-1.00")]}, "greater than or equal to 0"),
    ],
)
def test_bad_product_data_is_refused_with_its_message(admin_client, vendor, overrides, message):
    response = add_product(admin_client, vendor, product_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProductPage.objects.filter(slug="porcelain-mug-set").exists()


@pytest.mark.parametrize(
    ("nib", "message"),
    [
        ("12345", "An NIB is exactly 13 digits"),
        ("91200012345AB", "An NIB is exactly 13 digits"),
        ("12345678901234", "Ensure this value has at most 13 characters"),
    ],
)
def test_bad_nib_is_refused_with_its_message(admin_client, site_tree, nib, message):
    makers = site_tree["makers"]
    response = admin_client.post(f"/admin/pages/add/catalog/vendorpage/{makers.id}/", vendor_form(nib=nib))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not VendorPage.objects.filter(slug="studio-lempung-salju").exists()


def test_valid_vendor_is_created(admin_client, site_tree):
    makers = site_tree["makers"]
    response = admin_client.post(f"/admin/pages/add/catalog/vendorpage/{makers.id}/", vendor_form())
    assert response.status_code == 302
    vendors = VendorPage.objects.filter(slug="studio-lempung-salju")
    assert vendors.get(locale__language_code="en").nib == "0000000000000"
    # wagtail-localize gives a page made in the admin its copy in every other locale.
    assert sorted(vendors.values_list("locale__language_code", flat=True)) == [
        "ar",
        "en",
        "id",
        "ja",
        "zh-hans",
    ]


def edit_tiers(client, product, tiers, *, initial):
    """Post the edit form with these tier rows; `initial`: how many of them are saved rows."""
    rows = [{"id": pk or "", "min_quantity": q, "unit_price": p, "currency": "USD"} for pk, q, p in tiers]
    data = product_form(tiers=[])
    data.update(nested_form_data({"price_tiers": inline_formset(rows, initial=initial, min=1)}))
    return client.post(f"/admin/pages/{product.id}/edit/", data)


def test_saved_tiers_are_edited_in_place(admin_client, vendor):
    add_product(admin_client, vendor, product_form())
    product = ProductPage.objects.get(slug="porcelain-mug-set", locale__language_code="en")
    first, second = product.price_tiers.all()
    tiers = [(first.pk, 100, "4.00"), (second.pk, 600, "3.00")]
    response = edit_tiers(admin_client, product, tiers, initial=2)
    assert response.status_code == 302
    assert [(t.min_quantity, t.unit_price) for t in product.price_tiers.all()] == [(100, 400), (600, 300)]


def test_a_form_without_the_saved_tiers_is_refused_and_changes_nothing(admin_client, vendor):
    """A form sent without some of the saved rows (an old copy of the page, or a hand-made request)
    would keep them beside the new ones: two tiers at 100 units. It is refused instead."""
    add_product(admin_client, vendor, product_form())
    product = ProductPage.objects.get(slug="porcelain-mug-set", locale__language_code="en")
    response = edit_tiers(admin_client, product, [(None, 100, "4.00"), (None, 600, "3.00")], initial=0)
    assert response.status_code == 200
    assert "The price tiers have changed since this page was opened" in response.content.decode()
    product = ProductPage.objects.get(pk=product.pk)
    assert [(t.min_quantity, t.unit_price) for t in product.price_tiers.all()] == [(100, 450), (500, 380)]
    assert product.get_latest_revision().as_object().price_tiers.count() == 2
