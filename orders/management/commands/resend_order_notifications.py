"""Send the e-mails of sample orders that the mail server refused (after an SMTP outage, say): the
payment e-mails of paid orders, and those owed for an invoice order or a status change (OrderMail)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from orders.models import OrderMail, SampleOrder
from orders.tasks import send_order_mail, send_paid_notifications


class Command(BaseCommand):
    help = "Re-send the e-mails of sample orders (payment, invoice order, status change) not sent yet."

    def handle(self, *args, **options):
        paid = list(
            SampleOrder.objects.filter(paid_at__isnull=False, paid_notified_at__isnull=True)
            .order_by("paid_at")
            .values_list("pk", flat=True)
        )
        owed = list(
            OrderMail.objects.filter(sent_at__isnull=True)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)
        )
        sent = sum(send_paid_notifications(order_id) for order_id in paid)
        sent += sum(send_order_mail(mail_id) for mail_id in owed)
        pending = paid + owed
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
