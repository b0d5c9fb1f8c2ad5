"""The one module that talks to Stripe: Checkout Sessions and webhook signatures, amounts in minor units."""

import json

import stripe

from django.conf import settings

# Pinned so a Stripe-side default change never alters what we send or read.
STRIPE_API_VERSION = "2026-10-28.endive"
WEBHOOK_TOLERANCE_SECONDS = 300

PaymentError = stripe.StripeError
SignatureError = stripe.SignatureVerificationError


def is_enabled():
    return bool(settings.STRIPE_SECRET_KEY)


def _client():
    base_addresses = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        stripe_version=STRIPE_API_VERSION,
        base_addresses=base_addresses,
        max_network_retries=1,
    )


def checkout_line_items(order):
    items = [
        {
            "quantity": line.quantity,
            "price_data": {
                "currency": line.currency.lower(),
                "unit_amount": line.unit_price,
                "product_data": {"name": f"{line.product_name} — {line.vendor_name} (sample)"},
            },
        }
        for line in order.lines.all()
    ]
    if order.shipping:
        items.append(
            {
                "quantity": 1,
                "price_data": {
                    "currency": order.currency.lower(),
                    "unit_amount": order.shipping,
                    "product_data": {"name": "Shipping"},
                },
            }
        )
    return items


def idempotency_key(order):
    """The same for every try of one payment attempt of one order, so Stripe makes one session for them;
    never the same for two orders, even two with one reference after a database restore."""
    return f"checkout-{order.key}-{order.payment_attempt}"


def create_checkout_session(order, success_url, cancel_url):
    """A Checkout Session for the order; every try of the same attempt gets the same session."""
    params = {
        "mode": "payment",
        "line_items": checkout_line_items(order),
        "success_url": success_url,
        "cancel_url": cancel_url,
        "client_reference_id": order.reference,
        "customer_email": order.email,
        "metadata": {"order_reference": order.reference, "order_key": str(order.key)},
        "payment_intent_data": {"metadata": {"order_reference": order.reference}},
    }
    return _client().v1.checkout.sessions.create(
        params=params, options={"idempotency_key": idempotency_key(order)}
    )


def retrieve_checkout_session(session_id):
    return _client().v1.checkout.sessions.retrieve(session_id)


def verify_webhook(payload, signature_header):
    """The decoded JSON body, if the Stripe-Signature header signs this raw body; raises SignatureError
    otherwise, and ValueError when the signed body is not JSON.

    Any JSON value is returned as it is (not only an object): the caller checks its shape.
    """
    if not settings.STRIPE_WEBHOOK_SECRET:
        # An empty key would let anyone sign events.
        raise SignatureError("No webhook secret is configured.", signature_header)
    stripe.WebhookSignature.verify_header(
        payload, signature_header, settings.STRIPE_WEBHOOK_SECRET, tolerance=WEBHOOK_TOLERANCE_SECONDS
    )
    return json.loads(payload)
