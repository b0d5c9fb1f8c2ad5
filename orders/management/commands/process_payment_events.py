"""Apply the Stripe events that were stored but never applied: the worker died in between, or Stripe
could not be asked then. Stripe's own redelivery usually does it first; this is for when it stops."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from orders.models import PaymentEvent
from orders.services import RetryLater, apply_payment_event


class Command(BaseCommand):
    help = "Apply stored Stripe events that were never applied (safe to run again: each is applied once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=10,
            help="Leave events younger than this to the delivery storing them (default 10).",
        )

    def handle(self, *args, minutes, **options):
        stale = PaymentEvent.objects.filter(
            processed_at__isnull=True, received_at__lt=timezone.now() - timedelta(minutes=minutes)
        ).order_by("received_at")
        applied = failed = 0
        for event in stale:
            try:
                apply_payment_event(event)
            except RetryLater:
                failed += 1
            else:
                applied += 1
        self.stdout.write(
            _("Unapplied events: %(total)s, applied: %(applied)s, Stripe unreachable: %(failed)s")
            % {"total": applied + failed, "applied": applied, "failed": failed}
        )
        if failed:
            self.stderr.write(self.style.WARNING(_("Run the command again once Stripe can be reached.")))
