"""Send the e-mails of every inquiry whose maker has not been told yet, and every maker's reply the
buyer has not been sent (after an SMTP outage, say)."""

from django.core.management.base import BaseCommand

from inquiries.models import Inquiry, InquiryReply
from inquiries.notifications import notify_inquiry, send_reply


class Command(BaseCommand):
    help = "Re-send notification e-mails for inquiries not yet notified (spam excluded) and unsent replies."

    def handle(self, *args, **options):
        pending = list(
            Inquiry.objects.pending_notification().order_by("created_at").values_list("pk", flat=True)
        )
        sent = failed = 0
        for inquiry_id in pending:
            if notify_inquiry(inquiry_id):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Pending: {len(pending)}, sent: {sent}, failed: {failed}")

        unsent = InquiryReply.objects.filter(mailed_at__isnull=True).order_by("sent_at")
        replies = list(unsent.values_list("pk", flat=True))
        replies_sent = replies_failed = 0
        for reply_id in replies:
            if send_reply(reply_id):
                replies_sent += 1
            else:
                replies_failed += 1
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
