"""Checkout: the order is priced on the server, sent to Stripe once, or left awaiting an invoice."""

from urllib.parse import urlparse

from django.core import mail

from orders.models import OrderLine, OrderStatus, SampleOrder
from tests.form_errors import announced
from tests.orders.conftest import CONTACT


def fill_box(client, two_makers):
    client.post("/en/samples/add/", {"product": two_makers["burner"].pk, "quantity": 2})
    client.post("/en/samples/add/", {"product": two_makers["chips"].pk, "quantity": 3})


def test_invoice_mode_journey(client, two_makers, zones, settings):
    """Without Stripe keys: add, view, edit, remove, check out, and read the private order page."""
    settings.STRIPE_SECRET_KEY = ""
    fill_box(client, two_makers)
    client.post("/en/samples/update/", {"product": two_makers["burner"].pk, "quantity": 3})
    client.post("/en/samples/add/", {"product": two_makers["chips"].pk, "quantity": 1})
    client.post("/en/samples/remove/", {"product": two_makers["chips"].pk})
    client.post("/en/samples/add/", {"product": two_makers["chips"].pk, "quantity": 2})

    form = client.get("/en/samples/checkout/")
    assert form.status_code == 200
    assert "Place order" in form.content.decode()

    response = client.post("/en/samples/checkout/", CONTACT)
    assert response.status_code == 302
    order = SampleOrder.objects.get()
    assert order.status == OrderStatus.AWAITING_INVOICE
    assert order.reference.startswith(f"SMP-{order.created_at.year}-") and len(order.reference) == 15
    # 3 × 15.00 + 2 × 8.00, shipping to Singapore from the ASEAN zone
    assert (order.subtotal, order.shipping, order.total, order.currency) == (6100, 1200, 7300, "USD")
    assert order.language == "en" and order.country == "SG"

    page = client.get(response.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert order.reference in html
    assert "an invoice for the samples and shipping will follow" in html
    assert "US$73.00" in html
    assert client.get("/en/samples/").context["sample_box_count"] == 0
    assert mail.outbox == []  # sent once the order is committed: tests/orders/test_invoice_orders.py


def test_order_page_needs_a_valid_token(client, two_makers, zones):
    fill_box(client, two_makers)
    url = client.post("/en/samples/checkout/", CONTACT).url
    order = SampleOrder.objects.get()
    assert client.get(f"/en/orders/{order.pk}/").status_code == 404
    assert client.get(url[:-3] + "abc/").status_code == 404
    assert client.get(f"/en/orders/{order.reference}/").status_code == 404


def test_checkout_form_errors_keep_the_box(client, two_makers, zones):
    fill_box(client, two_makers)
    response = client.post("/en/samples/checkout/", {**CONTACT, "email": "not-an-email", "country": "XX"})
    assert response.status_code == 200
    assert not SampleOrder.objects.exists()
    assert response.context["sample_box_count"] == 5


def test_stripe_checkout_creates_one_session_with_the_order(client, two_makers, zones, stripe_on):
    fill_box(client, two_makers)
    response = client.post(
        "/en/samples/checkout/",
        # Prices a buyer might post are ignored: the order is priced from the product pages.
        {**CONTACT, "price": "1", "unit_price": "1", "total": "1", "shipping": "0", "amount": "1"},
    )
    order = SampleOrder.objects.get()
    assert response.status_code == 303
    session = next(iter(stripe_on.sessions.values()))
    assert response["Location"] == session["url"]
    assert order.stripe_session_id == session["id"]
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert (order.subtotal, order.shipping, order.total) == (5400, 1200, 6600)

    [request] = stripe_on.created_sessions
    form = dict(request["form"])
    assert request["headers"]["Idempotency-Key"] == f"checkout-{order.key}-0"
    assert request["headers"]["Stripe-Version"] == "2026-10-28.endive"
    items = {
        form[f"line_items[{i}][price_data][product_data][name]"]: (
            form[f"line_items[{i}][price_data][unit_amount]"],
            form[f"line_items[{i}][quantity]"],
            form[f"line_items[{i}][price_data][currency]"],
        )
        for i in range(3)
    }
    assert items == {
        "Porcelain aroma burner — Atelier Kabut Porselen (sample)": ("1500", "2", "usd"),
        "Sanan tempe chips — Renyah Kedelai Purwa (sample)": ("800", "3", "usd"),
        "Shipping": ("1200", "1", "usd"),
    }
    assert session["amount_total"] == order.total
    assert form["metadata[order_reference]"] == order.reference
    assert form["metadata[order_key]"] == str(order.key)
    assert form["client_reference_id"] == order.reference
    assert form["customer_email"] == CONTACT["email"]
    success = urlparse(form["success_url"])
    assert success.query == "paid=1"
    assert client.get(success.path + "?paid=1").status_code == 200
    lines = OrderLine.objects.filter(order=order).order_by("product_name")
    assert [(line.unit_price, line.quantity, line.line_total) for line in lines] == [
        (1500, 2, 3000),
        (800, 3, 2400),
    ]
    assert lines[0].vendor_translation_key == two_makers["kabut"].translation_key


def test_success_page_says_payment_is_being_confirmed(client, two_makers, zones, stripe_on):
    fill_box(client, two_makers)
    client.post("/en/samples/checkout/", CONTACT)
    success_url = dict(stripe_on.created_sessions[0]["form"])["success_url"]
    html = client.get(urlparse(success_url).path + "?paid=1").content.decode()
    assert "Your payment is being confirmed" in html


def test_stripe_error_keeps_the_order_and_lets_the_buyer_retry(client, two_makers, zones, stripe_on):
    fill_box(client, two_makers)
    stripe_on.fail_creates = 2  # the first try and the SDK's one retry
    response = client.post("/en/samples/checkout/", CONTACT)
    order = SampleOrder.objects.get()
    assert response.status_code == 302
    page = client.get(response.url)
    html = page.content.decode()
    assert "could not reach the payment service" in html
    assert order.status == OrderStatus.PENDING_PAYMENT and order.lines.count() == 2
    assert "Pay now" in html

    retry = client.post(response.url + "pay/")
    assert retry.status_code == 303
    assert retry["Location"] == next(iter(stripe_on.sessions.values()))["url"]
    order.refresh_from_db()
    assert order.stripe_session_id
    # Paying twice asks Stripe with the same idempotency key, so the buyer gets the same session.
    again = client.post(response.url + "pay/")
    assert again["Location"] == retry["Location"]
    assert len(stripe_on.sessions) == 1


def test_checkout_errors_are_tied_to_their_inputs_for_a_screen_reader(client, two_makers, zones):
    fill_box(client, two_makers)
    response = client.post("/en/samples/checkout/", {**CONTACT, "email": "not-an-email", "country": "XX"})
    html = response.content.decode()

    invalid, described = announced(html, "id_email")
    assert (invalid, described) == ("true", ["Enter a valid email address."])
    invalid, described = announced(html, "id_country")
    assert invalid == "true" and any("Select a valid choice." in text for text in described)
    assert announced(html, "id_name") == (None, [])
