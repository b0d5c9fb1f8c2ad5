"""Admin wiring for the reports: their URLs, the "Export reports" menu for curators and the trade
office, and the Trade office group in the demo."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .permissions import can_view_reports


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("demand/", views.report_view, {"report": "demand"}, name="demand"),
        path("response/", views.report_view, {"report": "response"}, name="response"),
    ]
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


@hooks.register("seed_demo")
def add_trade_office_group(stdout):
    from .setup import ensure_trade_office_group

    ensure_trade_office_group()
    stdout.write("Trade office group: ready.")
