"""`manage.py setup_trade_office`: create or repair the "Trade office" group (admin and reports)."""

from django.core.management.base import BaseCommand

from reports.setup import ensure_trade_office_group


class Command(BaseCommand):
    help = "Create or repair the Trade office group, whose members read the export reports in the admin."

    def handle(self, *args, **options):
        group = ensure_trade_office_group()
        self.stdout.write(self.style.SUCCESS(f"Group ready: {group.name}."))
