"""The maker's inbox: an inquiry opens as a conversation, the maker replies from it, the buyer gets the
reply in the buyer's language, and the maker's public page shows the measured reply time."""

import re
import smtplib
from datetime import timedelta
from types import SimpleNamespace

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.users.models import UserProfile

from inquiries.models import Inquiry, InquiryReply, InquiryStatus
from tests import factories

INDEX = "/admin/inquiries/"
REPLY_TEXT = "Dear Hanna,\nwe can make 250 burners by September at USD 3.95 FOB Surabaya.\nSalam, Kabut"


def broken_smtp(self, messages):
    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def in_indonesian(user):
    """As onboarding sets it up: makers read the admin in Indonesian."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "id"
    profile.save()


def wib(moment):
    """A time as the Indonesian admin shows it: Jakarta time, 24 hours, the zone named."""
    local = timezone.localtime(moment)
    return f"{local.hour}.{local.minute:02d} WIB"


@pytest.fixture
def reply(client, django_capture_on_commit_callbacks):
    """POST a reply through the admin as a real commit would run it (the e-mail after the commit)."""

    def post(inquiry, body=REPLY_TEXT):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"{INDEX}reply/{inquiry.pk}/", {"body": body})

    return post


@pytest.fixture
def japanese_inquiry(product, post_inquiry):
    post_inquiry(product, lang="ja", country="JP")
    mail.outbox.clear()  # the notification e-mails of the new inquiry
    return Inquiry.objects.get()


def test_an_inquiry_opens_as_a_conversation_without_notification_internals(
    client, maker_user, japanese_inquiry
):
    in_indonesian(maker_user)
    client.force_login(maker_user)
    html = client.get(f"{INDEX}inspect/{japanese_inquiry.pk}/").content.decode()

    # The buyer's country and language in words, in the maker's Indonesian.
    assert html.count("<dd>Jepang</dd>") == 2 and "Bahasa pembeli" in html
    assert "Bahasa: en" not in html and ">ja<" not in html
    assert f'href="mailto:{japanese_inquiry.email}?subject=' in html
    assert japanese_inquiry.reference in html.split("mailto:", 1)[1].split('"', 1)[0]
    assert f'action="{INDEX}reply/{japanese_inquiry.pk}/"' in html
    assert "We would like a quotation for 250 burners" in html
    assert wib(japanese_inquiry.created_at) in html
    assert "resend_inquiry_notifications" not in html  # delivery internals are for curators


def test_maker_replies_and_the_buyer_gets_it_in_the_buyers_language(
    client, maker_user, japanese_inquiry, reply
):
    client.force_login(maker_user)
    response = reply(japanese_inquiry)

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [japanese_inquiry.email]
    assert japanese_inquiry.reference in message.subject
    assert "お問い合わせ" in message.subject  # framed in Japanese, the buyer's language
    assert message.extra_headers["Content-Language"] == "ja"
    assert REPLY_TEXT in message.body  # the maker's text as written
    assert "お問い合わせ" in message.body and "返信が届きました" in message.body
    assert message.reply_to == ["owner@kabut-porselen.example"]

    recorded = InquiryReply.objects.get()
    assert recorded.inquiry == japanese_inquiry and recorded.author == maker_user
    assert recorded.body == REPLY_TEXT and recorded.mailed_at is not None
    japanese_inquiry.refresh_from_db()
    assert japanese_inquiry.status == InquiryStatus.REPLIED

    html = client.get(f"{INDEX}inspect/{japanese_inquiry.pk}/").content.decode()
    assert "USD 3.95 FOB Surabaya" in html


def test_maker_records_a_quote_and_the_outcome_after_replying(client, maker_user, japanese_inquiry, reply):
    client.force_login(maker_user)
    reply(japanese_inquiry)

    for status in ("quoted", "won"):
        assert client.post(f"{INDEX}edit/{japanese_inquiry.pk}/", {"status": status}).status_code == 302
        japanese_inquiry.refresh_from_db()
        assert japanese_inquiry.status == status


def test_another_maker_can_neither_read_nor_reply(client, other_maker_user, japanese_inquiry, reply):
    client.force_login(other_maker_user)

    assert client.get(f"{INDEX}inspect/{japanese_inquiry.pk}/").status_code == 404
    assert client.get(f"{INDEX}reply/{japanese_inquiry.pk}/").status_code == 404
    assert reply(japanese_inquiry).status_code == 404

    assert not InquiryReply.objects.exists() and mail.outbox == []
    japanese_inquiry.refresh_from_db()
    assert japanese_inquiry.status == InquiryStatus.NEW


def test_a_reply_survives_a_failing_mail_server_and_the_resend_command_sends_it(
    client, maker_user, japanese_inquiry, reply, monkeypatch
):
    client.force_login(maker_user)
    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken_smtp)
        response = reply(japanese_inquiry)

    assert response.status_code == 302
    assert mail.outbox == []
    recorded = InquiryReply.objects.get()
    assert recorded.body == REPLY_TEXT and recorded.mailed_at is None
    assert "SMTPServerDisconnected" in recorded.mail_error
    japanese_inquiry.refresh_from_db()
    assert japanese_inquiry.status == InquiryStatus.REPLIED

    call_command("resend_inquiry_notifications")

    [message] = mail.outbox
    assert japanese_inquiry.reference in message.subject and REPLY_TEXT in message.body
    recorded.refresh_from_db()
    assert recorded.mailed_at is not None and recorded.mail_error == ""
    call_command("resend_inquiry_notifications")  # sent: nothing goes out twice
    assert len(mail.outbox) == 1


def test_the_makers_page_shows_the_median_reply_time_from_three_replies(
    client, maker_user, vendor, product, post_inquiry, reply, settings
):
    settings.PAGE_CACHE = True  # the stored public page is purged when the figure changes
    for n in range(3):
        post_inquiry(product, message=f"Inquiry number {n}: please quote 250 burners in gift boxes.")
    now = timezone.now()
    inquiries = list(Inquiry.objects.order_by("pk"))
    for inquiry, hours in zip(inquiries, (2, 5, 30), strict=True):
        Inquiry.objects.filter(pk=inquiry.pk).update(created_at=now - timedelta(hours=hours))
    client.force_login(maker_user)
    reply(inquiries[0])
    reply(inquiries[0], body="A second reply to the same inquiry does not count twice.")
    reply(inquiries[1])
    client.logout()

    assert "Replies within" not in client.get(vendor.url).content.decode()  # two replied inquiries
    assert client.get(vendor.url)["X-Cache"] == "HIT"

    client.force_login(maker_user)
    reply(inquiries[2])
    client.logout()

    html = client.get(vendor.url).content.decode()
    assert "Replies within" in html
    assert "5 hours" in html  # the median of 2, 5 and 30 hours
    assert "Replies within" in client.get(product.url).content.decode()


def test_order_rows_open_the_order_and_its_detail_shows_no_none(client, maker_user, vendor, product):
    order = factories.make_sample_order(
        "Hanna Vermeulen", "buyer@importer.example", [SimpleNamespace(vendor=vendor, product=product)]
    )
    in_indonesian(maker_user)
    client.force_login(maker_user)

    listing = client.get("/admin/sample_orders/").content.decode()
    assert f'href="/admin/sample_orders/inspect/{order.pk}/"' in listing
    assert wib(order.created_at) in listing

    detail = client.get(f"/admin/sample_orders/inspect/{order.pk}/")
    assert detail.status_code == 200
    html = detail.content.decode()
    assert order.reference in html
    assert not re.search(r">\s*None\s*<", html)
    assert "—" in html  # not paid yet: no payment time
    assert wib(order.created_at) in html  # in the detail as in the list, not in UTC


def test_on_a_phone_the_status_column_stays_and_minor_columns_give_way(client, maker_user, japanese_inquiry):
    client.force_login(maker_user)
    html = client.get(INDEX).content.decode()

    assert "css/admin-listings.css" in html
    headers = {
        re.sub(r"<[^>]+>|\s+", " ", inner).strip(): attrs
        for attrs, inner in re.findall(r"<th([^>]*)>(.*?)</th>", html, re.S)
    }
    assert "listing-minor" not in headers["Status"]
    assert "listing-minor" in headers["Quantity"] and "listing-minor" in headers["Country"]
