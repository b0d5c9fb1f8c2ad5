"""A maker's reply: recorded, e-mailed to the buyer after the commit, and counted in the maker's
measured reply time (the "Replies within" figure of its public pages)."""

import statistics

from django.db import transaction
from django.db.models import Min

from catalog.models import VendorPage
from storefront.page_cache import purge_page

from .models import STATUS_TRANSITIONS, Inquiry, InquiryReply, InquiryStatus

# Below this many replied inquiries a median says little: no figure is shown.
MIN_REPLIES_FOR_MEDIAN = 3


def record_reply(inquiry, author, body):
    """Save the reply and move the inquiry to "replied"; the e-mail goes once the transaction commits,
    so a failing mail server loses nothing (the reply stays, to be sent again)."""
    from .tasks import send_reply_email

    with transaction.atomic():
        reply = InquiryReply.objects.create(inquiry=inquiry, author=author, body=body)
        if InquiryStatus.REPLIED in STATUS_TRANSITIONS.get(inquiry.status, ()):
            Inquiry.objects.filter(pk=inquiry.pk).update(status=InquiryStatus.REPLIED)
            inquiry.status = InquiryStatus.REPLIED
        update_reply_median(inquiry.vendor_translation_key)
    reply_id = reply.pk
    transaction.on_commit(lambda: send_reply_email.enqueue(reply_id), robust=True)
    return reply


def median_reply_hours(vendor_translation_key):
    """Median hours from an inquiry to its first reply, over the maker's replied inquiries (to the
    nearest hour, at least 1), or None with fewer than MIN_REPLIES_FOR_MEDIAN of them."""
    rows = (
        Inquiry.objects.filter(vendor_translation_key=vendor_translation_key)
        .annotate(first_reply=Min("replies__sent_at"))
        .filter(first_reply__isnull=False)
        .values_list("created_at", "first_reply")
    )
    delays = [(first - created).total_seconds() for created, first in rows]
    if len(delays) < MIN_REPLIES_FOR_MEDIAN:
        return None
    return max(1, round(statistics.median(delays) / 3600))


def update_reply_median(vendor_translation_key):
    """Store the maker's measured reply time on its pages in every locale (read by them with no query)."""
    if vendor_translation_key is None:
        return
    hours = median_reply_hours(vendor_translation_key)
    pages = VendorPage.objects.filter(translation_key=vendor_translation_key)
    changed = (
        pages.exclude(reply_median_hours=hours)
        if hours is not None
        else pages.exclude(reply_median_hours__isnull=True)
    )
    if changed.update(reply_median_hours=hours):
        page = pages.first()
        if page is not None:
            purge_page(page)
