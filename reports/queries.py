"""The reports' figures, each from one aggregate query (values/annotate/Count), filtered alike.

Reports sit above the catalogue, inquiries and orders and read their models; nothing imports them.
Spam inquiries are never counted. A sample order counts once it is placed: an unpaid card checkout
that was abandoned or expired (pending payment, expired unpaid) is not an order the trade office
wants to see. Sector and district are the maker's; an order counts under each maker it holds
samples of, and under a sector or district filter only its lines of makers there count.
"""

import statistics
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

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
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Revision

from catalog.certificates import CertificateKind
from catalog.fields import from_minor_units
from catalog.models import (
    Category,
    District,
    ProductCertification,
    ProductPage,
    Sector,
    VendorCertification,
    VendorPage,
    VendorTrademark,
)
from inquiries.models import Inquiry, InquiryReply, InquiryStatus
from orders.models import OrderLine, OrderStatus, SampleOrder
from storefront.countries import country_name

TOP = 10
UNANSWERED_AFTER = timedelta(hours=48)
UNANSWERED_LISTED = 100  # the oldest ones; the makers' table counts them all
NOT_PLACED = [OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED]
# Answered: replied, or moved on from there (quoted, won, lost), or closed.
HANDLED = [
    InquiryStatus.REPLIED,
    InquiryStatus.QUOTED,
    InquiryStatus.WON,
    InquiryStatus.LOST,
    InquiryStatus.CLOSED,
]


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


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


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
        """Rows from the start of `date_from` to the end of `date_to`, in the site's time zone; compared
        as moments, not as `__date`, so an index on the field serves the range."""
        if self.date_from:
            queryset = queryset.filter(**{f"{field_name}__gte": _day_start(self.date_from)})
        if self.date_to:
            queryset = queryset.filter(**{f"{field_name}__lt": _day_start(self.date_to + timedelta(days=1))})
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
    """(maker key, time to the maker's first reply) of every inquiry answered from the inbox.

    The reply is an `InquiryReply` (the Reply form e-mails it to the buyer); a status changed by hand
    is no reply and has no reply time. One grouped query over the replies (not one lookup per inquiry).
    """
    # The wait is computed in SQL: one interval a row loads far faster than two timestamps.
    wait = ExpressionWrapper(Min("sent_at") - F("inquiry__created_at"), output_field=DurationField())
    return (
        InquiryReply.objects.filter(inquiry__in=inquiries.values("pk"))
        .values("inquiry_id", "inquiry__vendor_translation_key", "inquiry__created_at")
        .annotate(wait=wait)
        .order_by()
        .values_list("inquiry__vendor_translation_key", "wait")
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
        .values_list("reference", "vendor_name", "product_name", "country", "created_at")[:UNANSWERED_LISTED]
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
                "An inquiry counts as answered once its status is “Replied” or a later one (quoted, "
                "won, lost) or “Closed”. The reply time is the time from the inquiry to the maker's "
                "first reply sent from the inbox; an inquiry closed without a reply has none."
            ),
        ),
        Section(
            "unanswered",
            _("Inquiries unanswered for more than 48 hours"),
            _("Reference"),
            [_("Maker"), _("Product"), _("Country"), _("Received"), _("Hours waiting")],
            waiting,
            [],
            note=_("The 100 that have waited longest; the table above counts them all, by maker."),
        ),
    ]


# An inquiry that reached a quote: quoted, or its outcome recorded after one.
QUOTED_OR_LATER = [InquiryStatus.QUOTED, InquiryStatus.WON, InquiryStatus.LOST]
PAID = [OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED]
SHIPPED = [OrderStatus.SHIPPED, OrderStatus.DELIVERED]


def _month(value):
    return f"{value:%Y-%m}"


def outcomes_report(filters):
    inquiries = filtered_inquiries(filters)
    lines = filtered_order_lines(filters)

    deals = (
        inquiries.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(
            total=Count("id"),
            quoted=Count("id", filter=Q(status__in=QUOTED_OR_LATER)),
            won=Count("id", filter=Q(status=InquiryStatus.WON)),
        )
        .order_by("month")
    )
    deal_rows = [
        (
            _month(row["month"]),
            [row["total"], row["quoted"], row["won"], round(100 * row["won"] / row["total"], 1)],
        )
        for row in deals
    ]

    orders = (
        lines.annotate(month=TruncMonth("order__created_at"))
        .values("month")
        .annotate(
            placed=Count("order_id", distinct=True),
            paid=Count("order_id", distinct=True, filter=Q(order__status__in=PAID)),
            shipped=Count("order_id", distinct=True, filter=Q(order__status__in=SHIPPED)),
        )
        .order_by("month")
    )
    order_rows = [(_month(row["month"]), [row["placed"], row["paid"], row["shipped"]]) for row in orders]

    values = (
        lines.filter(order__status__in=PAID)
        .annotate(month=TruncMonth("order__created_at"))
        .values("month", "currency")
        .annotate(value=Sum("line_total"))
        .order_by()
    )
    by_month = {}
    for row in values:
        by_month.setdefault(_month(row["month"]), {})[row["currency"]] = row["value"]
    currencies = sorted({currency for amounts in by_month.values() for currency in amounts})
    value_rows = [
        (month, [from_minor_units(by_month[month].get(currency, 0)) for currency in currencies])
        for month in sorted(by_month)
    ]

    return [
        Section(
            "inquiry_outcomes",
            _("Inquiries, quotes and deals won per month"),
            _("Month"),
            [_("Inquiries"), _("Quoted"), _("Won"), _("Won (%)")],
            deal_rows,
            [0, 1, 2],
            units={3: "%"},
            note=_(
                "By the month the inquiry came in and its status now: “Quoted” counts the inquiries "
                "quoted, won or lost after a quote; “Won” those marked won."
            ),
        ),
        Section(
            "order_outcomes",
            _("Sample orders placed, paid and shipped per month"),
            _("Month"),
            [_("Placed"), _("Paid"), _("Shipped")],
            order_rows,
            [0, 1, 2],
            note=_(
                "By the month the order was placed and its status now: paid counts the orders paid, "
                "shipped or delivered; shipped those shipped or delivered. Refunded and cancelled "
                "orders are placed, not paid."
            ),
        ),
        Section(
            "order_value",
            _("Value of the paid sample orders per month"),
            _("Month"),
            currencies,
            value_rows,
            list(range(len(currencies))),
            note=_("The samples' prices of the paid orders, by currency, without shipping."),
        ),
    ]


# The documents the readiness report looks for, in the order of CertificateKind. NIB is also the
# maker's own field, a trademark also a registered mark listed on its page.
DOCUMENTS = [
    CertificateKind.NIB,
    CertificateKind.PIRT,
    CertificateKind.BPOM,
    CertificateKind.HALAL,
    CertificateKind.SNI,
    CertificateKind.DJKI,
]


def _document_holders(today):
    """{kind: set of makers' translation keys} holding an unexpired certificate of that kind, on the
    maker's page or on any of its products'."""
    valid = Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    holders = {kind: set() for kind in DOCUMENTS}
    sources = [
        VendorCertification.objects.filter(valid).values_list(
            "vendor__translation_key", "certification_type__kind"
        ),
        ProductCertification.objects.filter(valid).values_list(
            "product__vendor__translation_key", "certification_type__kind"
        ),
    ]
    for source in sources:
        for key, kind in source.filter(certification_type__kind__in=DOCUMENTS).order_by().distinct():
            holders[kind].add(key)
    holders[CertificateKind.NIB].update(
        VendorPage.objects.exclude(nib="").order_by().values_list("translation_key", flat=True).distinct()
    )
    holders[CertificateKind.DJKI].update(
        VendorTrademark.objects.order_by().values_list("vendor__translation_key", flat=True).distinct()
    )
    return holders


def onboarded_makers(filters):
    """The makers (their default-language pages) the filters select, each with the date of its first
    revision: the day it was onboarded (`catalog.onboarding` saves one as it creates the page)."""
    first_revision = (
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    makers = VendorPage.objects.filter(locale=Locale.get_default())
    if filters.sector:
        makers = makers.filter(sector=filters.sector)
    if filters.district:
        makers = makers.filter(district=filters.district)
    makers = makers.annotate(onboarded=Coalesce(Subquery(first_revision), F("first_published_at")))
    return filters.dated(makers, "onboarded").order_by()


def readiness_report(filters):
    makers = list(onboarded_makers(filters).values_list("translation_key", "live", "onboarded"))
    asked = set(
        Inquiry.objects.exclude(status=InquiryStatus.SPAM)
        .filter(vendor_translation_key__isnull=False)
        .order_by()
        .values_list("vendor_translation_key", flat=True)
        .distinct()
    )
    ordered = set(
        OrderLine.objects.exclude(order__status__in=NOT_PLACED)
        .filter(vendor_translation_key__isnull=False)
        .order_by()
        .values_list("vendor_translation_key", flat=True)
        .distinct()
    )

    def stages(rows):
        return [
            len(rows),
            sum(1 for _key, live, _date in rows if live),
            sum(1 for key, _live, _date in rows if key in asked),
            sum(1 for key, _live, _date in rows if key in ordered),
        ]

    total = stages(makers)
    stage_names = [_("Onboarded"), _("Listed live"), _("First inquiry"), _("First sample order")]
    funnel = [
        (name, [count, round(100 * count / total[0], 1) if total[0] else None])
        for name, count in zip(stage_names, total, strict=True)
    ]

    cohorts = {}
    for row in makers:
        month = _month(timezone.localtime(row[2])) if row[2] else str(_unknown())
        cohorts.setdefault(month, []).append(row)
    cohort_rows = [(month, stages(cohorts[month])) for month in sorted(cohorts)]

    holders = _document_holders(timezone.localdate())
    keys = {key for key, _live, _date in makers}
    labels = dict(CertificateKind.choices)
    documents = []
    for kind in DOCUMENTS:
        held = len(keys & holders[kind])
        documents.append(
            (
                labels[kind],
                [held, round(100 * held / len(keys), 1) if keys else None, len(keys) - held],
            )
        )
    documents.sort(key=lambda row: (-row[1][2], str(row[0])))

    return [
        Section(
            "funnel",
            _("From onboarding to the first sample order"),
            _("Stage"),
            [_("Makers"), _("Share of the makers onboarded (%)")],
            funnel,
            [0],
            units={1: "%"},
            note=_(
                "The makers onboarded in the period (the day their page was created) and how many of "
                "them are listed live now, have had an inquiry (spam aside) and a sample order placed "
                "with them, at any time."
            ),
        ),
        Section(
            "cohorts",
            _("Makers by month onboarded"),
            _("Month"),
            stage_names,
            cohort_rows,
            [0, 1, 2, 3],
        ),
        Section(
            "documents",
            _("Certification coverage, the most often missing first"),
            _("Document"),
            [_("Makers holding it"), _("Coverage (%)"), _("Makers missing it")],
            documents,
            [1, 2],
            units={1: "%"},
            maxima={1: 100},
            note=_(
                "A maker holds a document when its page or one of its products lists an unexpired "
                "certificate of that kind; the NIB also counts from the maker's NIB field, the "
                "trademark from a registered mark on its page."
            ),
        ),
    ]


REPORTS = {
    "demand": (_("Demand"), demand_report),
    "response": (_("Response"), response_report),
    "outcomes": (_("Outcomes"), outcomes_report),
    "readiness": (_("Readiness"), readiness_report),
}
