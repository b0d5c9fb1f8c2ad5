"""Send the e-mails of every inquiry whose maker has not been told yet (after an SMTP outage, say)."""

from django.core.management.base import BaseCommand

from inquiries.models import Inquiry
from inquiries.notifications import notify_inquiry


class Command(BaseCommand):
    help = "Re-send notification e-mails for inquiries not yet notified (spam excluded)."

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
        if failed:
            self.stderr.write(
                self.style.WARNING(f"{failed} inquiries could not be sent; see last_error in the admin.")
            )
