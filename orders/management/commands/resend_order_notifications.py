"""Send the payment e-mails of every paid sample order whose buyer and makers have not been told yet
(after an SMTP outage, say)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from orders.models import SampleOrder
from orders.tasks import send_paid_notifications


class Command(BaseCommand):
    help = "Re-send the payment e-mails of paid sample orders whose e-mails have not been sent."

    def handle(self, *args, **options):
        pending = list(
            SampleOrder.objects.filter(paid_at__isnull=False, paid_notified_at__isnull=True)
            .order_by("paid_at")
            .values_list("pk", flat=True)
        )
        sent = sum(send_paid_notifications(order_id) for order_id in pending)
        failed = len(pending) - sent
        self.stdout.write(
            _("Pending: %(pending)s, sent: %(sent)s, failed: %(failed)s")
            % {"pending": len(pending), "sent": sent, "failed": failed}
        )
        if failed:
            self.stderr.write(
                self.style.WARNING(
                    ngettext(
                        "The e-mails of %(failed)s order could not be sent; the admin shows its error.",
                        "The e-mails of %(failed)s orders could not be sent; the admin shows each error.",
                        failed,
                    )
                    % {"failed": failed}
                )
            )
