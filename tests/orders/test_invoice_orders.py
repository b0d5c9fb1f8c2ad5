"""Invoice orders end to end: who is e-mailed at checkout and at each status, who may move the order
in the admin, and the e-mails a failing mail server holds back until the resend command."""

import smtplib
from urllib.parse import urlparse

import pytest

from django.core import mail
from django.core.management import call_command
from django.test import Client

from orders.admin_views import OrderStatusForm
from orders.models import OrderMail, OrderStatus, SampleOrder
from tests import factories
from tests.orders.conftest import CONTACT
from tests.orders.test_admin import maker_user

OFFICE = "dagang@malangkota.example"
NAMES = {
    "burner": {"ja": "磁器のアロマバーナー", "id": "Tungku aroma porselen"},
    "chips": {"id": "Keripik tempe Sanan"},
}


@pytest.fixture
def invoice_mode(settings, zones):
    settings.STRIPE_SECRET_KEY = ""
    settings.TRADE_OFFICE_EMAIL = OFFICE
    return settings


@pytest.fixture
def people(two_makers, django_user_model):
    return {
        "kabut": maker_user(django_user_model, two_makers["kabut"], "kabut"),
        "renyah": maker_user(django_user_model, two_makers["renyah"], "renyah"),
        "curator": django_user_model.objects.create_superuser("curator", "c@example.com", "pw-12345-xyz"),
    }


def check_out(capture, products, language="en", email=CONTACT["email"]):
    """A buyer (a browser of its own) fills the box in `language` and checks out; returns the order."""
    buyer = Client()
    for product, quantity in products:
        buyer.post(f"/{language}/samples/add/", {"product": product.pk, "quantity": quantity})
    with capture(execute=True):
        response = buyer.post(f"/{language}/samples/checkout/", {**CONTACT, "email": email})
    assert response.status_code == 302
    return SampleOrder.objects.get(email=email)


def move(client, capture, order, status, **fields):
    with capture(execute=True):
        return client.post(f"/admin/sample_orders/edit/{order.pk}/", {"status": status, **fields})


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_japanese_buyer_the_makers_and_the_trade_office_are_each_told_in_their_language(
    two_makers, invoice_mode, django_capture_on_commit_callbacks
):
    burner, chips = two_makers["burner"], two_makers["chips"]
    copies = {
        code: factories.translate_page(burner, code, {"Porcelain aroma burner": name})
        for code, name in NAMES["burner"].items()
    }
    factories.translate_page(chips, "id", {"Sanan tempe chips": NAMES["chips"]["id"]})

    order = check_out(django_capture_on_commit_callbacks, [(copies["ja"], 2), (chips, 3)], "ja")

    assert order.status == OrderStatus.AWAITING_INVOICE and order.language == "ja"
    assert len(mail.outbox) == 4
    (buyer,) = to(CONTACT["email"])
    assert buyer.extra_headers["Content-Language"] == "ja"
    assert buyer.subject == f"サンプルのご注文 {order.reference}：請求書は追ってお送りします"
    assert "Mia Tan 様" in buyer.body and f"2 × {NAMES['burner']['ja']}" in buyer.body
    assert "サンプルをご注文いただきありがとうございます" in buyer.body
    for english in ("Dear", "Thank you", "invoice", "Subtotal", "Shipping", "Total", "Follow your order"):
        assert english not in buyer.body
    # The private link in the e-mail opens the order, in Japanese.
    link = next(word for word in buyer.body.split() if "/orders/" in word)
    page = Client().get(urlparse(link).path)
    assert page.status_code == 200 and order.reference in page.content.decode()
    assert urlparse(link).path.startswith("/ja/orders/")

    (kabut,) = to("kabut@example.com")
    assert kabut.extra_headers["Content-Language"] == "id"
    assert kabut.subject == f"Pesanan sampel baru {order.reference}, dibayar lewat invoice"
    assert "Halo Atelier Kabut Porselen" in kabut.body and f"2 × {NAMES['burner']['id']}" in kabut.body
    assert NAMES["burner"]["ja"] not in kabut.body and "tempe" not in kabut.body  # only its own lines
    (renyah,) = to("renyah@example.com")
    assert f"3 × {NAMES['chips']['id']}" in renyah.body and "Tungku" not in renyah.body

    (office,) = to(OFFICE)
    assert office.extra_headers["Content-Language"] == "id"
    assert office.subject == f"Pesanan sampel {order.reference} perlu diberi invoice"
    assert f"2 × {NAMES['burner']['id']} (Atelier Kabut Porselen)" in office.body
    assert f"3 × {NAMES['chips']['id']} (Renyah Kedelai Purwa)" in office.body
    assert CONTACT["email"] in office.body and "Total: US$66,00" in office.body  # Indonesian decimals
    assert f"/admin/sample_orders/inspect/{order.pk}/" in office.body


def test_without_a_trade_office_address_only_the_buyer_and_makers_are_told(
    two_makers, invoice_mode, django_capture_on_commit_callbacks
):
    invoice_mode.TRADE_OFFICE_EMAIL = ""
    check_out(django_capture_on_commit_callbacks, [(two_makers["burner"], 1), (two_makers["chips"], 1)])
    assert sorted(message.to[0] for message in mail.outbox) == [
        "kabut@example.com",
        CONTACT["email"],
        "renyah@example.com",
    ]
    assert mail.outbox[0].subject.startswith("Your sample order SMP-")


def test_each_status_of_an_invoice_order_emails_the_buyer_once_in_their_language(
    client, two_makers, invoice_mode, people, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    order = check_out(capture, [(two_makers["burner"], 1)], "ar")
    client.force_login(people["curator"])
    mail.outbox.clear()

    move(client, capture, order, "invoice_sent")
    (sent,) = mail.outbox
    assert sent.to == [CONTACT["email"]] and sent.extra_headers["Content-Language"] == "ar"
    assert sent.subject == f"طلب العينات {order.reference}: تم إرسال الفاتورة"
    assert "لقد أرسلنا إليك فاتورة طلب العينات" in sent.body and "invoice" not in sent.body

    move(client, capture, order, "paid")  # the payment e-mails, to the buyer and the maker
    assert [message.to[0] for message in mail.outbox[1:]] == [CONTACT["email"], "kabut@example.com"]
    assert mail.outbox[1].extra_headers["Content-Language"] == "ar"

    move(client, capture, order, "shipped", carrier="JNE Express", tracking_number="JNE123456789ID")
    shipped = mail.outbox[3]
    assert shipped.subject == f"طلب العينات {order.reference}: تم الشحن"
    assert "JNE Express" in shipped.body and "JNE123456789ID" in shipped.body and "رقم التتبع" in shipped.body
    page = Client().get(urlparse(next(w for w in shipped.body.split() if "/orders/" in w)).path)
    assert "JNE123456789ID" in page.content.decode()

    move(client, capture, order, "delivered")
    assert mail.outbox[4].subject == f"طلب العينات {order.reference}: تم التسليم"
    move(client, capture, order, "delivered")  # saved again, no change: no second e-mail
    assert len(mail.outbox) == 5

    order.refresh_from_db()
    assert order.status == OrderStatus.DELIVERED
    assert (order.carrier, order.tracking_number) == ("JNE Express", "JNE123456789ID")


def test_a_cancelled_invoice_order_is_told_to_the_chinese_buyer(
    client, two_makers, invoice_mode, people, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    order = check_out(capture, [(two_makers["chips"], 2)], "zh-hans")
    client.force_login(people["curator"])
    mail.outbox.clear()
    move(client, capture, order, "invoice_sent")
    move(client, capture, order, "cancelled")
    assert [message.subject for message in mail.outbox] == [
        f"样品订单 {order.reference}：发票已发送",
        f"样品订单 {order.reference}：已取消",
    ]
    assert "您的样品订单" in mail.outbox[1].body and "cancelled" not in mail.outbox[1].body
    assert SampleOrder.objects.get(pk=order.pk).status == OrderStatus.CANCELLED


def test_a_maker_moves_its_own_order_with_carrier_and_tracking(
    client, two_makers, invoice_mode, people, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    order = check_out(capture, [(two_makers["burner"], 2)])
    client.force_login(people["kabut"])
    # Invoicing and payment are the trade office's moves.
    move(client, capture, order, "invoice_sent")
    assert SampleOrder.objects.get(pk=order.pk).status == OrderStatus.AWAITING_INVOICE
    SampleOrder.objects.filter(pk=order.pk).update(status=OrderStatus.PAID)
    mail.outbox.clear()

    inspect = client.get(f"/admin/sample_orders/inspect/{order.pk}/").content.decode()
    assert 'value="shipped"' in inspect and 'name="tracking_number"' in inspect
    assert 'value="cancelled"' not in inspect

    response = move(client, capture, order, "shipped", carrier="JNE", tracking_number="")
    assert response.status_code == 200
    assert "Give the carrier and the tracking number of the shipment." in response.content.decode()
    assert SampleOrder.objects.get(pk=order.pk).status == OrderStatus.PAID and mail.outbox == []

    assert move(client, capture, order, "shipped", carrier="JNE", tracking_number="CGK42").status_code == 302
    assert move(client, capture, order, "delivered").status_code == 302
    assert SampleOrder.objects.get(pk=order.pk).status == OrderStatus.DELIVERED
    assert [message.subject for message in mail.outbox] == [
        f"Your sample order {order.reference}: Shipped",
        f"Your sample order {order.reference}: Delivered",
    ]
    assert "Tracking number: CGK42" in mail.outbox[0].body


def test_a_maker_cannot_move_another_makers_order_nor_one_shared_with_another_maker(
    client, two_makers, invoice_mode, people, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    theirs = check_out(capture, [(two_makers["chips"], 1)], email="theirs@example.com")
    shared = check_out(
        capture, [(two_makers["burner"], 1), (two_makers["chips"], 1)], email="shared@example.com"
    )
    SampleOrder.objects.update(status=OrderStatus.PAID)
    mail.outbox.clear()
    client.force_login(people["kabut"])

    inspect = client.get(f"/admin/sample_orders/inspect/{shared.pk}/")
    html = inspect.content.decode()
    assert inspect.status_code == 200 and "Porcelain aroma burner" in html  # seen...
    assert 'value="shipped"' not in html and "the trade office changes its status" in html  # ...not moved
    for order in (theirs, shared):
        # LocaleMiddleware turns an admin 404 into a redirect to the same path under /en/, itself a 404.
        assert client.get(f"/admin/sample_orders/edit/{order.pk}/", follow=True).status_code == 404
        with capture(execute=True):
            response = client.post(
                f"/admin/sample_orders/edit/{order.pk}/",
                {"status": "shipped", "carrier": "JNE", "tracking_number": "X1"},
                follow=True,
            )
        assert response.status_code == 404
        assert SampleOrder.objects.get(pk=order.pk).status == OrderStatus.PAID
    assert mail.outbox == [] and not OrderMail.objects.exclude(status=OrderStatus.AWAITING_INVOICE).exists()

    # The trade office moves the shared order.
    client.force_login(people["curator"])
    move(client, capture, shared, "shipped", carrier="JNE", tracking_number="X1")
    assert SampleOrder.objects.get(pk=shared.pk).status == OrderStatus.SHIPPED
    assert to("shared@example.com")[0].subject == f"Your sample order {shared.reference}: Shipped"


def test_a_move_made_meanwhile_by_someone_else_stands(
    client, two_makers, invoice_mode, people, monkeypatch, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    order = check_out(capture, [(two_makers["burner"], 1)])
    SampleOrder.objects.filter(pk=order.pk).update(status=OrderStatus.PAID)
    mail.outbox.clear()
    client.force_login(people["kabut"])
    validate = OrderStatusForm.clean

    def curator_cancels_meanwhile(form):
        # Between the maker's request reading the order and saving its move.
        SampleOrder.objects.filter(pk=order.pk).update(status=OrderStatus.CANCELLED)
        return validate(form)

    monkeypatch.setattr(OrderStatusForm, "clean", curator_cancels_meanwhile)
    response = move(client, capture, order, "shipped", carrier="JNE", tracking_number="X1")

    assert response.status_code == 200
    assert "Someone changed the status of this order meanwhile" in response.content.decode()
    assert SampleOrder.objects.get(pk=order.pk).status == OrderStatus.CANCELLED
    assert mail.outbox == [] and not OrderMail.objects.filter(status=OrderStatus.SHIPPED).exists()


def broken_smtp(self, messages):
    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_with_the_mail_server_down_the_resend_command_later_sends_each_email_once(
    client, two_makers, invoice_mode, people, monkeypatch, capsys, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    client.force_login(people["curator"])
    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken_smtp)
        order = check_out(capture, [(two_makers["burner"], 1), (two_makers["chips"], 1)], "ja")
        move(client, capture, order, "invoice_sent")
        call_command("resend_order_notifications")
        assert "Pending: 2, sent: 0, failed: 2" in capsys.readouterr().out

    assert SampleOrder.objects.get(pk=order.pk).status == OrderStatus.INVOICE_SENT  # the move stands
    assert mail.outbox == []
    assert all("SMTPServerDisconnected" in owed.error for owed in OrderMail.objects.all())
    inspect = client.get(f"/admin/sample_orders/inspect/{order.pk}/").content.decode()
    assert "SMTPServerDisconnected" in inspect and "resend_order_notifications" in inspect

    call_command("resend_order_notifications")
    assert "Pending: 2, sent: 2, failed: 0" in capsys.readouterr().out
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [CONTACT["email"], CONTACT["email"], "kabut@example.com", "renyah@example.com", OFFICE]
    )
    assert sum("請求書" in message.subject for message in mail.outbox) == 2  # confirmation, then invoice sent

    call_command("resend_order_notifications")  # all sent: nothing goes out twice
    assert "Pending: 0, sent: 0, failed: 0" in capsys.readouterr().out
    assert len(mail.outbox) == 5
