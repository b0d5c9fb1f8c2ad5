"""A stored Stripe event is never lost: a worker that dies before applying it, and odd bodies Stripe signs."""

import json
from datetime import timedelta

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from orders.models import OrderStatus, PaymentEvent, SampleOrder
from tests.orders.conftest import completion_event, sign


class WorkerDied(BaseException):
    """A gunicorn worker killed mid-request (timeout, OOM, deploy): nothing after this point runs,
    and no `except Exception` in the request sees it."""


def order():
    return SampleOrder.objects.get()


def kill_the_worker_while_applying(monkeypatch):
    from orders import views

    def die(record):
        raise WorkerDied

    monkeypatch.setattr(views, "apply_payment_event", die)


def test_a_worker_dying_after_storing_the_event_still_ends_paid_exactly_once(
    deliver, paid_session, monkeypatch
):
    body = completion_event(paid_session)
    kill_the_worker_while_applying(monkeypatch)
    with pytest.raises(WorkerDied):
        deliver(body)
    monkeypatch.undo()
    assert PaymentEvent.objects.count() == 1  # stored, then the worker died
    assert order().status == OrderStatus.PENDING_PAYMENT

    # Stripe had no answer, so it delivers the same event again.
    assert deliver(body).status_code == 200
    assert order().status == OrderStatus.PAID
    assert PaymentEvent.objects.get().result == PaymentEvent.Result.PAID
    assert len(mail.outbox) == 3  # the buyer and the two makers, once each

    paid_at = order().paid_at
    for _ in range(2):  # replays of the applied event change nothing
        assert deliver(body, signature=sign(body)).status_code == 200
    assert order().paid_at == paid_at
    assert PaymentEvent.objects.count() == 1
    assert PaymentEvent.objects.filter(result=PaymentEvent.Result.PAID).count() == 1
    assert len(mail.outbox) == 3


def test_process_payment_events_applies_what_a_dead_worker_left_once(
    deliver, paid_session, monkeypatch, django_capture_on_commit_callbacks
):
    body = completion_event(paid_session)
    kill_the_worker_while_applying(monkeypatch)
    with pytest.raises(WorkerDied):
        deliver(body)
    monkeypatch.undo()
    PaymentEvent.objects.update(received_at=timezone.now() - timedelta(minutes=30))

    for _ in range(2):  # the timer runs again: nothing more happens
        with django_capture_on_commit_callbacks(execute=True):
            call_command("process_payment_events", stdout=open("/dev/null", "w"))
    assert order().status == OrderStatus.PAID
    assert PaymentEvent.objects.get().result == PaymentEvent.Result.PAID
    assert len(mail.outbox) == 3

    # Stripe's own retry, arriving after the sweep, is a replay.
    assert deliver(body).status_code == 200
    assert PaymentEvent.objects.filter(result=PaymentEvent.Result.PAID).count() == 1
    assert len(mail.outbox) == 3


def test_process_payment_events_leaves_an_event_a_live_delivery_may_be_applying(
    deliver, paid_session, monkeypatch, django_capture_on_commit_callbacks
):
    kill_the_worker_while_applying(monkeypatch)
    with pytest.raises(WorkerDied):
        deliver(completion_event(paid_session))
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("process_payment_events", stdout=open("/dev/null", "w"))
    assert order().status == OrderStatus.PENDING_PAYMENT
    assert PaymentEvent.objects.get().result == PaymentEvent.Result.RECEIVED


def event(**fields):
    return json.dumps(
        {"id": "evt_odd_shape", "object": "event", "type": "checkout.session.completed", **fields}
    )


@pytest.mark.parametrize(
    "body, status",
    [
        ("[]", 400),
        (json.dumps([{"id": "evt_in_a_list", "type": "checkout.session.completed"}]), 400),
        ('"evt_just_a_string"', 400),
        (json.dumps({"id": {"nested": "evt"}, "type": "checkout.session.completed"}), 400),
        (json.dumps({"id": "evt_typed", "type": ["checkout.session.completed"]}), 400),
        (event(data=[{"object": {"id": "cs_test"}}]), 200),
    ],
    ids=[
        "empty-array",
        "array",
        "string",
        "id-object",
        "type-array",
        "data-array",
    ],
)
def test_a_signed_event_of_an_odd_shape_is_refused_or_ignored_and_never_sticks(
    deliver, paid_session, body, status
):
    for _ in range(2):  # Stripe's retry gets the same clean answer
        assert deliver(body).status_code == status
    assert order().status == OrderStatus.PENDING_PAYMENT and not order().payment_flagged
    assert not PaymentEvent.objects.filter(result=PaymentEvent.Result.RECEIVED).exists()
    # The endpoint still works for the real event that follows.
    assert deliver(completion_event(paid_session)).status_code == 200
    assert order().status == OrderStatus.PAID
