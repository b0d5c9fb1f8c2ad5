"""A buyer in Chromium goes from a product page to a sent inquiry and sees its reference."""

import re

import pytest

from django.core.cache import cache

from inquiries.models import Inquiry
from tests import factories


@pytest.mark.e2e
def test_buyer_sends_an_inquiry_from_a_product_page(transactional_db, mailoutbox, page):
    cache.clear()
    _home, _products, makers = factories.build_site()
    vendor = factories.make_vendor(makers, "Renyah Kedelai Purwa", contact_email="owner@renyah.example")
    product = factories.make_product(
        vendor, "Sanan tempe chips original", tiers=((500, 120),), unit="pouches"
    )

    page.goto(product.url)
    page.get_by_role("link", name="Send inquiry").first.click()

    page.wait_for_url(re.compile(r"/en/inquiries/new/\?product="))
    assert page.get_by_label("Quantity").input_value() == "500"
    page.get_by_label("Your name").fill("Kenji Sato")
    page.get_by_role("textbox", name="Company").fill("Sato Zakka Trading")
    page.get_by_label("E-mail").fill("kenji@zakka.example")
    page.get_by_role("combobox", name="Country").select_option("JP")
    page.get_by_label("Destination (port or city, country)").fill("Osaka, JP")
    page.get_by_label("Your message").fill("Please quote 1,000 pouches of the seaweed flavour for Osaka.")
    page.get_by_role("button", name="Send inquiry").click()

    page.wait_for_url(re.compile(r"/en/inquiries/thanks/"))
    reference = page.locator(".inquiry__reference strong").inner_text()
    assert re.fullmatch(r"INQ-\d{4}-\d{6}", reference)
    assert Inquiry.objects.get().reference == reference
