"""Stripe's webhook delivered ten times at once, as it may be after a timeout: the order changes once.

The deliveries run in threads with their own database connections, so this test commits for real
(a transactional test) and lives in a module of its own, away from rows kept for a whole module.
"""

import threading

import pytest

from django.core import mail
from django.db import connection
from django.test import Client

from orders.models import OrderStatus, PaymentEvent, SampleOrder
from tests.orders.conftest import CONTACT, build_two_makers, completion_event, sign


def order():
    return SampleOrder.objects.get()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_concurrent_deliveries_change_the_order_once(zones, stripe_on):
    two_makers = build_two_makers()
    buyer = Client()
    buyer.post("/en/samples/add/", {"product": two_makers["burner"].pk, "quantity": 1})
    buyer.post("/en/samples/checkout/", CONTACT)
    session_id = order().stripe_session_id
    stripe_on.set_session(session_id, payment_status="paid")
    body = completion_event(stripe_on.sessions[session_id])
    signature = sign(body)
    barrier = threading.Barrier(10)
    statuses = []

    def deliver_once():
        try:
            barrier.wait()
            response = Client().post(
                "/stripe/webhook/",
                data=body,
                content_type="application/json",
                headers={"Stripe-Signature": signature},
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver_once) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [200] * 10
    assert PaymentEvent.objects.count() == 1
    assert order().status == OrderStatus.PAID
    # One set of e-mails: the buyer and the one maker in this order, once each.
    assert sorted(message.to[0] for message in mail.outbox) == ["kabut@example.com", CONTACT["email"]]
