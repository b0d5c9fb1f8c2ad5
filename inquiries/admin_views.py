"""The admin inbox: a ModelViewSet whose every view only reaches the inquiries of the user's makers."""

import django_filters

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from catalog.models import VendorPage
from home.countries import country_name
from storefront.csvcells import SafeSpreadsheetExportMixin

from .forms import InquiryStatusForm
from .models import Inquiry, InquiryStatus
from .permissions import inquiry_vendor_keys, scoped_inquiries


class InquiryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=InquiryStatus.choices)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=[])
    vendor = django_filters.ChoiceFilter(label=_("Maker"), field_name="vendor_translation_key", choices=[])
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)

    class Meta:
        model = Inquiry
        fields = ["status", "country", "vendor", "created_at"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        # Choices come from what this user may see, so a maker never learns other makers' names.
        visible = scoped_inquiries(request.user) if request else Inquiry.objects.none()
        countries = visible.order_by().values_list("country", flat=True).distinct()
        self.filters["country"].extra["choices"] = sorted(
            ((code, country_name(code)) for code in countries), key=lambda pair: str(pair[1])
        )
        keys = inquiry_vendor_keys(request.user) if request else set()
        makers = VendorPage.objects.filter(locale=Locale.get_default())
        if keys is not None:
            makers = makers.filter(translation_key__in=list(keys))
        self.filters["vendor"].extra["choices"] = [
            (str(key), title)
            for key, title in makers.order_by("title").values_list("translation_key", "title")
        ]


class InquiryIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return scoped_inquiries(self.request.user, super().get_base_queryset())

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # The reference opens the full inquiry; changing its status is one of the row's actions.
        column_class = self._get_title_column_class(column_class)
        return self._get_custom_column(field_name, column_class, get_url=self.get_inspect_url, **kwargs)


class InquiryInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(scoped_inquiries(self.request.user), pk=self.pk)

    def get_country_display_value(self):
        return f"{self.object.get_country_display()} ({self.object.country})"

    def get_vendor_display_value(self):
        return self.object.vendor_name

    def get_product_display_value(self):
        return self.object.product_name


class InquiryEditView(generic.EditView):
    def get_queryset(self):
        return scoped_inquiries(self.request.user)


class InquiryDeleteView(generic.DeleteView):
    def get_queryset(self):
        return scoped_inquiries(self.request.user)


class InquiryHistoryView(history.HistoryView):
    def get_base_object_queryset(self):
        return scoped_inquiries(self.request.user)


class InquiryUsageView(usage.UsageView):
    def get_base_object_queryset(self):
        return scoped_inquiries(self.request.user)


class InquiryViewSet(ModelViewSet):
    model = Inquiry
    name = "inquiry_admin"
    url_prefix = "inquiries"
    icon = "mail"
    menu_label = _("Inquiries")
    menu_order = 250
    add_to_admin_menu = True

    index_view_class = InquiryIndexView
    inspect_view_class = InquiryInspectView
    edit_view_class = InquiryEditView
    delete_view_class = InquiryDeleteView
    history_view_class = InquiryHistoryView
    usage_view_class = InquiryUsageView

    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields_exclude = ["id", "ip_hash", "vendor_translation_key"]
    form_fields = ["status"]

    list_display = [
        "reference",
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
        Column("vendor_name", label=_("Maker")),
        Column("product_name", label=_("Product")),
        Column("country", label=_("Country"), sort_key="country"),
        Column("quantity", label=_("Quantity"), sort_key="quantity"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        BooleanColumn("is_notified", label=_("Notified")),
    ]
    filterset_class = InquiryFilterSet
    search_fields = ["reference", "name", "company", "email", "product_name", "vendor_name", "message"]
    search_backend_name = None  # plain database lookups: the inbox is not in the search index
    ordering = ["-created_at", "-id"]
    list_per_page = 50
    list_export = [
        "reference",
        "created_at",
        "status",
        "vendor_name",
        "product_name",
        "name",
        "company",
        "email",
        "phone",
        "country",
        "quantity",
        "unit",
        "target_price_amount",
        "incoterm",
        "destination",
        "message",
        "language_code",
        "notified_at",
    ]
    export_headings = {
        "target_price_amount": _("Target unit price (USD)"),
        "language_code": _("Language"),
    }
    export_filename = "inquiries"

    def get_form_class(self, for_update=False):
        return InquiryStatusForm
