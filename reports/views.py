"""The reports in the admin: a filter form, each table's figures as SVG bar charts beside the table,
and the same tables as CSV or XLSX (`?export=csv`, `?export=xlsx`)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .charts import section_charts, section_table
from .exports import csv_response, xlsx_response
from .permissions import can_view_reports
from .queries import REPORTS, ReportFilterForm


def report_view(request, report):
    if not can_view_reports(request.user):
        raise PermissionDenied
    if report not in REPORTS:
        raise Http404
    title, build = REPORTS[report]
    form = ReportFilterForm(request.GET or None)
    sections = build(form.filters())

    export = request.GET.get("export")
    filename = f"report-{report}"
    if export == "csv":
        return csv_response(sections, filename)
    if export == "xlsx":
        return xlsx_response(sections, filename)

    query = request.GET.copy()
    query.pop("export", None)
    links = {}
    for kind in ("csv", "xlsx"):
        query["export"] = kind
        links[kind] = f"?{query.urlencode()}"
    query.pop("export", None)
    tabs = [
        {
            "title": name,
            "url": f"{reverse(f'reports:{key}')}?{query.urlencode()}",
            "current": key == report,
        }
        for key, (name, _build) in REPORTS.items()
    ]
    return TemplateResponse(
        request,
        "reports/admin/report.html",
        {
            "form": form,
            "tabs": tabs,
            "export_links": links,
            "sections": [
                {"section": section, "charts": section_charts(section), "table": section_table(section)}
                for section in sections
            ],
            "page_title": _("Export reports: %(report)s") % {"report": title},
            "header_icon": "table",
        },
    )
