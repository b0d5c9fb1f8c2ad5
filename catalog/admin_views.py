"""Admin screens: the maker's dashboard panel, the curators' "Onboard a maker" form and readiness report."""

import csv

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState

from storefront.csvcells import safe_row

from .models import District, ProductPage, Sector, VendorPage
from .onboarding import OnboardingError, onboard_vendor, send_welcome_email, set_password_url
from .permissions import is_curator, vendors_for_user
from .readiness import readiness, readiness_report

REPORT_SORTS = {
    "score": lambda row: (row.score, row.vendor.title.lower()),
    "-score": lambda row: (-row.score, row.vendor.title.lower()),
    "name": lambda row: row.vendor.title.lower(),
    "-name": lambda row: row.vendor.title.lower(),
}


def own_vendors(user):
    """The maker pages of the default locale this (non-curator) user acts for."""
    if is_curator(user):
        return VendorPage.objects.none()
    return vendors_for_user(user).filter(locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True)


def is_vendor_user(user):
    """A maker's account (not a curator): the admin is narrowed to its own maker for it."""
    cache = "_etalase_is_vendor_user"
    if not hasattr(user, cache):
        setattr(user, cache, bool(user.is_authenticated and own_vendors(user).exists()))
    return getattr(user, cache)


def translation_status(page, locales, user):
    """The other locales lacking a real translation (an alias shows the source text), with where to fix it."""
    copies = {p.locale_id: p for p in Page.objects.filter(translation_key=page.translation_key)}
    can_submit = user.has_perm("wagtail_localize.submit_translation")
    rows = []
    for locale in locales:
        copy = copies.get(locale.pk)
        lacking = copy is None or copy.alias_of_id is not None
        if can_submit and lacking:
            link = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        elif copy is not None:
            # wagtail-localize's edit view of an alias offers to translate it.
            link = reverse("wagtailadmin_pages:edit", args=[copy.pk])
        else:
            link = ""
        if lacking:
            rows.append({"locale": locale, "link": link})
    return rows


def _dashboard_counts(user):
    """What the apps above the catalogue count for the maker (new inquiries, sample orders): each
    registers a `vendor_dashboard_counts` hook, a function of the user returning template context."""
    counts = {}
    for hook in hooks.get_hooks("vendor_dashboard_counts"):
        counts.update(hook(user))
    return counts


def _curator_comment(state):
    """The curator's comment when changes were requested, so the maker sees what to fix at a glance."""
    if state.status != WorkflowState.STATUS_NEEDS_CHANGES or state.current_task_state is None:
        return ""
    return state.current_task_state.specific.get_comment()


class VendorDashboardPanel(Component):
    """The maker's home in the admin: readiness, its pages and their translations, inbox counts, reviews."""

    name = "vendor_dashboard"
    template_name = "catalog/admin/vendor_dashboard_panel.html"
    order = 50

    def __init__(self, vendor):
        self.vendor = vendor

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        vendor = self.vendor
        products = list(ProductPage.objects.child_of(vendor).order_by("path"))
        pages = [vendor, *products]
        locales = list(Locale.objects.exclude(pk=vendor.locale_id).order_by("language_code"))
        page_ids = [
            str(pk)
            for pk in Page.objects.filter(translation_key__in=[p.translation_key for p in pages]).values_list(
                "pk", flat=True
            )
        ]
        in_review = (
            WorkflowState.objects.active()
            .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids)
            .select_related("current_task_state__task")
        )
        reviewed = {int(state.object_id): state for state in in_review}
        return {
            "request": request,
            "vendor": vendor,
            "readiness": readiness(vendor),
            "rows": [
                {
                    "page": page,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "translations": translation_status(page, locales, user),
                }
                for page in pages
            ],
            "add_product_url": reverse("wagtailadmin_pages:add", args=["catalog", "productpage", vendor.pk]),
            "awaiting_review": [
                {"page": page, "state": reviewed[page.pk], "comment": _curator_comment(reviewed[page.pk])}
                for page in Page.objects.filter(pk__in=reviewed).specific()
            ],
            **_dashboard_counts(user),
        }


class CuratorDashboardPanel(Component):
    name = "curator_tools"
    template_name = "catalog/admin/curator_dashboard_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        return {
            "onboard_url": reverse("catalog_admin:onboard"),
            "report_url": reverse("catalog_admin:readiness"),
            "translations_url": reverse("translation_dashboard:index"),
        }


class OnboardForm(forms.Form):
    brand_name = forms.CharField(label=gettext_lazy("Brand name"), max_length=100)
    email = forms.EmailField(label=gettext_lazy("Owner's e-mail address"))
    district = forms.ChoiceField(label=gettext_lazy("District (kecamatan)"), choices=District.choices)
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), choices=Sector.choices)
    send_email = forms.BooleanField(
        label=gettext_lazy("E-mail the set-password link to the owner"), required=False, initial=True
    )


def _require_curator(request):
    if not is_curator(request.user):
        raise PermissionDenied


def onboard_view(request):
    _require_curator(request)
    form = OnboardForm(request.POST or None)
    link = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = onboard_vendor(
                data["brand_name"], data["email"], data["district"], data["sector"], requested_by=request.user
            )
        except OnboardingError as error:
            form.add_error(None, str(error))
        else:
            if data["send_email"]:
                send_welcome_email(result)
                messages.success(
                    request,
                    _("%(maker)s is onboarded; the set-password link was e-mailed to %(email)s.")
                    % {"maker": result.vendor.title, "email": result.user.email},
                )
                return redirect("wagtailadmin_pages:edit", result.vendor.pk)
            link = set_password_url(result.user)
            messages.success(request, _("%(maker)s is onboarded.") % {"maker": result.vendor.title})
    return TemplateResponse(
        request,
        "catalog/admin/onboard.html",
        {"form": form, "link": link, "page_title": _("Onboard a maker"), "header_icon": "user"},
    )


def readiness_view(request):
    _require_curator(request)
    sort = request.GET.get("sort", "-score")
    if sort not in REPORT_SORTS:
        sort = "-score"
    rows = sorted(readiness_report(), key=REPORT_SORTS[sort], reverse=sort == "-name")
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="export-readiness.csv"'
        writer = csv.writer(response)
        keys = [item.key for item in rows[0].items] if rows else []
        writer.writerow(safe_row(["maker", "district", "sector", "score", *keys]))
        for row in rows:
            writer.writerow(
                safe_row(
                    [
                        row.vendor.title,
                        row.vendor.district,
                        row.vendor.sector,
                        row.score,
                        *["yes" if item.done else "no" for item in row.items],
                    ]
                )
            )
        return response
    return TemplateResponse(
        request,
        "catalog/admin/readiness_report.html",
        {
            "rows": rows,
            "sort": sort,
            "labels": [item.label for item in rows[0].items] if rows else [],
            "page_title": _("Export readiness"),
            "header_icon": "tasks",
        },
    )
