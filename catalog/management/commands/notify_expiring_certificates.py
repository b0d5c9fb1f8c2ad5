"""Warn makers, once per certificate and expiry date, that a certificate expires soon (run daily)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from catalog.expiry import notify_expiring


class Command(BaseCommand):
    help = (
        "E-mail each maker whose certificates expire within CERTIFICATE_EXPIRY_NOTICE_DAYS days "
        "(once per certificate and date; safe to run again)."
    )

    def handle(self, *args, **options):
        sent, failed = notify_expiring()
        self.stdout.write(
            _("Makers warned about expiring certificates: %(sent)s; not reached: %(failed)s")
            % {"sent": sent, "failed": failed}
        )
