"""Admin for sample orders (scoped per maker) and the shipping zones curators price samples with."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from storefront.csvcells import SnippetIndexView

from .admin_views import (
    ORDER_COLUMNS,
    OrderStatusForm,
    SampleOrderHistoryView,
    SampleOrderIndexView,
    SampleOrderInspectView,
    SampleOrderStatusView,
    SampleOrderUsageView,
)
from .models import SampleOrder, ShippingZone
from .permissions import SampleOrderPermissionPolicy, orders_for_user

# Registered before any view asks for SampleOrder's policy (Wagtail would fall back to model perms).
register_permission_policy(SampleOrder, SampleOrderPermissionPolicy(SampleOrder))


class SampleOrderViewSet(ModelViewSet):
    model = SampleOrder
    icon = "list-ul"
    menu_label = _("Sample orders")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = SampleOrderIndexView
    inspect_view_class = SampleOrderInspectView
    edit_view_class = SampleOrderStatusView
    history_view_class = SampleOrderHistoryView
    usage_view_class = SampleOrderUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ORDER_COLUMNS
    list_filter = ["status", "created_at", "payment_flagged"]
    list_export = [
        "reference",
        "created_at",
        "name",
        "company",
        "email",
        "country",
        "visible_total",
        "currency",
        "status",
        "payment_flagged",
    ]
    export_headings = {"visible_total": _("Total"), "name": _("Buyer")}
    export_filename = "sample-orders"
    search_fields = ["reference", "name", "company", "email"]
    ordering = ["-created_at"]

    def get_form_class(self, for_update=False):
        return OrderStatusForm


class ShippingZoneViewSet(SnippetViewSet):
    model = ShippingZone
    icon = "site"
    menu_label = _("Shipping zones")
    add_to_settings_menu = True
    index_view_class = SnippetIndexView
    list_display = ["name", "countries", "flat_rate", "currency", "is_default"]
    list_export = ["name", "countries", "flat_rate", "currency", "is_default"]


register_snippet(ShippingZoneViewSet)


@hooks.register("register_admin_viewset")
def register_sample_orders():
    return SampleOrderViewSet("sample_orders")


@hooks.register("register_log_actions")
def register_order_log_actions(actions):
    # Shown in an order's history in the admin.
    actions.register_action(
        "orders.expire", _("Expire"), _("Expired: not paid within the time a payment is waited for")
    )
    actions.register_action(
        "orders.paid_after_expiry",
        _("Paid after expiry"),
        _("Stripe confirmed a payment after the order had expired: it is paid, as the money was received"),
    )


# Demo rates for the embedded set-up; curators change them under Settings → Shipping zones.
DEMO_SHIPPING_ZONES = [
    ("ASEAN", "BN, KH, LA, MM, MY, PH, SG, TH, VN", 1500, False),
    ("East Asia", "CN, HK, JP, KR, TW", 2500, False),
    ("Gulf", "AE, BH, KW, OM, QA, SA", 3000, False),
    ("Rest of the world", "", 4500, True),
]


@hooks.register("vendor_dashboard_counts")
def sample_orders_count(user):
    """The maker's dashboard panel links to its sample orders (catalog.admin_views)."""
    return {"orders": orders_for_user(user).count(), "orders_url": reverse("sample_orders:index")}


@hooks.register("seed_demo")
def add_demo_shipping_zones(stdout):
    if ShippingZone.objects.exists():
        return
    for name, countries, rate, is_default in DEMO_SHIPPING_ZONES:
        ShippingZone.objects.create(name=name, countries=countries, flat_rate=rate, is_default=is_default)
    stdout.write(f"Demo shipping zones: {len(DEMO_SHIPPING_ZONES)} created.")
