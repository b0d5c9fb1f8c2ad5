"""Orders left unpaid expire; a payment Stripe confirms afterwards still counts (the money was received)."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from orders.models import OrderStatus, PaymentEvent, SampleOrder
from orders.tokens import order_url
from tests.orders.conftest import CONTACT, completion_event
from tests.orders.test_checkout import fill_box


def age(order, hours):
    SampleOrder.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(hours=hours))


def expire():
    call_command("expire_pending_orders", stdout=StringIO())


def checkout(client, two_makers):
    fill_box(client, two_makers)
    response = client.post("/en/samples/checkout/", CONTACT)
    order = SampleOrder.objects.latest("pk")
    return order, response


def test_expire_pending_orders_expires_orders_unpaid_for_a_day(
    client, two_makers, zones, stripe_on, django_user_model
):
    stale, _ = checkout(client, two_makers)
    age(stale, 25)
    fresh, _ = checkout(Client(), two_makers)  # another buyer, an hour ago
    age(fresh, 1)
    paid, _ = checkout(Client(), two_makers)
    invoiced, _ = checkout(Client(), two_makers)
    SampleOrder.objects.filter(pk=paid.pk).update(status=OrderStatus.PAID)
    SampleOrder.objects.filter(pk=invoiced.pk).update(status=OrderStatus.AWAITING_INVOICE)
    age(paid, 48)
    age(invoiced, 48)

    expire()
    expire()  # run again by the timer: nothing more
    assert dict(SampleOrder.objects.values_list("pk", "status")) == {
        stale.pk: OrderStatus.EXPIRED,
        fresh.pk: OrderStatus.PENDING_PAYMENT,
        paid.pk: OrderStatus.PAID,
        invoiced.pk: OrderStatus.AWAITING_INVOICE,
    }

    page = client.get(order_url(SampleOrder.objects.get(pk=stale.pk)))
    html = page.content.decode()
    assert page.status_code == 200
    assert "This order expired before it was paid" in html and "Pay now" not in html

    curator = django_user_model.objects.create_superuser("curator", "c@example.com", "pw-12345-xyz")
    client.force_login(curator)
    history = client.get(f"/admin/sample_orders/history/{stale.pk}/").content.decode()
    assert "Expired: not paid within the time a payment is waited for" in history


def test_a_payment_confirmed_after_the_order_expired_still_marks_it_paid(
    deliver, paid_session, client, django_user_model
):
    order = SampleOrder.objects.get()
    age(order, 25)
    expire()
    assert SampleOrder.objects.get().status == OrderStatus.EXPIRED

    assert deliver(completion_event(paid_session)).status_code == 200
    order = SampleOrder.objects.get()
    assert order.status == OrderStatus.PAID and order.paid_at is not None
    event = PaymentEvent.objects.get()
    assert event.result == PaymentEvent.Result.PAID and "expired" in event.notes
    assert len(mail.outbox) == 3  # the buyer and both makers are told, as for any payment

    client.force_login(django_user_model.objects.create_superuser("curator", "c@example.com", "pw-12345-xyz"))
    history = client.get(f"/admin/sample_orders/history/{order.pk}/").content.decode()
    assert "Stripe confirmed a payment after the order had expired" in history
