"""Background work for sample orders: the e-mails sent once Stripe has confirmed a payment."""

from collections import defaultdict

from django_tasks import task

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalog.models import VendorPage

from .models import SampleOrder
from .tokens import order_url


def _vendor_email(key, lines):
    for line in lines:
        if line.vendor is not None and line.vendor.contact_email:
            return line.vendor.contact_email
    vendor = VendorPage.objects.filter(translation_key=key).exclude(contact_email="").first()
    return vendor.contact_email if vendor else ""


@task()
def notify_order_paid(order_id):
    """E-mail the buyer (in their language) and each maker (in Indonesian, only its own lines), once."""
    with transaction.atomic():
        claimed = SampleOrder.objects.filter(pk=order_id, paid_notified_at__isnull=True).update(
            paid_notified_at=timezone.now()
        )
    if not claimed:
        return
    order = SampleOrder.objects.get(pk=order_id)
    lines = list(order.lines.select_related("vendor"))
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + order_url(order)

    with translation.override(order.language):
        send_mail(
            _("Payment received for your samples %(reference)s") % {"reference": order.reference},
            render_to_string("orders/email/buyer_paid.txt", {"order": order, "lines": lines, "link": link}),
            None,
            [order.email],
        )

    by_vendor = defaultdict(list)
    for line in lines:
        by_vendor[line.vendor_translation_key].append(line)
    for key, vendor_lines in by_vendor.items():
        address = _vendor_email(key, vendor_lines)
        if not address:
            continue
        with translation.override("id"):
            send_mail(
                _("New paid sample order %(reference)s") % {"reference": order.reference},
                render_to_string(
                    "orders/email/vendor_paid.txt",
                    {
                        "order": order,
                        "lines": vendor_lines,
                        "vendor_name": vendor_lines[0].vendor_name,
                        "vendor_total": sum(line.line_total for line in vendor_lines),
                    },
                ),
                None,
                [address],
            )
