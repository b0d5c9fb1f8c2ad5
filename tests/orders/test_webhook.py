"""Stripe's webhook: only a signed, confirmed, matching payment marks an order paid, and only once."""

import time

import pytest

from django.core import mail
from django.db import OperationalError

from orders.models import OrderStatus, PaymentEvent, SampleOrder
from tests.orders.conftest import CONTACT, completion_event, sign


def order():
    return SampleOrder.objects.get()


def test_signed_completion_marks_paid_and_sends_emails(deliver, paid_session, client):
    response = deliver(completion_event(paid_session))
    assert response.status_code == 200
    assert order().status == OrderStatus.PAID and order().paid_at is not None
    assert PaymentEvent.objects.get().result == PaymentEvent.Result.PAID

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {CONTACT["email"], "kabut@example.com", "renyah@example.com"}
    buyer = by_recipient[CONTACT["email"]]
    assert order().reference in buyer.subject and "US$66.00" in buyer.body
    kabut = by_recipient["kabut@example.com"]
    assert "Porcelain aroma burner" in kabut.body and "Sanan tempe chips" not in kabut.body
    assert "US$66.00" not in kabut.body
    renyah = by_recipient["renyah@example.com"]
    assert "Sanan tempe chips" in renyah.body and "Porcelain aroma burner" not in renyah.body

    success_path = order_page_path(paid_session)
    html = client.get(success_path + "?paid=1").content.decode()
    assert "Your payment has been received" in html


def order_page_path(session):
    from urllib.parse import urlparse

    return urlparse(session["success_url"]).path


def test_async_payment_succeeded_also_marks_paid(deliver, paid_session):
    assert (
        deliver(completion_event(paid_session, "checkout.session.async_payment_succeeded")).status_code == 200
    )
    assert order().status == OrderStatus.PAID


def test_replayed_event_changes_nothing(deliver, paid_session):
    body = completion_event(paid_session)
    assert deliver(body).status_code == 200
    paid_at = order().paid_at
    assert deliver(body).status_code == 200
    assert deliver(body, signature=sign(body)).status_code == 200
    assert PaymentEvent.objects.count() == 1
    assert order().paid_at == paid_at
    assert len(mail.outbox) == 3


def test_second_event_for_a_paid_order_changes_nothing(deliver, paid_session):
    deliver(completion_event(paid_session))
    deliver(completion_event(paid_session, "checkout.session.async_payment_succeeded"))
    assert PaymentEvent.objects.count() == 2
    assert PaymentEvent.objects.filter(result=PaymentEvent.Result.PAID).count() == 1
    assert len(mail.outbox) == 3


@pytest.mark.parametrize(
    "signature",
    ["", "t=1,v1=deadbeef", None, "garbage"],
    ids=["missing", "wrong", "other-secret", "garbage"],
)
def test_bad_signature_is_refused(deliver, paid_session, signature):
    body = completion_event(paid_session)
    if signature is None:
        signature = sign(body, secret="whsec_someone_else")
    assert deliver(body, signature=signature).status_code == 400
    assert not PaymentEvent.objects.exists()
    assert order().status == OrderStatus.PENDING_PAYMENT


def test_old_timestamp_is_refused(deliver, paid_session):
    body = completion_event(paid_session)
    assert deliver(body, signature=sign(body, timestamp=int(time.time()) - 301)).status_code == 400
    assert not PaymentEvent.objects.exists()
    assert order().status == OrderStatus.PENDING_PAYMENT


def test_tampered_body_is_refused(deliver, paid_session):
    body = completion_event(paid_session)
    tampered = body.replace('"amount_total": 6600', '"amount_total": 1')
    assert tampered != body
    assert deliver(tampered, signature=sign(body)).status_code == 400
    assert not PaymentEvent.objects.exists()


def test_unconfigured_secret_refuses_everything(deliver, paid_session, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    body = completion_event(paid_session)
    assert deliver(body, signature=sign(body, secret="")).status_code == 400
    assert order().status == OrderStatus.PENDING_PAYMENT


def test_amount_mismatch_flags_instead_of_paying(deliver, paid_session, stripe_on):
    stripe_on.set_session(paid_session["id"], amount_total=100)
    assert deliver(completion_event(paid_session)).status_code == 200
    current = order()
    assert current.status == OrderStatus.PENDING_PAYMENT
    assert current.payment_flagged and "100" in current.flag_reason
    assert mail.outbox == []


def test_currency_mismatch_flags(deliver, paid_session, stripe_on):
    stripe_on.set_session(paid_session["id"], currency="eur")
    deliver(completion_event(paid_session))
    assert order().status == OrderStatus.PENDING_PAYMENT and order().payment_flagged


def test_event_body_cannot_claim_payment_stripe_has_not_confirmed(deliver, paid_session, stripe_on):
    """The event says paid, but Stripe (re-read) says unpaid: nothing changes."""
    stripe_on.set_session(paid_session["id"], payment_status="unpaid")
    body = completion_event({**paid_session, "payment_status": "paid"})
    assert deliver(body).status_code == 200
    assert order().status == OrderStatus.PENDING_PAYMENT and not order().payment_flagged


def test_unknown_session_is_acknowledged_and_ignored(deliver, paid_session):
    stranger = {**paid_session, "id": "cs_test_unknown", "metadata": {}, "client_reference_id": None}
    assert deliver(completion_event(stranger)).status_code == 200
    assert order().status == OrderStatus.PENDING_PAYMENT
    assert PaymentEvent.objects.get().result == PaymentEvent.Result.IGNORED


def test_other_event_types_are_stored_only(deliver, paid_session):
    assert deliver(completion_event(paid_session, "payment_intent.created")).status_code == 200
    assert PaymentEvent.objects.get().type == "payment_intent.created"
    assert order().status == OrderStatus.PENDING_PAYMENT


def test_event_for_invoice_order_changes_nothing(deliver, paid_session):
    SampleOrder.objects.update(status=OrderStatus.CANCELLED)
    assert deliver(completion_event(paid_session)).status_code == 200
    assert order().status == OrderStatus.CANCELLED and mail.outbox == []


def test_webhook_is_post_only(client):
    assert client.get("/stripe/webhook/").status_code == 405


def test_a_delivery_that_finds_the_database_locked_still_marks_the_order_paid(
    deliver, paid_session, monkeypatch
):
    from orders import views

    apply = views.apply_payment_event
    attempts = []

    def locked_once(record):  # as SQLite answers while another delivery writes
        attempts.append(record.pk)
        if len(attempts) == 1:
            raise OperationalError("database table is locked")
        return apply(record)

    monkeypatch.setattr(views, "apply_payment_event", locked_once)
    response = deliver(completion_event(paid_session))
    assert response.status_code == 200 and len(attempts) == 2
    assert order().status == OrderStatus.PAID
    assert PaymentEvent.objects.get().result == PaymentEvent.Result.PAID


def test_a_delivery_that_cannot_store_the_event_at_first_stores_it_once(deliver, paid_session, monkeypatch):
    create = PaymentEvent.objects.create
    attempts = []

    def locked_once(**fields):
        attempts.append(fields["stripe_event_id"])
        if len(attempts) == 1:
            raise OperationalError("database is locked")
        return create(**fields)

    monkeypatch.setattr(PaymentEvent.objects, "create", locked_once)
    response = deliver(completion_event(paid_session))
    assert response.status_code == 200 and len(attempts) == 2
    assert PaymentEvent.objects.count() == 1
    assert order().status == OrderStatus.PAID


def test_a_database_locked_throughout_asks_stripe_to_deliver_again(deliver, paid_session, monkeypatch):
    from orders import views

    def locked(**fields):
        raise OperationalError("database is locked")

    monkeypatch.setattr(PaymentEvent.objects, "create", locked)
    monkeypatch.setattr(views.time, "sleep", lambda seconds: None)
    response = deliver(completion_event(paid_session))
    assert response.status_code == 503  # Stripe delivers again later
    monkeypatch.undo()
    assert not PaymentEvent.objects.exists()
    assert order().status == OrderStatus.PENDING_PAYMENT
    assert deliver(completion_event(paid_session)).status_code == 200
    assert order().status == OrderStatus.PAID
