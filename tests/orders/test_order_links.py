"""A buyer's private order link works for ORDER_LINK_MAX_AGE_DAYS, then says so in the site's design."""

import time

from django.core import signing
from django.test import Client

from orders.models import SampleOrder
from orders.tokens import SALT
from tests.orders.conftest import CONTACT
from tests.orders.test_checkout import fill_box
from tests.orders.test_payment_keys import restart_order_numbering


def days_later(monkeypatch, days):
    """Signatures are read `days` from now (only the signing module's clock moves)."""

    class Clock:
        @staticmethod
        def time():
            return time.time() + days * 24 * 60 * 60

    monkeypatch.setattr(signing, "time", Clock)


def test_an_order_link_older_than_its_max_age_shows_a_page_saying_so(
    client, two_makers, zones, settings, monkeypatch
):
    settings.ORDER_LINK_MAX_AGE_DAYS = 30
    fill_box(client, two_makers)
    link = client.post("/en/samples/checkout/", CONTACT).url
    order = SampleOrder.objects.get()
    legacy_link = f"/en/orders/{signing.dumps([order.pk, order.reference], salt=SALT, compress=True)}/"

    days_later(monkeypatch, 29)
    assert client.get(link).status_code == 200
    assert client.get(legacy_link).status_code == 200  # links sent before orders had keys still work

    days_later(monkeypatch, 31)
    for response in (client.get(link), client.get(legacy_link), client.post(link + "pay/")):
        html = response.content.decode()
        assert response.status_code == 410
        assert "This order link has expired" in html
        assert order.reference in html  # to quote when writing to the trade office
        assert "mailto:hello@etalase.localhost" in html
        assert 'class="site-footer"' in html and "<main" in html  # the site's own page
        assert CONTACT["address_line1"] not in html and "US$" not in html  # nothing of the order itself

    other_language = client.get(link.replace("/en/", "/id/", 1))
    assert other_language.status_code == 410
    assert "Tautan pesanan ini sudah kedaluwarsa" in other_language.content.decode()


def test_an_order_link_from_before_a_database_restore_does_not_open_the_order_that_took_its_number(
    two_makers, zones
):
    lost = Client()
    fill_box(lost, two_makers)
    lost_link = lost.post("/en/samples/checkout/", CONTACT).url
    lost_reference = SampleOrder.objects.get().reference
    restart_order_numbering()

    buyer = Client()
    fill_box(buyer, two_makers)
    link = buyer.post("/en/samples/checkout/", {**CONTACT, "address_line1": "9 Private Lane"}).url
    assert SampleOrder.objects.get().reference == lost_reference

    assert buyer.get(link).status_code == 200
    response = lost.get(lost_link)
    assert response.status_code == 404
    assert "9 Private Lane" not in response.content.decode()
