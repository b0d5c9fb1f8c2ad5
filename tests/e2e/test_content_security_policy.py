"""Chromium loads the buyer's pages and the admin under their Content-Security-Policy and blocks nothing."""

import pytest

from django.core.cache import cache

from tests import factories


@pytest.mark.e2e
def test_pages_and_admin_break_no_rule_of_their_policy(transactional_db, page, django_user_model):
    cache.clear()
    _home, _products, makers = factories.build_site()
    vendor = factories.make_vendor(makers, "Renyah Kedelai Purwa", contact_email="owner@renyah.example")
    product = factories.make_product(
        vendor, "Sanan tempe chips original", samples_available=True, sample_price=800, sample_max_quantity=5
    )
    django_user_model.objects.create_superuser("curator", "curator@example.com", "right-password-2026")
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security" in message.text else None,
    )

    for url in ["/en/", "/en/products/", product.url, vendor.url, f"/en/inquiries/new/?product={product.pk}"]:
        response = page.goto(url)
        assert response.status == 200, url
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], url
    page.goto(product.url)
    page.locator("form.add-sample [type=submit]").first.click()
    page.wait_for_load_state()
    assert page.goto("/en/samples/").status == 200

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill("right-password-2026")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    for url in ["/admin/", f"/admin/pages/{product.pk}/edit/", "/admin/sample_orders/"]:
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")

    assert violations == [], "\n".join(violations)
