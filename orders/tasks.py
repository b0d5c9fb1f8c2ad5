"""Background work for sample orders: the e-mails sent once Stripe has confirmed a payment, and those
of an invoice order and of each later status (OrderMail)."""

from collections import defaultdict

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from catalog.models import VendorPage
from catalog.names import titles_in_language
from storefront.mail import send_once, subject_line

from .models import OrderMail, OrderStatus, SampleOrder
from .tokens import order_url

MAKER_LANGUAGE = "id"
# The trade office works in Indonesian, like the makers.
OFFICE_LANGUAGE = "id"


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
    link = _order_link(order)
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

    with translation.override(MAKER_LANGUAGE):
        subject = _("New paid sample order %(reference)s") % {"reference": order.reference}
    messages += _maker_messages(
        order, _with_maker_names(lines), subject, "orders/email/vendor_paid.txt", connection
    )
    return messages


def _with_maker_names(lines):
    """The lines, each with `maker_product_name`: the product's Indonesian name where it has one."""
    # Makers read their products under the names they gave them, in Indonesian.
    maker_names = titles_in_language([line.product for line in lines], MAKER_LANGUAGE)
    for line in lines:
        line.maker_product_name = maker_names.get(
            getattr(line.product, "translation_key", None), line.product_name
        )
    return lines


def _maker_messages(order, lines, subject, template, connection):
    """One e-mail per maker with an address, in Indonesian, holding only that maker's lines (each
    with its `maker_product_name`)."""
    by_vendor = defaultdict(list)
    for line in lines:
        by_vendor[line.vendor_translation_key].append(line)
    messages = []
    for key, vendor_lines in by_vendor.items():
        address = _vendor_email(key, vendor_lines)
        if not address:
            continue
        with translation.override(MAKER_LANGUAGE):
            messages.append(
                EmailMessage(
                    subject_line(subject),
                    render_to_string(
                        template,
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


@task()
def notify_order_mail(mail_id):
    """The e-mails of an order's new status, from the task backend once the change has committed."""
    send_order_mail(mail_id)


def send_order_mail(mail_id):
    """Send the e-mails an OrderMail stands for, once (storefront.mail.send_once).

    Returns True when they are sent (now or before). A mail failure never raises: the row keeps
    `sent_at` empty with the error recorded, and `resend_order_notifications` sends them later.
    """
    return send_once(
        OrderMail.objects.select_related("order"),
        mail_id,
        _order_mail_messages,
        sent_field="sent_at",
        attempts_field="attempts",
        error_field="error",
        claim_field="claimed_until",
    )


def _order_link(order):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + order_url(order)


def _order_mail_messages(owed, connection):
    order = owed.order
    if owed.status == OrderStatus.AWAITING_INVOICE:
        return _invoice_order_messages(order, connection)
    with translation.override(order.language):
        subject = _("Your sample order %(reference)s: %(status)s") % {
            "reference": order.reference,
            "status": OrderStatus(owed.status).label,
        }
        news = {
            OrderStatus.INVOICE_SENT: _(
                "We have sent you the invoice for sample order %(reference)s. "
                "Once it is paid, the makers will ship your samples."
            ),
            OrderStatus.SHIPPED: _("The samples of your order %(reference)s are on their way."),
            OrderStatus.DELIVERED: _(
                "The samples of your order %(reference)s have been delivered. We hope you like them."
            ),
            OrderStatus.CANCELLED: _("Your sample order %(reference)s has been cancelled."),
            OrderStatus.REFUNDED: _("Your payment for sample order %(reference)s has been refunded."),
        }[owed.status] % {"reference": order.reference}
        body = render_to_string(
            "orders/email/buyer_status.txt",
            {
                "order": order,
                "news": news,
                "shipped": owed.status == OrderStatus.SHIPPED,
                "link": _order_link(order),
            },
        )
    return [
        EmailMessage(
            subject_line(subject),
            body,
            to=[order.email],
            headers={"Content-Language": order.language},
            connection=connection,
        )
    ]


def _invoice_order_messages(order, connection):
    """A new invoice order: the buyer's confirmation in their language, each maker's lines and the
    trade office's copy of the whole order (when TRADE_OFFICE_EMAIL is set) in Indonesian."""
    lines = list(order.lines.select_related("vendor", "product"))
    with translation.override(order.language):
        messages = [
            EmailMessage(
                subject_line(
                    _("Your sample order %(reference)s: an invoice will follow")
                    % {"reference": order.reference}
                ),
                render_to_string(
                    "orders/email/buyer_invoice.txt",
                    {"order": order, "lines": lines, "link": _order_link(order)},
                ),
                to=[order.email],
                headers={"Content-Language": order.language},
                connection=connection,
            )
        ]
    with translation.override(MAKER_LANGUAGE):
        subject = _("New sample order %(reference)s, to be paid by invoice") % {"reference": order.reference}
    # The makers and the trade office read the products under their Indonesian names.
    _with_maker_names(lines)
    messages += _maker_messages(order, lines, subject, "orders/email/vendor_invoice.txt", connection)
    if settings.TRADE_OFFICE_EMAIL:
        admin_link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "sample_orders:inspect", args=[order.pk]
        )
        with translation.override(OFFICE_LANGUAGE):
            messages.append(
                EmailMessage(
                    subject_line(_("Sample order %(reference)s to invoice") % {"reference": order.reference}),
                    render_to_string(
                        "orders/email/office_invoice.txt",
                        {"order": order, "lines": lines, "admin_link": admin_link},
                    ),
                    to=[settings.TRADE_OFFICE_EMAIL],
                    headers={"Content-Language": OFFICE_LANGUAGE},
                    connection=connection,
                )
            )
    return messages
