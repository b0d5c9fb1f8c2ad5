"""The monthly PDF summary for the trade office: every report for one month, its charts (the same
server-drawn SVG as the admin pages) and tables, printed by WeasyPrint and e-mailed once.

`manage.py send_monthly_report` runs it (daily from cron: the month is sent once, and a refused
e-mail is tried again the next day).
"""

import calendar
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from storefront.mail import send_once, subject_line

from .charts import section_charts, section_table
from .models import MonthlyReport
from .queries import REPORTS, Filters

OFFICE_LANGUAGE = "id"  # the trade office reads its e-mails and reports in Indonesian
PDF_TYPE = "application/pdf"


def previous_month(today=None):
    today = today or timezone.localdate()
    return date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)


def month_filters(month):
    last = calendar.monthrange(month.year, month.month)[1]
    return Filters(date_from=month, date_to=month.replace(day=last))


def render_html(month):
    filters = month_filters(month)
    reports = []
    for key, (title, build) in REPORTS.items():
        sections = [
            {"section": section, "charts": section_charts(section), "table": section_table(section)}
            for section in build(filters)
        ]
        reports.append({"key": key, "title": title, "sections": sections})
    return render_to_string(
        "reports/admin/monthly_pdf.html",
        {"month": month, "filters": filters, "reports": reports, "generated": timezone.localtime()},
    )


def _weasyprint_html():
    """WeasyPrint's HTML class, loaded only by the monthly run (it brings in Pango).

    Importing WeasyPrint switches on Pillow's LOAD_TRUNCATED_IMAGES for the whole process, which would
    let a damaged upload through the admin's image checks in the same process: it is put back. The
    summary's charts are SVG, so WeasyPrint never needs it."""
    from PIL import ImageFile

    strict = ImageFile.LOAD_TRUNCATED_IMAGES
    from weasyprint import HTML

    ImageFile.LOAD_TRUNCATED_IMAGES = strict
    return HTML


def render_pdf(month):
    """The month's summary as PDF bytes, in the trade office's language."""
    HTML = _weasyprint_html()
    with translation.override(OFFICE_LANGUAGE):
        html = render_html(month)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def _messages(report, connection):
    with translation.override(OFFICE_LANGUAGE):
        subject = subject_line(_("Export reports for %(month)s") % {"month": f"{report.month:%Y-%m}"})
        body = render_to_string("reports/admin/monthly_email.txt", {"month": report.month})
    message = EmailMessage(
        subject,
        body,
        to=[report.recipient],
        headers={"Content-Language": OFFICE_LANGUAGE},
        connection=connection,
    )
    message.attach(f"etalase-malang-report-{report.month:%Y-%m}.pdf", render_pdf(report.month), PDF_TYPE)
    return [message]


def send_monthly_report(month):
    """E-mail the month's PDF to TRADE_OFFICE_EMAIL unless it was sent before. Returns the row (its
    `sent_at` says whether it went), or None when no address is configured."""
    if not settings.TRADE_OFFICE_EMAIL:
        return None
    report, _created = MonthlyReport.objects.get_or_create(
        month=month, defaults={"recipient": settings.TRADE_OFFICE_EMAIL}
    )
    if report.sent_at is None and report.recipient != settings.TRADE_OFFICE_EMAIL:
        MonthlyReport.objects.filter(pk=report.pk).update(recipient=settings.TRADE_OFFICE_EMAIL)
    send_once(
        MonthlyReport.objects.all(),
        report.pk,
        _messages,
        sent_field="sent_at",
        attempts_field="attempts",
        error_field="error",
        claim_field="claimed_until",
    )
    report.refresh_from_db()
    return report
