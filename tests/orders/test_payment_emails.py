"""The payment e-mails: sent once, and never lost when the mail server fails."""

import smtplib

from django.core import mail
from django.core.management import call_command

from orders.models import OrderStatus, SampleOrder
from tests import factories
from tests.orders.conftest import CONTACT, completion_event
from tests.orders.test_admin import make_order

RECIPIENTS = {CONTACT["email"], "kabut@example.com", "renyah@example.com"}


def broken_smtp(self, messages):
    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def deliver_payment(deliver, paid_session):
    assert deliver(completion_event(paid_session)).status_code == 200
    return SampleOrder.objects.get()


def test_a_mail_server_failure_keeps_the_emails_for_the_resend_command(deliver, paid_session, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken_smtp)
        order = deliver_payment(deliver, paid_session)

    assert order.status == OrderStatus.PAID  # the payment stands; only the e-mails wait
    assert mail.outbox == []
    assert order.paid_notified_at is None and order.paid_notify_attempts == 1
    assert "SMTPServerDisconnected" in order.paid_notify_error

    call_command("resend_order_notifications")

    assert {message.to[0] for message in mail.outbox} == RECIPIENTS
    order.refresh_from_db()
    assert order.paid_notified_at is not None and order.paid_notify_error == ""
    assert order.paid_notify_attempts == 2

    call_command("resend_order_notifications")  # sent: nothing goes out twice
    assert len(mail.outbox) == 3


def test_the_resend_command_reports_what_it_did(deliver, paid_session, monkeypatch, capsys):
    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken_smtp)
        deliver_payment(deliver, paid_session)
        call_command("resend_order_notifications")
        captured = capsys.readouterr()
        assert "Pending: 1, sent: 0, failed: 1" in captured.out
        assert "could not be sent" in captured.err

    call_command("resend_order_notifications")
    assert "Pending: 1, sent: 1, failed: 0" in capsys.readouterr().out
    assert SampleOrder.objects.get().paid_notify_attempts == 3


def test_orders_not_paid_get_no_payment_emails(two_makers):
    make_order((two_makers["burner"], 1), status=OrderStatus.PENDING_PAYMENT)
    call_command("resend_order_notifications")
    assert mail.outbox == []


def test_curators_see_why_the_payment_emails_are_unsent(client, two_makers, django_user_model):
    order = make_order((two_makers["burner"], 1))
    SampleOrder.objects.filter(pk=order.pk).update(
        paid_at=order.created_at, paid_notify_attempts=1, paid_notify_error="SMTPServerDisconnected: closed"
    )
    client.force_login(django_user_model.objects.create_superuser("curator", "c@example.com", "pw-12345-xyz"))
    html = client.get(f"/admin/sample_orders/inspect/{order.pk}/").content.decode()
    assert "SMTPServerDisconnected: closed" in html


def test_a_japanese_buyer_is_told_in_japanese_and_the_maker_in_indonesian(
    client, two_makers, zones, stripe_on, deliver
):
    burner = two_makers["burner"]
    names = {"ja": "磁器のアロマバーナー", "id": "Tungku aroma porselen"}
    copies = {
        code: factories.translate_page(burner, code, {"Porcelain aroma burner": name})
        for code, name in names.items()
    }
    client.post("/ja/samples/add/", {"product": copies["ja"].pk, "quantity": 2})
    client.post("/ja/samples/checkout/", CONTACT)
    order = SampleOrder.objects.get()
    stripe_on.set_session(order.stripe_session_id, payment_status="paid", status="complete")
    deliver_payment(deliver, stripe_on.sessions[order.stripe_session_id])

    to_buyer, to_maker = mail.outbox
    assert to_buyer.to == [CONTACT["email"]] and to_buyer.extra_headers["Content-Language"] == "ja"
    assert to_buyer.subject == f"サンプル代金のお支払いを確認しました（{order.reference}）"
    assert "Mia Tan 様" in to_buyer.body and f"2 × {names['ja']}" in to_buyer.body
    for english in ("Dear", "payment", "Subtotal", "Shipping", "Total", "Follow your order"):
        assert english not in to_buyer.body
    assert to_maker.to == ["kabut@example.com"] and to_maker.extra_headers["Content-Language"] == "id"
    assert f"2 × {names['id']}" in to_maker.body and names["ja"] not in to_maker.body
