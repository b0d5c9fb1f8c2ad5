"""The admin inbox: a ModelViewSet whose every view only reaches the inquiries of the user's makers."""

from urllib.parse import quote

import django_filters

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from catalog.models import VendorPage
from catalog.permissions import is_curator
from storefront.countries import country_name
from storefront.csvcells import SafeSpreadsheetExportMixin
from storefront.localtimes import local_datetime

from .forms import InquiryStatusForm
from .models import Inquiry, InquiryStatus
from .notifications import reply_subject
from .permissions import inquiry_vendor_keys, scoped_inquiries
from .replies import record_reply

# Columns a phone's width hides (static/css/admin-listings.css): the reference, the time and the
# status stay.
MINOR_COLUMN = "listing-minor"


class InquiryReplyForm(forms.Form):
    """The maker's answer, e-mailed to the buyer as written."""

    body = forms.CharField(
        label=_("Your reply"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Sent by e-mail to the buyer as you write it. Write in a language the buyer reads: "
            "the inquiry shows which."
        ),
    )


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
    """The inquiry as a conversation: the buyer's request laid out for a reply, the replies sent,
    the Reply form. The notification e-mails' delivery is shown to curators only."""

    reply_form = None

    def get_object(self, queryset=None):
        return get_object_or_404(scoped_inquiries(self.request.user), pk=self.pk)

    def get_page_title(self):
        return self.object.reference

    def get_page_subtitle(self):
        return self.object.product_name or self.object.vendor_name

    def get_fields(self):
        return []  # the template lays the inquiry out itself

    def mailto_url(self):
        inquiry = self.object
        with translation.override(inquiry.language_code or None):
            subject = reply_subject(inquiry)
        return f"mailto:{quote(inquiry.email, safe='@')}?subject={quote(subject)}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inquiry = self.object
        curator = is_curator(self.request.user)
        replies = list(inquiry.replies.select_related("author"))
        for reply in replies:
            reply.sent_display = local_datetime(reply.sent_at)
        context.update(
            {
                "inquiry": inquiry,
                "replies": replies,
                "reply_form": self.reply_form or InquiryReplyForm(),
                "reply_url": reverse("inquiry_admin:reply", args=[inquiry.pk]),
                "mailto_url": self.mailto_url(),
                "received_display": local_datetime(inquiry.created_at),
                "status_form": InquiryStatusForm(instance=inquiry),
                "can_change_status": len(inquiry.allowed_statuses()) > 1,
                "is_curator": curator,
                "notified_display": local_datetime(inquiry.notified_at),
            }
        )
        return context


class InquiryReplyView(InquiryInspectView):
    """POST a reply: recorded, e-mailed to the buyer after the commit, the inquiry marked replied."""

    any_permission_required = ["change"]
    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        return redirect("inquiry_admin:inspect", self.object.pk)

    def post(self, request, *args, **kwargs):
        form = InquiryReplyForm(request.POST)
        if not form.is_valid():
            self.reply_form = form
            return self.render_to_response(self.get_context_data(), status=400)
        record_reply(self.object, request.user, form.cleaned_data["body"])
        messages.success(
            request,
            gettext("Your reply was sent to %(email)s.") % {"email": self.object.email},
        )
        return redirect(reverse("inquiry_admin:inspect", args=[self.object.pk]) + "#replies")


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
    inspect_template_name = "inquiries/admin/inspect.html"
    copy_view_enabled = False
    form_fields = ["status"]

    list_display = [
        "reference",
        Column(
            "created_at",
            label=_("Received"),
            sort_key="created_at",
            accessor=lambda inquiry: local_datetime(inquiry.created_at),
        ),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("product_name", label=_("Product"), classname=MINOR_COLUMN),
        Column("vendor_name", label=_("Maker"), classname=MINOR_COLUMN),
        Column("country", label=_("Country"), sort_key="country", classname=MINOR_COLUMN),
        Column("quantity", label=_("Quantity"), sort_key="quantity", classname=MINOR_COLUMN),
        BooleanColumn("is_notified", label=_("Notified"), classname=MINOR_COLUMN),
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

    @property
    def reply_view(self):
        return self.construct_view(InquiryReplyView, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"reply/<{self.pk_path_converter}:pk>/", self.reply_view, name="reply"),
        ]
