"""Admin views for sample orders, scoped so a maker only ever sees orders (and lines) with its samples."""

from datetime import datetime

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView

from catalog.fields import from_minor_units, money
from catalog.permissions import is_curator
from storefront.csvcells import SafeSpreadsheetExportMixin
from storefront.localtimes import EMPTY, local_datetime

from .models import OrderStatus, SampleOrder, admin_transitions
from .permissions import orders_for_user, orders_movable_by, visible_lines
from .services import CONTACT_FIELDS, owe_status_mail


class OrderStatusForm(WagtailAdminModelForm):
    """Only the status can be changed, and only along the moves this person may make; shipping
    takes the carrier and the tracking number, which the buyer is sent."""

    class Meta:
        model = SampleOrder
        fields = ["status", "carrier", "tracking_number"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        current = self.instance.status
        allowed = admin_transitions(current, is_curator(for_user)) if for_user else []
        labels = dict(OrderStatus.choices)
        self.fields["status"] = forms.ChoiceField(
            label=_("Status"),
            choices=[(current, labels[current]), *[(status, labels[status]) for status in allowed]],
        )
        for name in ("carrier", "tracking_number"):
            self.fields[name].help_text = _("Needed when the samples are shipped.")
        self.previous_status = current

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == OrderStatus.SHIPPED:
            for name in ("carrier", "tracking_number"):
                if not (cleaned.get(name) or "").strip():
                    self.add_error(name, _("Give the carrier and the tracking number of the shipment."))
        else:
            # Only shipping sets them: another move leaves them as they were.
            for name in ("carrier", "tracking_number"):
                cleaned[name] = getattr(self.instance, name)
        return cleaned

    def save(self, commit=True):
        order = super().save(commit=False)
        changed = order.status != self.previous_status
        became_paid = changed and order.status == OrderStatus.PAID
        if became_paid:
            order.paid_at = timezone.now()
        if commit:
            order.save()
            if became_paid:
                # An invoice paid by bank transfer: send the same e-mails as a card payment.
                from .services import _enqueue_paid_notifications

                transaction.on_commit(lambda: _enqueue_paid_notifications(order.pk))
            elif changed:
                owe_status_mail(order.pk, order.status)
        return order


def _total_display(order):
    return money(getattr(order, "visible_total", order.total), order.currency)


class SampleOrderIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return orders_for_user(self.request.user, super().get_base_queryset())

    # Spreadsheets get amounts in major units (12.50), like the admin forms.
    custom_field_preprocess = {
        "visible_total": {
            IndexView.FORMAT_CSV: lambda value: str(from_minor_units(value)),
            IndexView.FORMAT_XLSX: lambda value: float(from_minor_units(value)),
        }
    }


class SampleOrderInspectView(InspectView):
    template_name = "orders/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(orders_for_user(self.request.user), pk=self.pk)

    def get_fields(self):
        fields = [
            "reference",
            "status",
            "carrier",
            "tracking_number",
            "created_at",
            "paid_at",
            *CONTACT_FIELDS,
        ]
        if is_curator(self.request.user):
            fields += ["language", "stripe_session_id", "payment_flagged", "flag_reason", "paid_notified_at"]
        return fields

    def get_field_display_value(self, field_name, field):
        # Times in Jakarta time with the zone named; nothing (not "None") where there is no value.
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime):
            return local_datetime(value)
        if value is None or value == "":
            return EMPTY
        return value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        curator = is_curator(self.request.user)
        movable = orders_movable_by(self.request.user).filter(pk=self.object.pk).exists()
        lines = list(visible_lines(self.request.user, self.object))
        context.update(
            {
                "lines": lines,
                "is_curator": curator,
                "own_total": sum(line.line_total for line in lines),
                "status_form": OrderStatusForm(instance=self.object, for_user=self.request.user),
                "can_change_status": bool(admin_transitions(self.object.status, curator)) and movable,
                "moved_by_curators": not movable,
                # E-mails of an invoice order or a status change that the mail server refused.
                "unsent_mails": list(self.object.mails.filter(sent_at__isnull=True, attempts__gt=0))
                if curator
                else [],
            }
        )
        return context


class SampleOrderStatusView(EditView):
    # A maker changes only orders holding its samples alone: others are not found.
    def get_queryset(self):
        return orders_movable_by(self.request.user)

    def post(self, request, *args, **kwargs):
        # One transaction from the check below to the save, holding the order's row lock.
        with transaction.atomic():
            return super().post(request, *args, **kwargs)

    def is_valid(self, form):
        # The status read again under a row lock: when someone moved the order after this request
        # read it, their move stands and this one is refused, so no move skips the pipeline and
        # the buyer is never told of a status the order did not reach.
        valid = super().is_valid(form)
        status_now = (
            SampleOrder.objects.select_for_update()
            .filter(pk=self.object.pk)
            .values_list("status", flat=True)
            .first()
        )
        if valid and status_now != form.previous_status:
            form.add_error(
                "status",
                _("Someone changed the status of this order meanwhile. Open the order again to see it."),
            )
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            valid = False
        return valid


class SampleOrderHistoryView(HistoryView):
    # A maker opens the history only of orders with its samples: others are not found.
    def get_base_object_queryset(self):
        return orders_for_user(self.request.user)


class SampleOrderUsageView(UsageView):
    def get_base_object_queryset(self):
        return orders_for_user(self.request.user)


# Columns a phone's width hides (static/css/admin-listings.css): the reference, the time and the
# status stay.
MINOR_COLUMN = "listing-minor"

ORDER_COLUMNS = [
    # The reference opens the order.
    TitleColumn(
        "reference",
        label=_("Reference"),
        get_url=lambda order: reverse("sample_orders:inspect", args=[order.pk]),
    ),
    Column("created_at", label=_("Created"), accessor=lambda order: local_datetime(order.created_at)),
    Column("status", label=_("Status"), accessor="get_status_display"),
    Column("buyer", label=_("Buyer"), classname=MINOR_COLUMN),
    Column("country", label=_("Country"), classname=MINOR_COLUMN),
    Column("visible_total", label=_("Total"), accessor=_total_display, classname=MINOR_COLUMN),
    BooleanColumn("payment_flagged", label=_("Flagged"), classname=MINOR_COLUMN),
]
