"""Admin hooks that narrow a maker's account to its own maker, and add the curators' onboarding and reports.

Wagtail's page and collection permissions already refuse other makers' pages and images; these
hooks close what permissions do not cover (the page chooser lists every page) and hide menus a
maker cannot use. Loaded from catalog/wagtail_hooks.py.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import admin_scope, admin_views, publishing, translation_dashboard
from .permissions import is_curator

# Menus a maker never needs; Wagtail shows some of them (e.g. Reports) to anyone with a page permission.
# "Help" links to Wagtail's English guide and release notes, and Wagtail labels it once per process,
# in the language of whoever opened the admin first.
HIDDEN_FOR_VENDORS = {"reports", "snippets", "documents", "settings", "users", "help"}


@hooks.register("register_admin_urls")
def register_catalog_admin_urls():
    urls = [
        path("onboard/", admin_views.onboard_view, name="onboard"),
        path("readiness/", admin_views.readiness_view, name="readiness"),
    ]
    dashboard = [path("", translation_dashboard.translation_dashboard_view, name="index")]
    return [
        path("makers/", include((urls, "catalog_admin"), namespace="catalog_admin")),
        path(
            "translation-status/",
            include((dashboard, "translation_dashboard"), namespace="translation_dashboard"),
        ),
    ]


class CuratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_curator(request.user)


@hooks.register("register_admin_menu_item")
def register_onboard_menu_item():
    return CuratorMenuItem(
        _("Onboard a maker"),
        reverse("catalog_admin:onboard"),
        name="onboard-maker",
        icon_name="user",
        order=250,
    )


@hooks.register("register_admin_menu_item")
def register_readiness_menu_item():
    return CuratorMenuItem(
        _("Export readiness"),
        reverse("catalog_admin:readiness"),
        name="export-readiness",
        icon_name="tasks",
        order=260,
    )


@hooks.register("register_admin_menu_item")
def register_translation_dashboard_menu_item():
    return CuratorMenuItem(
        _("Translation status"),
        reverse("translation_dashboard:index"),
        name="translation-dashboard",
        icon_name="globe",
        order=270,
    )


@hooks.register("construct_main_menu")
def narrow_menu_for_vendors(request, menu_items):
    if not admin_views.is_vendor_user(request.user):
        return
    vendor = admin_views.own_vendors(request.user).first()
    kept = []
    for item in menu_items:
        if item.name in HIDDEN_FOR_VENDORS:
            continue
        if item.name == "explorer" and vendor is not None:
            # Start at the maker's own page instead of the tree root it shares with every locale.
            item = MenuItem(
                item.label,
                reverse("wagtailadmin_explore", args=[vendor.pk]),
                name="explorer",
                icon_name=item.icon_name,
                order=item.order,
            )
        kept.append(item)
    menu_items[:] = kept


def _explorable(request, pages):
    return pages.filter(pk__in=PagePermissionPolicy().explorable_instances(request.user).values("pk"))


@hooks.register("construct_page_chooser_queryset")
def vendors_choose_only_their_pages(pages, request):
    if admin_views.is_vendor_user(request.user):
        return _explorable(request, pages)
    return pages


@hooks.register("construct_explorer_page_queryset")
def vendors_explore_only_their_pages(parent_page, pages, request):
    # Wagtail already limits the explorer to explorable pages; kept explicit so a later Wagtail
    # change of that default cannot show a maker its neighbours.
    if admin_views.is_vendor_user(request.user):
        return _explorable(request, pages)
    return pages


@hooks.register("construct_homepage_panels")
def add_catalog_panels(request, panels):
    if is_curator(request.user):
        panels.append(admin_views.CuratorDashboardPanel())
        return
    for vendor in admin_views.own_vendors(request.user):
        panels.append(admin_views.VendorDashboardPanel(vendor))


class OwnPagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count, for a maker: its own maker page and products, not the whole site's."""

    def __init__(self, request, vendor):
        super().__init__(request)
        self.vendor = vendor

    def get_context_data(self, parent_context):
        return {
            "root_page": self.vendor,
            "total_pages": Page.objects.descendant_of(self.vendor, inclusive=True).count(),
            "site_name": self.vendor.title,
        }


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail's, which adds the count
def count_a_makers_own_pages(request, summary_items):
    vendor = (
        admin_views.own_vendors(request.user).first() if admin_views.is_vendor_user(request.user) else None
    )
    if vendor is None:
        return
    summary_items[:] = [
        OwnPagesSummaryItem(request, vendor) if isinstance(item, PagesSummaryItem) else item
        for item in summary_items
    ]


@hooks.register("construct_admin_api", order=1)  # after Wagtail's own endpoints, which it replaces
def scope_admin_api_media(router):
    router.register_endpoint("images", admin_scope.ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", admin_scope.ScopedDocumentsAdminAPIViewSet)


@hooks.register("register_admin_viewset")  # after Wagtail's base page viewset (order -1), which it replaces
def register_scoped_page_viewset():
    return admin_scope.ScopedPageViewSet()


# A new page's slug held by the user's own abandoned draft is freed rather than refused.
hooks.register("before_create_page", publishing.free_slug_from_abandoned_draft)
