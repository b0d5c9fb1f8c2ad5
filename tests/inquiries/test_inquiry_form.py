"""A buyer sends an inquiry through the form: checks, spam trap, rate limit, e-mails, thank-you page."""

import re
import smtplib

import pytest

from django.core.management import call_command
from django.test import override_settings

from inquiries.models import Inquiry
from tests.form_errors import announced

from .conftest import BUYER_EMAIL, VENDOR_EMAIL

REFERENCE = re.compile(r"INQ-\d{4}-\d{6}")


def test_form_names_the_product_and_is_prefilled_with_its_moq_and_unit(client, product, new_inquiry_url):
    response = client.get(new_inquiry_url(product))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hand-painted porcelain aroma burner" in html
    assert "Atelier Kabut Porselen" in html
    assert 'name="quantity" value="100"' in html
    assert '<option value="pieces" selected>' in html
    for field in ("name", "company", "email", "country", "phone", "target_price", "incoterm", "destination"):
        assert f'name="{field}"' in html
    assert '<option value="ID">Indonesia</option>' in html
    honeypot = re.search(r'<input[^>]*name="website"[^>]*>', html).group(0)
    assert 'tabindex="-1"' in honeypot and 'autocomplete="off"' in honeypot
    assert 'aria-hidden="true"' in html


def test_product_page_links_to_the_form(client, product):
    response = client.get(product.url)

    assert f'href="/en/inquiries/new/?product={product.id}"' in response.content.decode()


@pytest.mark.parametrize("query", ["?product=999999", "?product=abc", "?vendor=999999", ""])
def test_unknown_subject_is_404(client, product, query):
    assert client.get(f"/en/inquiries/new/{query}").status_code == 404


def test_unpublished_product_is_404(client, product, new_inquiry_url):
    product.unpublish()

    assert client.get(new_inquiry_url(product)).status_code == 404


def test_valid_inquiry_is_saved_once_and_thank_you_page_shows_its_reference(client, product, post_inquiry):
    response = post_inquiry(product)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/inquiries/thanks/")
    inquiry = Inquiry.objects.get()
    assert REFERENCE.fullmatch(inquiry.reference)
    assert inquiry.product_name == "Hand-painted porcelain aroma burner"
    assert inquiry.vendor_name == "Atelier Kabut Porselen"
    assert inquiry.vendor_translation_key == product.get_parent().translation_key
    assert inquiry.target_price == 380
    assert inquiry.language_code == "en"
    assert inquiry.ip_hash and "203.0.113.10" not in inquiry.ip_hash

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert inquiry.reference in thanks.content.decode()


def test_references_follow_each_other(product, post_inquiry):
    post_inquiry(product)
    post_inquiry(product)

    first, second = sorted(Inquiry.objects.values_list("reference", flat=True))
    assert int(second[-6:]) == int(first[-6:]) + 1


def test_thank_you_page_refuses_a_forged_link(client, product, post_inquiry):
    post_inquiry(product)
    reference = Inquiry.objects.get().reference

    assert client.get(f"/en/inquiries/thanks/{reference}/").status_code == 404
    assert client.get(f"/en/inquiries/thanks/{reference}:forged/").status_code == 404


def test_vendor_and_buyer_get_one_email_each(product, post_inquiry, mailoutbox):
    post_inquiry(product, message="Please quote 250 burners with custom lotus decoration and gift boxes.")

    inquiry = Inquiry.objects.get()
    assert len(mailoutbox) == 2
    to_vendor, to_buyer = mailoutbox
    assert to_vendor.to == [VENDOR_EMAIL]
    assert to_vendor.extra_headers["Content-Language"] == "id"
    assert to_vendor.reply_to == [BUYER_EMAIL]
    assert inquiry.reference in to_vendor.subject
    for text in (
        inquiry.reference,
        "Hand-painted porcelain aroma burner",
        "custom lotus decoration",
        BUYER_EMAIL,
    ):
        assert text in to_vendor.body
    # Written in Indonesian for the maker, in English for a buyer who used the English form.
    assert "Seorang pembeli" in to_vendor.body
    assert "Seorang pembeli" not in to_buyer.body
    assert to_buyer.to == [BUYER_EMAIL]
    assert to_buyer.extra_headers["Content-Language"] == "en"
    assert inquiry.reference in to_buyer.subject
    assert "custom lotus decoration" not in to_buyer.body  # the buyer's copy carries no text they wrote
    assert VENDOR_EMAIL not in to_buyer.body
    assert inquiry.notified_at is not None
    assert inquiry.notify_attempts == 1


def test_buyer_email_is_in_the_language_of_the_form(product, post_inquiry, mailoutbox):
    response = post_inquiry(product, lang="ja")

    assert response["Location"].startswith("/ja/inquiries/thanks/")
    assert Inquiry.objects.get().language_code == "ja"
    assert mailoutbox[1].extra_headers["Content-Language"] == "ja"
    assert mailoutbox[0].extra_headers["Content-Language"] == "id"


def test_inquiry_to_a_maker_without_email_goes_to_the_curators(
    settings, site_tree, post_inquiry, mailoutbox, client
):
    from tests import factories

    maker = factories.make_vendor(site_tree["makers"], "Sanggar Wajah Panji")
    settings.INQUIRY_FALLBACK_EMAIL = "curators@etalase.example"

    response = post_inquiry(vendor=maker)

    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.product is None and inquiry.vendor_name == "Sanggar Wajah Panji"
    assert mailoutbox[0].to == ["curators@etalase.example"]


INVALID = [
    ("name", "", "This field is required."),
    ("name", "x" * 121, "at most 120 characters"),
    ("company", "", "This field is required."),
    ("email", "not-an-email", "Enter a valid email address."),
    ("country", "XX", "Select a valid choice."),
    ("phone", "call me", "Enter a phone number"),
    ("quantity", "0", "The quantity must be at least 1."),
    ("quantity", "10000001", "The quantity can be at most 10,000,000."),
    ("quantity", "many", "Enter a whole number."),
    ("unit", "barrels", "Select a valid choice."),
    ("target_price", "-2", "greater than or equal to 0"),
    ("incoterm", "DDP", "Select a valid choice."),
    ("destination", "", "This field is required."),
    ("message", "Price?", "Please write at least 20 characters"),
    ("message", "x" * 5001, "Please keep the message under 5000 characters."),
]


@pytest.mark.parametrize(("field", "value", "error"), INVALID)
def test_each_invalid_field_is_refused_with_its_message_and_nothing_is_saved(
    product, post_inquiry, mailoutbox, field, value, error
):
    response = post_inquiry(product, **{field: value})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    field_block = re.search(
        rf'<div class="field[^"]*field--error[^"]*">\s*<label for="id_{field}">.*?</div>', html, re.S
    )
    assert field_block, f"no error next to {field}"
    assert error in field_block.group(0).replace("&#x27;", "'")
    kept = "Rotterdam, NL" if field != "destination" else "Vermeulen Home Goods B.V."
    assert f'value="{kept}"' in html  # the buyer's other input is kept
    assert Inquiry.objects.count() == 0
    assert mailoutbox == []


def test_errors_are_in_the_buyers_language(product, post_inquiry):
    response = post_inquiry(product, lang="id", email="bukan-email")

    assert response.status_code == 400
    assert "Masukkan alamat email yang valid." in response.content.decode()


def test_filled_spam_trap_is_refused_and_nothing_is_saved(product, post_inquiry, mailoutbox):
    response = post_inquiry(product, website="http://cheap-pills.example")

    assert response.status_code == 400
    assert "a field meant to stay empty was filled in" in response.content.decode()
    assert Inquiry.objects.count() == 0
    assert mailoutbox == []


@override_settings(INQUIRY_RATE_LIMIT_PER_EMAIL=3)
def test_too_many_inquiries_from_one_buyer_are_refused(product, post_inquiry):
    for _ in range(3):
        assert post_inquiry(product, ip="198.51.100.7").status_code == 302

    refused = post_inquiry(product, ip="198.51.100.7")

    assert refused.status_code == 429
    assert "too many inquiries in the last hour" in refused.content.decode()
    assert Inquiry.objects.count() == 3
    assert post_inquiry(product, ip="198.51.100.8", email="someone.else@importer.example").status_code == 302


def test_mail_failure_keeps_the_inquiry_and_the_resend_command_sends_it(
    client, product, post_inquiry, mailoutbox, monkeypatch
):
    def broken_smtp(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken_smtp)
        response = post_inquiry(product)

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    inquiry = Inquiry.objects.get()
    assert inquiry.notified_at is None
    assert inquiry.notify_attempts == 1
    assert "SMTPServerDisconnected" in inquiry.last_error
    assert mailoutbox == []

    call_command("resend_inquiry_notifications")

    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None
    assert inquiry.last_error == ""
    assert [mail.to for mail in mailoutbox] == [[VENDOR_EMAIL], [BUYER_EMAIL]]


def test_resend_command_reports_what_it_did(product, post_inquiry, monkeypatch, capsys):
    with monkeypatch.context() as patch:
        patch.setattr(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            lambda self, messages: (_ for _ in ()).throw(OSError("mail host down")),
        )
        post_inquiry(product)
        post_inquiry(product)
        call_command("resend_inquiry_notifications")
        assert "sent: 0, failed: 2" in capsys.readouterr().out

    call_command("resend_inquiry_notifications")

    assert "sent: 2, failed: 0" in capsys.readouterr().out
    assert Inquiry.objects.filter(notified_at__isnull=True).count() == 0


def test_message_is_not_on_the_thank_you_page(client, product, post_inquiry):
    response = post_inquiry(product, message='<script>alert("owned")</script> please quote 500 pieces')

    html = client.get(response["Location"]).content.decode()
    assert "<script>alert" not in html
    assert "alert(" not in html and "please quote 500 pieces" not in html


def test_each_error_is_tied_to_its_input_for_a_screen_reader(product, post_inquiry):
    response = post_inquiry(product, email="not-an-email", message="Price?")
    html = response.content.decode()

    invalid, described = announced(html, "id_email")
    assert invalid == "true"
    assert "Enter a valid email address." in described
    invalid, described = announced(html, "id_message")
    assert invalid == "true"
    assert described[0].startswith("Tell the maker what you need")  # its help, then its error
    assert any("Please write at least 20 characters" in text for text in described[1:])
    assert announced(html, "id_company") == (None, [])  # filled in well: nothing to announce
