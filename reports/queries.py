"""The reports' figures, each from one aggregate query (values/annotate/Count), filtered alike.

Reports sit above the catalogue, inquiries and orders and read their models; nothing imports them.
Spam inquiries are never counted. A sample order counts once it is placed: an unpaid card checkout
that was abandoned or expired (pending payment, expired unpaid) is not an order the trade office
wants to see. Sector and district are the maker's; an order counts under each maker it holds
samples of, and under a sector or district filter only its lines of makers there count.
"""

import statistics
from dataclasses import dataclass, field
from datetime import timedelta

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    CharField,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, ModelLogEntry

from catalog.models import Category, District, ProductPage, Sector, VendorPage
from inquiries.models import Inquiry, InquiryStatus
from orders.models import OrderLine, OrderStatus, SampleOrder
from storefront.countries import country_name

TOP = 10
UNANSWERED_AFTER = timedelta(hours=48)
NOT_PLACED = [OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED]
HANDLED = [InquiryStatus.REPLIED, InquiryStatus.CLOSED]
# An inquiry has no reply timestamp: its first status change in the admin (Wagtail's "wagtail.edit"
# history entry, written when a maker or curator saves the status form) stands for the reply.
STATUS_CHANGE_ACTION = "wagtail.edit"


class ReportFilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("All sectors")), *Sector.choices]
    )
    district = forms.ChoiceField(
        label=_("District"), required=False, choices=[("", _("All districts")), *District.choices]
    )

    def filters(self):
        """The valid filters as `Filters`; a field with a wrong value is left out (the form shows why)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return Filters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sector=data.get("sector") or "",
            district=data.get("district") or "",
        )


@dataclass(frozen=True)
class Filters:
    date_from: object = None
    date_to: object = None
    sector: str = ""
    district: str = ""

    def maker_keys(self):
        """The makers' translation keys under the sector and district filters (a subquery), or None."""
        if not (self.sector or self.district):
            return None
        makers = VendorPage.objects.all()
        if self.sector:
            makers = makers.filter(sector=self.sector)
        if self.district:
            makers = makers.filter(district=self.district)
        return makers.values("translation_key")

    def dated(self, queryset, field_name="created_at"):
        if self.date_from:
            queryset = queryset.filter(**{f"{field_name}__date__gte": self.date_from})
        if self.date_to:
            queryset = queryset.filter(**{f"{field_name}__date__lte": self.date_to})
        return queryset


@dataclass
class Section:
    """One table of a report: a row per label, a column per figure; `charts` are the columns drawn."""

    key: str
    title: str
    label_heading: str
    columns: list
    rows: list  # (label, [figure, ...])
    charts: list = field(default_factory=lambda: [0])
    units: dict = field(default_factory=dict)  # column index -> unit shown after the figure ("%")
    maxima: dict = field(default_factory=dict)  # column index -> the chart's full scale (100 for %)
    note: str = ""


def filtered_inquiries(filters):
    inquiries = filters.dated(Inquiry.objects.exclude(status=InquiryStatus.SPAM))
    keys = filters.maker_keys()
    if keys is not None:
        inquiries = inquiries.filter(vendor_translation_key__in=keys)
    return inquiries.order_by()


def filtered_order_lines(filters):
    lines = OrderLine.objects.exclude(order__status__in=NOT_PLACED)
    lines = filters.dated(lines, "order__created_at")
    keys = filters.maker_keys()
    if keys is not None:
        lines = lines.filter(vendor_translation_key__in=keys)
    return lines.order_by()


def filtered_orders(filters):
    return SampleOrder.objects.filter(pk__in=filtered_order_lines(filters).values("order_id")).order_by()


def _counts(queryset, key, count="id", distinct=False):
    rows = queryset.values(key).annotate(n=Count(count, distinct=distinct)).values_list(key, "n")
    return dict(rows)


def _merged(first, second):
    """{key: [first count, second count]} over both dicts' keys."""
    return {key: [first.get(key, 0), second.get(key, 0)] for key in {*first, *second}}


def _ranked(merged, label):
    """Rows sorted by the figures, largest first, then by label."""
    rows = [(label(key), values) for key, values in merged.items()]
    return sorted(rows, key=lambda row: (-sum(row[1]), str(row[0])))


def _unknown():
    return str(_("(not known)"))


def _default_titles(model, keys):
    """Titles (names) in the default language by translation key: one query."""
    keys = [key for key in keys if key is not None]
    name_field = "name" if model is Category else "title"
    # The default locale's name first, then any other locale's for a key without one.
    default_first = Case(When(locale=Locale.get_default(), then=Value(0)), default=Value(1))
    found = model.objects.filter(translation_key__in=keys).order_by(default_first)
    titles = {}
    for key, name in found.values_list("translation_key", name_field):
        titles.setdefault(key, name)
    return titles


def _choice_label(choices):
    labels = dict(choices)
    return lambda value: str(labels.get(value, value or _unknown()))


def demand_report(filters):
    inquiries = filtered_inquiries(filters)
    orders = filtered_orders(filters)
    lines = filtered_order_lines(filters)
    both = [_("Inquiries"), _("Sample orders")]

    by_month = _merged(
        _counts(inquiries.annotate(month=TruncMonth("created_at")), "month"),
        _counts(orders.annotate(month=TruncMonth("created_at")), "month"),
    )
    months = [(f"{month:%Y-%m}", by_month[month]) for month in sorted(by_month)]

    by_country = _merged(_counts(inquiries, "country"), _counts(orders, "country"))
    by_sector = _merged(
        _counts(inquiries, "vendor__sector"), _counts(lines, "vendor__sector", "order_id", distinct=True)
    )
    by_district = _merged(
        _counts(inquiries, "vendor__district"), _counts(lines, "vendor__district", "order_id", distinct=True)
    )
    category_key = "product__category__translation_key"
    by_category = _merged(
        _counts(inquiries, category_key), _counts(lines, category_key, "order_id", distinct=True)
    )
    category_names = _default_titles(Category, by_category)

    products = list(
        inquiries.values("product__translation_key")
        .annotate(n=Count("id"), name=Min("product_name"))
        .order_by("-n", "name")[:TOP]
    )
    product_titles = _default_titles(ProductPage, [row["product__translation_key"] for row in products])
    makers = list(
        inquiries.values("vendor_translation_key")
        .annotate(n=Count("id"), name=Min("vendor_name"))
        .order_by("-n", "name")[:TOP]
    )
    maker_titles = _default_titles(VendorPage, [row["vendor_translation_key"] for row in makers])

    return [
        Section("months", _("Inquiries and sample orders per month"), _("Month"), both, months, [0, 1]),
        Section(
            "countries",
            _("By buyer country"),
            _("Country"),
            both,
            _ranked(by_country, country_name),
            [0, 1],
        ),
        Section(
            "sectors",
            _("By sector"),
            _("Sector"),
            both,
            _ranked(by_sector, _choice_label(Sector.choices)),
            [0, 1],
        ),
        Section(
            "districts",
            _("By district"),
            _("District"),
            both,
            _ranked(by_district, _choice_label(District.choices)),
            [0, 1],
        ),
        Section(
            "categories",
            _("By category"),
            _("Category"),
            both,
            _ranked(by_category, lambda key: category_names.get(key) or _unknown()),
            [0, 1],
        ),
        Section(
            "products",
            _("The 10 products most asked about"),
            _("Product"),
            [_("Inquiries")],
            [
                (product_titles.get(row["product__translation_key"]) or row["name"] or _unknown(), [row["n"]])
                for row in products
            ],
        ),
        Section(
            "makers",
            _("The 10 makers most asked about"),
            _("Maker"),
            [_("Inquiries")],
            [
                (maker_titles.get(row["vendor_translation_key"]) or row["name"] or _unknown(), [row["n"]])
                for row in makers
            ],
        ),
    ]


def reply_waits(inquiries):
    """(maker key, time to the first status change) of every handled inquiry the admin history dates."""
    first_change = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Inquiry),
            action=STATUS_CHANGE_ACTION,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .order_by("timestamp")
        .values("timestamp")[:1]
    )
    return (
        inquiries.filter(status__in=HANDLED)
        .annotate(first_change=Subquery(first_change))
        .filter(first_change__isnull=False)
        .annotate(wait=ExpressionWrapper(F("first_change") - F("created_at"), output_field=DurationField()))
        .values_list("vendor_translation_key", "wait")
    )


def response_report(filters, now=None):
    now = now or timezone.now()
    inquiries = filtered_inquiries(filters)
    overdue = Q(status=InquiryStatus.NEW, created_at__lte=now - UNANSWERED_AFTER)
    per_maker = list(
        inquiries.values("vendor_translation_key")
        .annotate(
            total=Count("id"),
            handled=Count("id", filter=Q(status__in=HANDLED)),
            overdue=Count("id", filter=overdue),
            name=Min("vendor_name"),
        )
        .order_by("name")
    )
    # A median is no portable SQL aggregate: it is taken here from the waits the query computed.
    waits = {}
    for key, wait in reply_waits(inquiries):
        waits.setdefault(key, []).append(wait.total_seconds() / 3600)
    titles = _default_titles(VendorPage, [row["vendor_translation_key"] for row in per_maker])

    rows = []
    for row in per_maker:
        key = row["vendor_translation_key"]
        median = statistics.median(waits[key]) if waits.get(key) else None
        rows.append(
            (
                titles.get(key) or row["name"] or _unknown(),
                [
                    row["total"],
                    row["handled"],
                    round(100 * row["handled"] / row["total"], 1),
                    round(median, 1) if median is not None else None,
                    row["overdue"],
                ],
            )
        )
    rows.sort(key=lambda row: (-row[1][2], str(row[0])))

    unanswered = list(
        inquiries.filter(overdue)
        .order_by("created_at", "id")
        .values_list("reference", "vendor_name", "product_name", "country", "created_at")
    )
    waiting = [
        (
            reference,
            [
                maker,
                product,
                country_name(country),
                timezone.localtime(created_at).strftime("%Y-%m-%d %H:%M"),
                int((now - created_at).total_seconds() // 3600),
            ],
        )
        for reference, maker, product, country, created_at in unanswered
    ]
    return [
        Section(
            "makers",
            _("Replies by maker"),
            _("Maker"),
            [
                _("Inquiries"),
                _("Replied or closed"),
                _("Reply rate (%)"),
                _("Median reply time (hours)"),
                _("Unanswered for more than 48 hours"),
            ],
            rows,
            [2, 3, 4],
            units={2: "%"},
            maxima={2: 100},
            note=_(
                "An inquiry counts as answered once its status is “Replied” or “Closed”. Inquiries "
                "have no reply time of their own yet: the reply time is the time from the inquiry to "
                "its first status change saved in the admin (its history), for the answered "
                "inquiries that have one."
            ),
        ),
        Section(
            "unanswered",
            _("Inquiries unanswered for more than 48 hours"),
            _("Reference"),
            [_("Maker"), _("Product"), _("Country"), _("Received"), _("Hours waiting")],
            waiting,
            [],
        ),
    ]


REPORTS = {
    "demand": (_("Demand"), demand_report),
    "response": (_("Response"), response_report),
}
