"""Send the e-mails of every inquiry whose maker has not been told yet, and every maker's reply the
buyer has not been sent (after an SMTP outage, say)."""

from django.core.management.base import BaseCommand

from inquiries.models import Inquiry, InquiryReply
from inquiries.notifications import notify_inquiry, send_reply


def send_each(ids, send):
    """Call `send` (True when sent) for each id; returns (sent, failed)."""
    sent = sum(1 for pk in ids if send(pk))
    return sent, len(ids) - sent


class Command(BaseCommand):
    help = "Re-send notification e-mails for inquiries not yet notified (spam excluded) and unsent replies."

    def handle(self, *args, **options):
        pending = list(
            Inquiry.objects.pending_notification().order_by("created_at").values_list("pk", flat=True)
        )
        sent, failed = send_each(pending, notify_inquiry)
        self.stdout.write(f"Pending: {len(pending)}, sent: {sent}, failed: {failed}")

        unsent = InquiryReply.objects.filter(mailed_at__isnull=True).order_by("sent_at")
        replies = list(unsent.values_list("pk", flat=True))
        replies_sent, replies_failed = send_each(replies, send_reply)
        self.stdout.write(f"Replies pending: {len(replies)}, sent: {replies_sent}, failed: {replies_failed}")

        if failed:
            self.stderr.write(
                self.style.WARNING(f"{failed} inquiries could not be sent; see last_error in the admin.")
            )
        if replies_failed:
            self.stderr.write(
                self.style.WARNING(
                    f"{replies_failed} replies could not be sent; they are tried again next time."
                )
            )
