"""Stripe idempotency keys belong to one order and one payment attempt, not to its reference."""

from django.db import connection
from django.test import Client

from orders.models import OrderStatus, PaymentEvent, SampleOrder
from tests.orders.conftest import CONTACT, completion_event
from tests.orders.test_checkout import fill_box


def restart_order_numbering():
    """What restoring last night's backup does to the orders placed since: they are gone, and the
    next order is numbered (and referenced) as the first of them was."""
    first_lost = SampleOrder.objects.order_by("pk").first().pk
    SampleOrder.objects.all().delete()
    table = SampleOrder._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [first_lost - 1, table])
        else:
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s, false)", [table, first_lost])


def idempotency_keys(stripe_on):
    return [request["headers"]["Idempotency-Key"] for request in stripe_on.created_sessions]


def test_an_order_reusing_a_reference_after_a_database_restore_gets_its_own_stripe_session(
    two_makers, zones, stripe_on, deliver
):
    lost = Client()
    fill_box(lost, two_makers)
    lost.post("/en/samples/checkout/", CONTACT)
    lost_reference, lost_session = SampleOrder.objects.values_list("reference", "stripe_session_id").get()
    restart_order_numbering()

    buyer = Client()
    buyer.post("/en/samples/add/", {"product": two_makers["chips"].pk, "quantity": 1})
    response = buyer.post("/en/samples/checkout/", {**CONTACT, "email": "ana@example.sg"})
    order = SampleOrder.objects.get()
    assert order.reference == lost_reference  # what the restore did

    first_key, second_key = idempotency_keys(stripe_on)
    assert first_key != second_key
    session = stripe_on.sessions[order.stripe_session_id]
    assert response["Location"] == session["url"]
    assert len(stripe_on.sessions) == 2
    # The buyer pays for this order (one chips sample and shipping), not for the lost one.
    assert session["amount_total"] == order.total == 800 + 1200
    assert session["customer_email"] == "ana@example.sg"

    # The lost order's buyer pays its session: that is not this order's payment, nor a doubt about it.
    stripe_on.set_session(lost_session, payment_status="paid", status="complete")
    assert deliver(completion_event(stripe_on.sessions[lost_session])).status_code == 200
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT and not order.payment_flagged
    assert PaymentEvent.objects.get().result == PaymentEvent.Result.IGNORED


def test_a_failed_payment_attempt_is_retried_with_a_new_idempotency_key(client, two_makers, zones, stripe_on):
    fill_box(client, two_makers)
    stripe_on.fail_creates = 2  # Stripe answers 500 to the first try and to the SDK's retry
    order_page = client.post("/en/samples/checkout/", CONTACT).url
    failed, failed_retry = idempotency_keys(stripe_on)
    assert failed == failed_retry  # the SDK's retry is the same attempt

    client.post(order_page + "pay/")  # the buyer tries again
    client.post(order_page + "pay/")  # and clicks twice
    *_, attempt, again = idempotency_keys(stripe_on)
    # Real Stripe answers a key with its first result, the 500 included, for 24 hours.
    assert attempt != failed
    assert again == attempt
    assert len(stripe_on.sessions) == 1
