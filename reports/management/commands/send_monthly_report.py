"""`manage.py send_monthly_report [--month YYYY-MM]`: e-mail a month's PDF summary to the trade office."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from reports.monthly import previous_month, send_monthly_report


def month_argument(value):
    try:
        return datetime.strptime(value, "%Y-%m").date()
    except ValueError as error:
        raise CommandError(f"--month must look like 2026-11, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "E-mail the export reports of a month (by default the last one) as a PDF to TRADE_OFFICE_EMAIL, "
        "once per month: safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM; the month before this one if left out")

    def handle(self, *args, **options):
        month = month_argument(options["month"]) if options["month"] else previous_month()
        report = send_monthly_report(month)
        if report is None:
            self.stdout.write("TRADE_OFFICE_EMAIL is not set: no report sent.")
        elif report.sent_at is None:
            raise CommandError(f"The report for {month:%Y-%m} was not sent: {report.error}")
        else:
            self.stdout.write(
                f"The report for {month:%Y-%m} was sent to {report.recipient} at {report.sent_at}."
            )
