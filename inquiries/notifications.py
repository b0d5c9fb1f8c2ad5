"""E-mails for a new inquiry: the maker's copy in Indonesian, the buyer's in the language of the form."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from .models import Inquiry

logger = logging.getLogger(__name__)

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
        context = {"inquiry": inquiry, "admin_url": admin_url}
        subject = gettext("New inquiry %(reference)s: %(subject)s") % {
            "reference": inquiry.reference,
            "subject": inquiry.product_name or inquiry.vendor_name,
        }
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
        subject = gettext("Your inquiry %(reference)s to %(vendor)s") % {
            "reference": inquiry.reference,
            "vendor": inquiry.vendor_name or gettext("Etalase Malang"),
        }
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
    with transaction.atomic():
        # The row lock keeps a worker and the resend command from mailing the same inquiry twice.
        # No select_related: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
        inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
        if inquiry is None:
            logger.warning("Inquiry %s no longer exists; nothing to send", inquiry_id)
            return False
        if inquiry.notified_at is not None:
            return True
        inquiry.notify_attempts += 1
        try:
            connection = get_connection()
            connection.send_messages(
                [vendor_message(inquiry, connection), buyer_message(inquiry, connection)]
            )
        except Exception as exc:  # any mail failure must leave the inquiry retryable
            logger.exception("Could not send notifications for inquiry %s", inquiry.reference)
            inquiry.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            inquiry.save(update_fields=["notify_attempts", "last_error"])
            return False
        inquiry.notified_at = timezone.now()
        inquiry.last_error = ""
        inquiry.save(update_fields=["notify_attempts", "last_error", "notified_at"])
        return True
