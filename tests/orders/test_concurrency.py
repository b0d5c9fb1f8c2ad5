"""Requests that race each other: Stripe's deliveries and retries, and a checkout form sent five
times at once. Each changes the order once.

The requests run in threads with their own database connections, so these tests commit for real
(transactional tests) and live in a module of their own, away from rows kept for a whole module.
"""

import threading
from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client

from orders.models import OrderStatus, PaymentEvent, SampleOrder
from tests.orders.conftest import CONTACT, build_two_makers, completion_event, sign
from tests.orders.test_checkout import fill_box
from tests.orders.test_webhook_recovery import WorkerDied, kill_the_worker_while_applying


def order():
    return SampleOrder.objects.get()


def all_at_once(*actions):
    """Run each action in a thread of its own, all released together, as requests that race."""
    barrier = threading.Barrier(len(actions))

    def run(action):
        try:
            barrier.wait()
            action()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def paid_checkout(two_makers, stripe_on):
    """A buyer's order of one sample, paid on Stripe: the completion event Stripe will send."""
    buyer = Client()
    buyer.post("/en/samples/add/", {"product": two_makers["burner"].pk, "quantity": 1})
    buyer.post("/en/samples/checkout/", CONTACT)
    session_id = order().stripe_session_id
    stripe_on.set_session(session_id, payment_status="paid")
    return completion_event(stripe_on.sessions[session_id])


def deliver(body):
    return Client().post(
        "/stripe/webhook/",
        data=body,
        content_type="application/json",
        headers={"Stripe-Signature": sign(body)},
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_concurrent_deliveries_change_the_order_once(zones, stripe_on):
    body = paid_checkout(build_two_makers(), stripe_on)
    statuses = []
    all_at_once(*[lambda: statuses.append(deliver(body).status_code)] * 10)

    assert statuses == [200] * 10
    assert PaymentEvent.objects.count() == 1
    assert order().status == OrderStatus.PAID
    # One set of e-mails: the buyer and the one maker in this order, once each.
    assert sorted(message.to[0] for message in mail.outbox) == ["kabut@example.com", CONTACT["email"]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_redeliveries_of_an_event_a_dead_worker_stored_apply_it_once(
    zones, stripe_on, monkeypatch
):
    body = paid_checkout(build_two_makers(), stripe_on)
    kill_the_worker_while_applying(monkeypatch)
    with pytest.raises(WorkerDied):
        deliver(body)
    monkeypatch.undo()

    # Stripe's retries, and the sweep, arriving together.
    statuses = []

    def sweep():
        call_command("process_payment_events", minutes=0, stdout=StringIO())

    all_at_once(*[lambda: statuses.append(deliver(body).status_code)] * 5, sweep)

    assert statuses == [200] * 5
    assert order().status == OrderStatus.PAID
    assert PaymentEvent.objects.get().result == PaymentEvent.Result.PAID
    assert sorted(message.to[0] for message in mail.outbox) == ["kabut@example.com", CONTACT["email"]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_five_concurrent_submits_of_one_sample_box_make_one_order(zones):
    two_makers = build_two_makers()
    buyer = Client()
    fill_box(buyer, two_makers)
    locations = []

    def submit():
        tab = Client()
        tab.cookies = buyer.cookies  # the same browser: one session, one box
        response = tab.post("/en/samples/checkout/", CONTACT)
        locations.append((response.status_code, response["Location"]))

    all_at_once(*[submit] * 5)

    order = SampleOrder.objects.get()
    assert order.lines.count() == 2
    assert len(locations) == 5
    # Every submit lands on the one order's page. The links themselves may differ: each is signed
    # with the second it was made in, and five submits can straddle a second.
    assert all(status == 302 for status, _ in locations)
    for _, location in locations:
        assert order.reference in buyer.get(location).content.decode()
