"""E-mails for a new inquiry (the maker's copy in Indonesian, the buyer's in the language of the form)
and for a maker's reply (to the buyer, framed in the buyer's language)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from catalog.names import title_in_language
from storefront.mail import send_once, subject_line

from .models import Inquiry, InquiryReply

VENDOR_LANGUAGE = "id"


def _vendor_address(inquiry):
    vendor = inquiry.vendor
    if vendor is not None and vendor.contact_email:
        return vendor.contact_email
    # No private address yet: the trade office's curators receive it and pass it on.
    return getattr(settings, "INQUIRY_FALLBACK_EMAIL", "") or settings.DEFAULT_FROM_EMAIL


def vendor_message(inquiry, connection=None):
    with translation.override(VENDOR_LANGUAGE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "inquiry_admin:inspect", args=[inquiry.pk]
        )
        # The name the maker gave the product, not the one in the buyer's language.
        product_name = title_in_language(inquiry.product, VENDOR_LANGUAGE, default=inquiry.product_name)
        context = {"inquiry": inquiry, "product_name": product_name, "admin_url": admin_url}
        subject = subject_line(
            gettext("New inquiry %(reference)s: %(subject)s")
            % {
                "reference": inquiry.reference,
                "subject": product_name or inquiry.vendor_name,
            }
        )
        body = render_to_string("inquiries/email/vendor_notification.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        to=[_vendor_address(inquiry)],
        reply_to=[inquiry.email],
        headers={"Content-Language": VENDOR_LANGUAGE, "X-Inquiry-Reference": inquiry.reference},
        connection=connection,
    )


def buyer_message(inquiry, connection=None):
    language = inquiry.language_code or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = subject_line(
            gettext("Your inquiry %(reference)s to %(vendor)s")
            % {
                "reference": inquiry.reference,
                "vendor": inquiry.vendor_name or gettext("Etalase Malang"),
            }
        )
        body = render_to_string("inquiries/email/buyer_confirmation.txt", {"inquiry": inquiry})
    return EmailMessage(
        subject=subject,
        body=body,
        to=[inquiry.email],
        headers={"Content-Language": language, "X-Inquiry-Reference": inquiry.reference},
        connection=connection,
    )


def notify_inquiry(inquiry_id):
    """Send both e-mails once. Returns True if sent (or already sent), False if sending failed.

    A failure never raises: the inquiry stays in the inbox with the error recorded and
    `notified_at` empty, so `resend_inquiry_notifications` picks it up later.
    """
    return send_once(
        Inquiry.objects.all(),
        inquiry_id,
        lambda inquiry, connection: [vendor_message(inquiry, connection), buyer_message(inquiry, connection)],
        sent_field="notified_at",
        attempts_field="notify_attempts",
        error_field="last_error",
        claim_field="notify_claimed_until",
    )


def reply_subject(inquiry):
    """In the buyer's language (the current one when this is called), with the inquiry's reference."""
    return subject_line(
        gettext("Reply to your inquiry %(reference)s from %(vendor)s")
        % {"reference": inquiry.reference, "vendor": inquiry.vendor_name or gettext("Etalase Malang")}
    )


def reply_message(reply, connection=None):
    inquiry = reply.inquiry
    language = inquiry.language_code or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = reply_subject(inquiry)
        body = render_to_string("inquiries/email/buyer_reply.txt", {"inquiry": inquiry, "reply": reply})
    return EmailMessage(
        subject=subject,
        body=body,
        to=[inquiry.email],
        # The buyer's answer goes to the maker (or to the trade office, which passes it on).
        reply_to=[_vendor_address(inquiry)],
        headers={"Content-Language": language, "X-Inquiry-Reference": inquiry.reference},
        connection=connection,
    )


def send_reply(reply_id):
    """E-mail a reply to the buyer once. False when the mail server refused it: the reply stays
    recorded with `mailed_at` empty, and `resend_inquiry_notifications` sends it later."""
    return send_once(
        InquiryReply.objects.select_related("inquiry", "inquiry__vendor"),
        reply_id,
        lambda reply, connection: [reply_message(reply, connection)],
        sent_field="mailed_at",
        attempts_field="mail_attempts",
        error_field="mail_error",
        claim_field="mail_claimed_until",
    )
