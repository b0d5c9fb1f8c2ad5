"""Admin wiring for the reports: their URLs, the "Export reports" menu for curators and the trade
office, and the Trade office group in the demo."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views
from .permissions import can_view_reports
from .queries import REPORTS


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [path(f"{key}/", views.report_view, {"report": key}, name=key) for key in REPORTS]
    return [path("trade-reports/", include((urls, "reports"), namespace="reports"))]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Export reports"),
        reverse("reports:demand"),
        name="export-reports",
        icon_name="table",
        order=265,
    )


class ReportsDashboardPanel(Component):
    name = "export_reports"
    template_name = "reports/admin/dashboard_panel.html"
    order = 70

    def get_context_data(self, parent_context):
        return {
            "reports": [
                {"title": title, "url": reverse(f"reports:{key}")} for key, (title, _build) in REPORTS.items()
            ]
        }


@hooks.register("construct_homepage_panels")
def add_reports_panel(request, panels):
    if can_view_reports(request.user):
        panels.append(ReportsDashboardPanel())


@hooks.register("seed_demo")
def add_trade_office_group(stdout):
    from .setup import ensure_trade_office_group

    ensure_trade_office_group()
    stdout.write("Trade office group: ready.")
