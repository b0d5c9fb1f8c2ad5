"""Warning makers, in Indonesian, before their certificates run out.

Once a day (`manage.py notify_expiring_certificates`, from the same timer as the other periodic
commands, docs/deploy.md) each maker with a certificate that expires within
`CERTIFICATE_EXPIRY_NOTICE_DAYS` days gets one e-mail listing them. Each certificate row records
the expiry date it was warned about (`expiry_notice_for`), so the next day's run sends nothing
again, and a renewed certificate (a new date) is warned about when its turn comes. A maker's
certificate exists once per locale copy of its page: the e-mail lists it once and marks every copy.
An e-mail the mail server refuses marks nothing, so the next run tries again.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from storefront.mail import subject_line

from .models import ProductCertification, VendorCertification, VendorPage
from .onboarding import _vendor_group

logger = logging.getLogger(__name__)

MAKER_LANGUAGE = "id"


def _pending(model, today, days):
    return (
        model.objects.filter(valid_until__gte=today, valid_until__lte=today + timedelta(days=days))
        .filter(Q(expiry_notice_for__isnull=True) | ~Q(expiry_notice_for=F("valid_until")))
        .select_related("certification_type")
    )


def expiring_by_maker(today=None, days=None):
    """The certificates to warn about, by maker (translation_key): {"lines": {…}, "rows": […]}.

    `lines` holds each certificate once (type, number, valid until, product title); `rows` every
    locale copy of it, to be marked once the e-mail is sent."""
    today = today or timezone.localdate()
    days = settings.CERTIFICATE_EXPIRY_NOTICE_DAYS if days is None else days
    makers = {}

    def add(maker_key, line_key, row, product_title):
        entry = makers.setdefault(maker_key, {"lines": {}, "rows": []})
        entry["rows"].append(row)
        entry["lines"].setdefault(
            line_key, (row.certification_type, row.number, row.valid_until, product_title)
        )

    for row in _pending(VendorCertification, today, days).select_related("vendor"):
        key = row.vendor.translation_key
        add(key, ("maker", row.certification_type.translation_key, row.number, row.valid_until), row, "")
    for row in _pending(ProductCertification, today, days).select_related("product__vendor"):
        product = row.product
        if product.vendor is None:
            continue
        line = ("product", product.translation_key, row.certification_type.translation_key, row.number)
        add(product.vendor.translation_key, (*line, row.valid_until), row, product.title)
    return makers


def maker_addresses(vendor):
    """The maker's private contact address and its users' (the accounts onboarding made for it)."""
    addresses = [vendor.contact_email] if vendor.contact_email else []
    group = _vendor_group(vendor)
    if group is not None:
        addresses += [u.email for u in group.user_set.filter(is_active=True) if u.email]
    return list(dict.fromkeys(a.strip().lower() for a in addresses))


def _message(vendor, lines, recipients, connection):
    with translation.override(MAKER_LANGUAGE):
        items = []
        for cert_type, number, valid_until, product_title in sorted(lines, key=lambda line: line[2]):
            item = _("%(type)s no. %(number)s: valid until %(date)s") % {
                "type": cert_type.short_name or cert_type.name,
                "number": number or "–",
                "date": date_format(valid_until, "DATE_FORMAT"),
            }
            if product_title:
                item += " " + _("(product: %(product)s)") % {"product": product_title}
            items.append(f"- {item}")
        subject = subject_line(
            _("Certificates of %(maker)s expire within %(days)s days")
            % {"maker": vendor.title, "days": settings.CERTIFICATE_EXPIRY_NOTICE_DAYS}
        )
        body = _(
            "These certificates of %(maker)s on Etalase Malang expire soon:\n\n%(items)s\n\n"
            "After that date buyers see them as expired. Renew them, then enter the new number and "
            "expiry date and upload the new scan at %(admin)s so that the trade office can verify "
            "them again."
        ) % {
            "maker": vendor.title,
            "items": "\n".join(items),
            "admin": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("wagtailadmin_pages:edit", args=[vendor.pk]),
        }
    return EmailMessage(subject, body, None, recipients, connection=connection)


def notify_expiring(today=None, days=None):
    """Send the day's warnings; returns (makers e-mailed, makers whose e-mail failed or had no address)."""
    sent, failed = 0, 0
    connection = get_connection()
    for maker_key, entry in expiring_by_maker(today, days).items():
        copies = VendorPage.objects.filter(translation_key=maker_key)
        vendor = copies.filter(alias_of__isnull=True).order_by("pk").first() or copies.first()
        recipients = maker_addresses(vendor) if vendor is not None else []
        if not recipients:
            logger.warning("No address to warn %s about expiring certificates", vendor)
            failed += 1
            continue
        try:
            connection.send_messages([_message(vendor, entry["lines"].values(), recipients, connection)])
        except Exception:  # a mail failure marks nothing: tomorrow's run tries again
            logger.exception("Could not warn %s about expiring certificates", vendor)
            failed += 1
            continue
        for row in entry["rows"]:
            type(row).objects.filter(pk=row.pk).update(expiry_notice_for=F("valid_until"))
        sent += 1
    return sent, failed
