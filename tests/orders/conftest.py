"""Fixtures for the orders tests: a local fake Stripe, signed webhook deliveries, makers with samples."""

import hashlib
import hmac
import json
import secrets
import time

import pytest

from orders.models import SampleOrder, ShippingZone
from tests import factories
from tests.orders.fake_stripe import FakeStripe

WEBHOOK_SECRET = "whsec_test_orders"


@pytest.fixture
def fake_stripe():
    server = FakeStripe().start()
    yield server
    server.stop()


@pytest.fixture
def stripe_on(settings, fake_stripe):
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake_stripe.url
    return fake_stripe


def sign(body, secret=WEBHOOK_SECRET, timestamp=None):
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def completion_event(session, event_type="checkout.session.completed", event_id=None):
    return json.dumps(
        {
            "id": event_id or f"evt_{secrets.token_hex(10)}",
            "object": "event",
            "type": event_type,
            "api_version": "2026-10-28.endive",
            "created": int(time.time()),
            "data": {"object": session},
        }
    )


@pytest.fixture
def deliver(client, django_capture_on_commit_callbacks):
    """POST a webhook body as Stripe would, signed unless a header is given; run what waits for commit."""

    def _deliver(body, signature=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                "/stripe/webhook/",
                data=body,
                content_type="application/json",
                headers={"Stripe-Signature": signature if signature is not None else sign(body)},
            )

    return _deliver


@pytest.fixture
def zones(db):
    return {
        "default": ShippingZone.objects.create(name="Rest of world", flat_rate=4500, is_default=True),
        "asean": ShippingZone.objects.create(name="ASEAN", countries="sg, my, th", flat_rate=1200),
    }


def build_two_makers():
    """Two makers with a sample each, and their contact e-mails."""
    _home, _products, makers = factories.site()
    kabut = factories.make_vendor(makers, "Atelier Kabut Porselen", contact_email="kabut@example.com")
    renyah = factories.make_vendor(
        makers,
        "Renyah Kedelai Purwa",
        sector="processed-food",
        contact_email="renyah@example.com",
    )
    burner = factories.make_product(
        kabut,
        "Porcelain aroma burner",
        samples_available=True,
        sample_price=1500,
        sample_max_quantity=3,
    )
    chips = factories.make_product(
        renyah,
        "Sanan tempe chips",
        samples_available=True,
        sample_price=800,
        sample_max_quantity=5,
    )
    return {"kabut": kabut, "renyah": renyah, "burner": burner, "chips": chips}


@pytest.fixture(scope="module")
def shared_two_makers(module_db):
    return build_two_makers()


@pytest.fixture
def two_makers(site_tree, shared_two_makers):
    """Two makers with a sample each: built once per module, read afresh for each test."""
    return {name: factories.fresh(page) for name, page in shared_two_makers.items()}


CONTACT = {
    "name": "Mia Tan",
    "company": "Tan Home Pte Ltd",
    "email": "mia@example.sg",
    "phone": "+65 6000 0000",
    "address_line1": "1 Example Road",
    "address_line2": "",
    "city": "Singapore",
    "postal_code": "000001",
    "country": "SG",
}


@pytest.fixture
def paid_session(client, two_makers, zones, stripe_on):
    """A buyer checked out and paid on Stripe; the webhook has not arrived yet."""
    client.post("/en/samples/add/", {"product": two_makers["burner"].pk, "quantity": 2})
    client.post("/en/samples/add/", {"product": two_makers["chips"].pk, "quantity": 3})
    client.post("/en/samples/checkout/", CONTACT)
    order = SampleOrder.objects.get()
    stripe_on.set_session(order.stripe_session_id, payment_status="paid", status="complete")
    return stripe_on.sessions[order.stripe_session_id]
