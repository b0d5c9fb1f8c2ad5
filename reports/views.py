"""The reports in the admin: a filter form, each table's figures as SVG bar charts beside the table,
and the same tables as CSV or XLSX (`?export=csv`, `?export=xlsx`)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .charts import COLOURS, bar_chart, display
from .exports import csv_response, xlsx_response
from .permissions import can_view_reports
from .queries import REPORTS, ReportFilterForm


def _charts(section):
    charts = []
    for number, column in enumerate(section.charts):
        rows = [(label, values[column]) for label, values in section.rows]
        title = f"{section.title}: {section.columns[column]}"
        charts.append(
            bar_chart(
                f"chart-{section.key}-{column}",
                title,
                rows,
                unit=section.units.get(column, ""),
                maximum=section.maxima.get(column),
                caption=section.columns[column],
                colour=COLOURS[number % len(COLOURS)],
            )
        )
    return charts


def _table(section):
    return [
        (label, [display(value, section.units.get(index, "")) for index, value in enumerate(values)])
        for label, values in section.rows
    ]


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
                {"section": section, "charts": _charts(section), "table": _table(section)}
                for section in sections
            ],
            "page_title": _("Export reports: %(report)s") % {"report": title},
            "header_icon": "table",
        },
    )
