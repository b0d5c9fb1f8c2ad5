"""Background work for sample orders: the e-mails sent once Stripe has confirmed a payment."""

from collections import defaultdict

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from catalog.models import VendorPage
from catalog.names import titles_in_language
from storefront.mail import send_once, subject_line

from .models import SampleOrder
from .tokens import order_url

MAKER_LANGUAGE = "id"


def _vendor_email(key, lines):
    for line in lines:
        if line.vendor is not None and line.vendor.contact_email:
            return line.vendor.contact_email
    vendor = VendorPage.objects.filter(translation_key=key).exclude(contact_email="").first()
    return vendor.contact_email if vendor else ""


@task()
def notify_order_paid(order_id):
    """The payment e-mails of a paid order, from the task backend once the webhook has committed."""
    send_paid_notifications(order_id)


def send_paid_notifications(order_id):
    """E-mail the buyer (in their language) and each maker (in Indonesian, only its own lines), once.

    Returns True when they are sent (now or before). A mail failure never raises: the order keeps
    `paid_notified_at` empty with the error recorded, and `resend_order_notifications` sends them
    later.
    """
    return send_once(
        SampleOrder.objects.filter(paid_at__isnull=False),
        order_id,
        _paid_messages,
        sent_field="paid_notified_at",
        attempts_field="paid_notify_attempts",
        error_field="paid_notify_error",
        claim_field="paid_notify_claimed_until",
    )


def _paid_messages(order, connection):
    lines = list(order.lines.select_related("vendor", "product"))
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + order_url(order)
    with translation.override(order.language):
        messages = [
            EmailMessage(
                subject_line(
                    _("Payment received for your samples %(reference)s") % {"reference": order.reference}
                ),
                render_to_string(
                    "orders/email/buyer_paid.txt", {"order": order, "lines": lines, "link": link}
                ),
                to=[order.email],
                headers={"Content-Language": order.language},
                connection=connection,
            )
        ]

    # Makers read their products under the names they gave them, in Indonesian.
    maker_names = titles_in_language([line.product for line in lines], MAKER_LANGUAGE)
    for line in lines:
        line.maker_product_name = maker_names.get(
            getattr(line.product, "translation_key", None), line.product_name
        )
    by_vendor = defaultdict(list)
    for line in lines:
        by_vendor[line.vendor_translation_key].append(line)
    for key, vendor_lines in by_vendor.items():
        address = _vendor_email(key, vendor_lines)
        if not address:
            continue
        with translation.override(MAKER_LANGUAGE):
            messages.append(
                EmailMessage(
                    subject_line(_("New paid sample order %(reference)s") % {"reference": order.reference}),
                    render_to_string(
                        "orders/email/vendor_paid.txt",
                        {
                            "order": order,
                            "lines": vendor_lines,
                            "vendor_name": vendor_lines[0].vendor_name,
                            "vendor_total": sum(line.line_total for line in vendor_lines),
                        },
                    ),
                    to=[address],
                    headers={"Content-Language": MAKER_LANGUAGE},
                    connection=connection,
                )
            )
    return messages
