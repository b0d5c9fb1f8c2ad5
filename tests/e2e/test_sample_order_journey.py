"""A buyer in Chromium orders samples from two makers and gets an order reference (invoice mode)."""

import os
import re

import pytest

from orders.models import OrderStatus, SampleOrder
from tests import factories

# Playwright's event loop runs in this thread; the test database may be created after it starts.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_buyer_orders_samples_from_two_makers(page, settings):
    settings.STRIPE_SECRET_KEY = ""
    _home, _products, makers = factories.build_site()
    kabut = factories.make_vendor(makers, "Atelier Kabut Porselen")
    renyah = factories.make_vendor(makers, "Renyah Kedelai Purwa", sector="processed-food")
    burner = factories.make_product(
        kabut, "Porcelain aroma burner", samples_available=True, sample_price=1500, sample_max_quantity=3
    )
    chips = factories.make_product(
        renyah, "Sanan tempe chips", samples_available=True, sample_price=800, sample_max_quantity=5
    )

    page.goto(burner.url)
    page.get_by_role("button", name="Add sample").click()
    page.get_by_text("Porcelain aroma burner was added to your sample box.").wait_for()
    page.goto(chips.url)
    page.get_by_label("Number of samples").fill("2")
    page.get_by_role("button", name="Add sample").click()
    page.get_by_text("Sanan tempe chips was added to your sample box.").wait_for()
    page.goto(burner.url)  # the same page as everyone's: the header's count comes from the box's state
    page.locator(".sample-box-link [data-sample-box-count]", has_text="3").wait_for()

    page.goto("/en/samples/")
    box = page.locator(".sample-box")
    assert box.get_by_role("heading", name="Atelier Kabut Porselen").is_visible()
    assert box.get_by_role("heading", name="Renyah Kedelai Purwa").is_visible()
    page.get_by_label("Quantity of Porcelain aroma burner").fill("3")
    page.locator(f'.sample-line[data-product="{burner.pk}"]').get_by_role("button", name="Update").click()
    page.get_by_text("Your sample box was updated.").wait_for()
    assert "US$61.00" in page.locator(".order-totals .subtotal").inner_text()  # 3 × 15 + 2 × 8

    page.get_by_role("link", name="Check out").click()
    page.get_by_label("Full name").fill("Mia Tan")
    page.get_by_label("E-mail").fill("mia@example.sg")
    page.get_by_label("Address").first.fill("1 Example Road")  # before "Address (line 2)"
    page.get_by_label("City").fill("Singapore")
    page.get_by_label("Country").select_option("SG")
    page.get_by_role("button", name="Place order").click()

    heading = page.get_by_role("heading", level=1)
    heading.wait_for()
    assert re.search(r"SMP-\d{4}-\d{6}", heading.inner_text())
    assert page.get_by_text("an invoice for the samples and shipping will follow", exact=False).is_visible()
    order = SampleOrder.objects.get()
    assert order.status == OrderStatus.AWAITING_INVOICE and order.reference in heading.inner_text()
    assert sorted(order.lines.values_list("quantity", flat=True)) == [2, 3]
