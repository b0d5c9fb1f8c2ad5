"""The trade office's reports: figures on a data set whose answers the test counts itself.

Three makers in two districts and three sectors, 22 inquiries over four months and five countries
(two of them spam), six sample orders (two never placed) and the makers' replies from the inbox
(with status changes in the admin history that are not replies and must not count). Each
expected figure is counted here from the lists below, not with the report's queries.
"""

import csv
import io
import statistics
from collections import Counter
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Page, Revision

from catalog.models import (
    District,
    ProductCertification,
    Sector,
    VendorCertification,
    VendorPage,
    VendorTrademark,
)
from catalog.onboarding import onboard_vendor
from catalog.review import ensure_review_setup
from inquiries.models import Inquiry, InquiryReply
from orders.models import OrderLine, SampleOrder
from reports.models import MonthlyReport
from reports.permissions import TRADE_OFFICE_GROUP
from reports.queries import REPORTS, Filters
from reports.setup import ensure_trade_office_group
from storefront.countries import country_name
from tests import factories

pytestmark = pytest.mark.django_db

JAKARTA = ZoneInfo("Asia/Jakarta")
URLS = ["reports:demand", "reports:response", "reports:outcomes", "reports:readiness"]

# (key, title, district, sector, category, category's sector)
MAKERS = [
    ("anyam", "Anyam Satu", "lowokwaru", "crafts", "Rattan baskets"),
    ("batik", "Batik Dua", "klojen", "fashion", "Batik cloth"),
    ("kopi", "Kopi Tiga", "klojen", "processed-food", "Coffee beans"),
]
# (maker, country, (month, day), status, hours to the maker's first reply or None)
INQUIRIES = [
    ("anyam", "US", (1, 10), "replied", 5),
    ("anyam", "US", (1, 20), "replied", 9),
    ("anyam", "NL", (2, 3), "closed", 30),
    ("anyam", "DE", (2, 14), "new", None),
    ("anyam", "US", (3, 8), "replied", 2),
    ("anyam", "NL", (3, 12), "quoted", 6),
    ("anyam", "US", (4, 5), "won", 3),
    ("anyam", "JP", (4, 2), "new", None),
    ("anyam", "US", (4, 9), "spam", None),
    ("batik", "NL", (1, 12), "replied", 20),
    ("batik", "NL", (2, 5), "new", None),
    ("batik", "AU", (2, 18), "new", None),
    ("batik", "US", (3, 1), "replied", 48),
    ("batik", "AU", (1, 28), "lost", None),  # replied by e-mail, outside the inbox
    ("batik", "JP", (3, 15), "closed", None),  # closed without a reply
    ("batik", "DE", (4, 20), "new", None),
    ("kopi", "JP", (1, 25), "replied", 1),
    ("kopi", "JP", (2, 7), "replied", 3),
    ("kopi", "AU", (2, 21), "replied", 7),
    ("kopi", "US", (3, 3), "new", None),
    ("kopi", "NL", (3, 27), "replied", 12),
    ("kopi", "DE", (4, 14), "spam", None),
    ("kopi", "US", (4, 28), "replied", 4),
]
# Received an hour ago: new, but not yet unanswered for 48 hours.
RECENT = [("anyam", "US"), ("batik", "NL")]
# (makers, country, (month, day), status): pending and expired orders were never placed.
ORDERS = [
    (["anyam"], "NL", (1, 15), "paid"),
    (["anyam", "batik"], "US", (2, 10), "paid"),
    (["kopi"], "NL", (3, 5), "awaiting_invoice"),
    (["batik"], "US", (3, 20), "pending_payment"),
    (["kopi"], "JP", (4, 2), "expired"),
    (["batik"], "JP", (4, 12), "shipped"),
    (["batik", "kopi"], "DE", (4, 18), "delivered"),
    (["anyam"], "US", (3, 25), "refunded"),
]
EURO_DAYS = {(4, 18)}  # the orders placed that day were paid in euros
# The makers' documents: (maker, kind, where, expired); "field" is the maker's NIB field.
DOCUMENTS = [
    ("anyam", "nib", "field", False),
    ("anyam", "sni", "maker", False),
    ("batik", "djki", "trademark", False),
    ("kopi", "nib", "maker", False),
    ("kopi", "halal", "product", False),
    ("kopi", "p-irt", "maker", True),
    ("kopi", "bpom", "product", True),
]
# When each maker was onboarded; "gerabah" is onboarded but not yet listed, with nothing else.
ONBOARDED = {"anyam": (1, 5), "batik": (1, 20), "kopi": (2, 10), "gerabah": (3, 1)}
DRAFT = ("gerabah", "Gerabah Empat", "klojen", "crafts", None)
PLACED = [order for order in ORDERS if order[3] not in ("pending_payment", "expired")]
YEAR = 2026


def moment(month_day):
    month, day = month_day
    return datetime(YEAR, month, day, 12, 0, tzinfo=JAKARTA)


@pytest.fixture(scope="module")
def data(module_db):
    ensure_review_setup()
    _home, _products, makers_index = factories.site()
    makers = {}
    for key, title, district, sector, category in MAKERS:
        if key == "anyam":  # the one maker with an account: the reports refuse it
            onboarded = onboard_vendor(title, "owner@anyam.example", district, sector)
            vendor, user = onboarded.vendor, onboarded.user
            vendor.tagline = "Rattan from Malang"
            vendor.save_revision().publish()
            vendor.refresh_from_db()
        else:
            vendor, user = factories.make_vendor(makers_index, title, district=district, sector=sector), None
        product = factories.make_product(
            vendor, f"{title} product", category=factories.make_category(category, sector)
        )
        makers[key] = SimpleNamespace(vendor=vendor, product=product, user=user, category=category)

    now = timezone.now()
    rows = [(*row, moment(row[2])) for row in INQUIRIES]
    rows += [(key, country, None, "new", None, now - timedelta(hours=1)) for key, country in RECENT]
    for number, (key, country, _day, status, hours, created_at) in enumerate(rows):
        maker = makers[key]
        inquiry = Inquiry.create_with_reference(
            product=maker.product,
            vendor=maker.vendor,
            vendor_translation_key=maker.vendor.translation_key,
            product_name=maker.product.title,
            vendor_name=maker.vendor.title,
            name=f"Buyer {number}",
            company=f"Company {number}",
            email=f"buyer{number}@example.com",
            country=country,
            quantity=100,
            destination="Port",
            message="Please send your price list and lead time.",
            created_at=created_at,
            status=status,
        )
        # A status saved in the admin an hour after the inquiry is no reply: the report ignores it.
        log(inquiry, "wagtail.edit", timestamp=created_at + timedelta(hours=1))
        if hours is not None:
            first = InquiryReply.objects.create(inquiry=inquiry, body="Our price list is attached.")
            later = InquiryReply.objects.create(inquiry=inquiry, body="Any news?")
            InquiryReply.objects.filter(pk=first.pk).update(sent_at=created_at + timedelta(hours=hours))
            InquiryReply.objects.filter(pk=later.pk).update(sent_at=created_at + timedelta(hours=hours + 50))

    for number, (keys, country, day, status) in enumerate(ORDERS):
        order = factories.make_sample_order(
            f"Order buyer {number}",
            f"order{number}@example.com",
            [makers[key] for key in keys],
            status=status,
        )
        SampleOrder.objects.filter(pk=order.pk).update(country=country, created_at=moment(day))

    for number, (_keys, _country, day, _status) in enumerate(ORDERS):
        if day in EURO_DAYS:
            OrderLine.objects.filter(order__email=f"order{number}@example.com").update(currency="EUR")

    makers["gerabah"] = SimpleNamespace(
        vendor=onboard_vendor(DRAFT[1], "gerabah@example.com", DRAFT[2], DRAFT[3]).vendor
    )
    page_type = ContentType.objects.get_for_model(Page)
    for key, day in ONBOARDED.items():
        vendor = makers[key].vendor
        VendorPage.objects.filter(translation_key=vendor.translation_key).update(nib="")
        Revision.objects.filter(base_content_type=page_type, object_id=str(vendor.pk)).update(
            created_at=moment(day)
        )
    kinds = {
        kind: factories.make_certification_type(kind.upper(), kind, kind) for *_r, kind, _w, _e in DOCUMENTS
    }
    for key, kind, where, expired in DOCUMENTS:
        maker = makers[key]
        valid_until = date(2020, 1, 1) if expired else None
        if where == "field":
            VendorPage.objects.filter(translation_key=maker.vendor.translation_key).update(
                nib="9120001234567"
            )
        elif where == "trademark":
            VendorTrademark.objects.create(vendor=maker.vendor, mark=key, registration_number="IDM000123456")
        elif where == "maker":
            VendorCertification.objects.create(
                vendor=maker.vendor, certification_type=kinds[kind], number="1", valid_until=valid_until
            )
        else:
            ProductCertification.objects.create(
                product=maker.product, certification_type=kinds[kind], number="1", valid_until=valid_until
            )

    curators = ensure_review_setup()["curators"]
    users = get_user_model().objects
    curator = users.create_user("curator@example.com", "curator@example.com", "pw")
    curator.groups.add(curators)
    trade = users.create_user("dinas@example.com", "dinas@example.com", "pw")
    trade.groups.add(ensure_trade_office_group())
    return SimpleNamespace(makers=makers, now=now, curator=curator, trade=trade)


# --- Reading a report as a person and as a spreadsheet does -----------------------------------------


class ReportPage(HTMLParser):
    """Each table (by section) as {row label: [cell texts]}, and each chart's title and bar labels."""

    def __init__(self):
        super().__init__()
        self.tables, self.charts = {}, []
        self._table = self._row = self._cell = None
        self._in_svg_title = False
        self._open_chart = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "data-section" in attrs:
            self._table = self.tables.setdefault(attrs["data-section"], {})
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell = []
        elif tag == "svg" and "report-chart" in attrs.get("class", ""):
            self._open_chart = True
            self.charts.append(
                {"role": attrs.get("role"), "labelledby": attrs.get("aria-labelledby"), "bars": []}
            )
        elif tag == "title" and self.charts and self._open_chart:
            self._in_svg_title = not self.charts[-1].get("title")
            self.charts[-1].setdefault("title", "")
        elif tag == "g" and self.charts and self._open_chart and "data-label" in attrs:
            self.charts[-1]["bars"].append(attrs["data-label"])

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._row and self._table is not None:
                self._table[self._row[0]] = self._row[1:]
            self._row = None
        elif tag == "table":
            self._table = None
        elif tag == "title":
            self._in_svg_title = False
        elif tag == "svg":
            self._open_chart = False

    def handle_data(self, text):
        if self._cell is not None:
            self._cell.append(text)
        elif self._in_svg_title:
            self.charts[-1]["title"] += text


def figures(rows):
    """Table cells as numbers ("66.7%" -> 66.7, "—" -> None), header rows left out."""

    def number(cell):
        text = str(cell).rstrip("%").replace(",", "")
        if text in ("—", "", "None"):
            return None
        try:
            return float(text)
        except ValueError:
            return str(cell)  # a name or a date

    return {
        label: [number(cell) for cell in cells]
        for label, cells in rows.items()
        if cells and any(str(cell)[:1].isdigit() for cell in cells)
    }


def read_page(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    page = ReportPage()
    page.feed(response.content.decode())
    return page


def read_csv(content):
    """{section title: {label: [cells]}}: blocks are separated by an empty row."""
    sections, current = {}, None
    for row in csv.reader(io.StringIO(content.decode())):
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], {})
        else:
            current[row[0]] = row[1:]
    return sections


def read_xlsx(content):
    workbook = load_workbook(io.BytesIO(content))
    return {
        sheet.title: {row[0]: list(row[1:]) for row in sheet.iter_rows(values_only=True)}
        for sheet in workbook.worksheets
    }


# --- What the figures must be, counted from the lists above ----------------------------------------


def maker_of(key):
    return next(maker for maker in MAKERS if maker[0] == key)


def inquiry_rows(data, sector=None, district=None, date_from=None, date_to=None):
    rows = [(key, country, moment(day), status, hours) for key, country, day, status, hours in INQUIRIES]
    rows += [(key, country, data.now - timedelta(hours=1), "new", None) for key, country in RECENT]
    return [
        row
        for row in rows
        if row[3] != "spam"
        and (sector is None or maker_of(row[0])[3] == sector)
        and (district is None or maker_of(row[0])[2] == district)
        and (date_from is None or row[2].date() >= date_from)
        and (date_to is None or row[2].date() <= date_to)
    ]


def order_lines(sector=None, district=None):
    return [
        (number, key, country, moment(day))
        for number, (keys, country, day, _status) in enumerate(PLACED)
        for key in keys
        if (sector is None or maker_of(key)[3] == sector)
        and (district is None or maker_of(key)[2] == district)
    ]


def expected_demand(data, **filters):
    inquiries = inquiry_rows(data, **filters)
    lines = order_lines(**{k: v for k, v in filters.items() if k in ("sector", "district")})
    if "date_from" in filters:
        lines = [line for line in lines if filters["date_from"] <= line[3].date() <= filters["date_to"]]
    orders = {number: (country, created) for number, _key, country, created in lines}

    def both(inquiry_label, order_label):
        counts = {}
        for label in map(inquiry_label, inquiries):
            counts.setdefault(label, [0, 0])[0] += 1
        for label in {order_label(line) for line in lines}:
            counts.setdefault(label[1], [0, 0])[1] += 1
        return {label: [float(a), float(b)] for label, (a, b) in counts.items()}

    def month(created):
        return timezone.localtime(created, JAKARTA).strftime("%Y-%m")

    months = Counter(month(row[2]) for row in inquiries)
    order_months = Counter(month(created) for _country, created in orders.values())
    return {
        "months": {m: [float(months[m]), float(order_months[m])] for m in {*months, *order_months}},
        "countries": both(
            lambda row: country_name(row[1]), lambda line: (line[0], country_name(orders[line[0]][0]))
        ),
        "sectors": both(
            lambda row: Sector(maker_of(row[0])[3]).label,
            lambda line: (line[0], Sector(maker_of(line[1])[3]).label),
        ),
        "districts": both(
            lambda row: District(maker_of(row[0])[2]).label,
            lambda line: (line[0], District(maker_of(line[1])[2]).label),
        ),
        "categories": both(lambda row: maker_of(row[0])[4], lambda line: (line[0], maker_of(line[1])[4])),
        "products": {
            f"{maker_of(key)[1]} product": [float(n)]
            for key, n in Counter(row[0] for row in inquiries).items()
        },
        "makers": {maker_of(key)[1]: [float(n)] for key, n in Counter(row[0] for row in inquiries).items()},
    }


def expected_response(data, **filters):
    result = {}
    cutoff = data.now - timedelta(hours=48)
    for key, title, *_rest in MAKERS:
        rows = [row for row in inquiry_rows(data, **filters) if row[0] == key]
        if not rows:
            continue
        handled = [row for row in rows if row[3] in ("replied", "quoted", "won", "lost", "closed")]
        hours = [row[4] for row in handled if row[4] is not None]
        result[title] = [
            float(len(rows)),
            float(len(handled)),
            round(100 * len(handled) / len(rows), 1),
            round(float(statistics.median(hours)), 1) if hours else None,
            float(sum(1 for row in rows if row[3] == "new" and row[2] <= cutoff)),
        ]
    return result


def expected_outcomes(data, **filters):
    inquiries = inquiry_rows(data, **filters)
    lines = order_lines(**{k: v for k, v in filters.items() if k in ("sector", "district")})
    if "date_from" in filters:
        lines = [line for line in lines if filters["date_from"] <= line[3].date() <= filters["date_to"]]

    def month(created):
        return timezone.localtime(created, JAKARTA).strftime("%Y-%m")

    deals = {}
    for _key, _country, created, status, _hours in inquiries:
        row = deals.setdefault(month(created), [0, 0, 0])
        row[0] += 1
        row[1] += status in ("quoted", "won", "lost")
        row[2] += status == "won"
    orders, values = {}, {}
    for number, _key, _country, created in lines:
        status, day = PLACED[number][3], PLACED[number][2]
        orders.setdefault(month(created), {})[number] = status
        if status in ("paid", "shipped", "delivered"):
            currency = "EUR" if day in EURO_DAYS else "USD"
            values.setdefault(month(created), Counter())[currency] += 15.0
    currencies = sorted({currency for row in values.values() for currency in row})
    return {
        "inquiry_outcomes": {
            m: [float(total), float(quoted), float(won), round(100 * won / total, 1)]
            for m, (total, quoted, won) in deals.items()
        },
        "order_outcomes": {
            m: [
                float(len(statuses)),
                float(sum(s in ("paid", "shipped", "delivered") for s in statuses.values())),
                float(sum(s in ("shipped", "delivered") for s in statuses.values())),
            ]
            for m, statuses in orders.items()
        },
        "order_value": {m: [row[currency] for currency in currencies] for m, row in values.items()},
    }


def expected_readiness(data, sector=None, district=None, date_from=None, date_to=None):
    makers = [
        row
        for row in [*MAKERS, DRAFT]
        if (sector is None or row[3] == sector)
        and (district is None or row[2] == district)
        and (date_from is None or moment(ONBOARDED[row[0]]).date() >= date_from)
        and (date_to is None or moment(ONBOARDED[row[0]]).date() <= date_to)
    ]
    keys = [row[0] for row in makers]
    asked = {row[0] for row in INQUIRIES if row[3] != "spam"} | {key for key, _country in RECENT}
    ordered = {key for keys, *_rest in PLACED for key in keys}

    def stages(group):
        return [
            float(len(group)),
            float(sum(key != "gerabah" for key in group)),
            float(len(asked & set(group))),
            float(len(ordered & set(group))),
        ]

    total = stages(keys)
    names = ["Onboarded", "Listed live", "First inquiry", "First sample order"]
    cohorts = {}
    for key in keys:
        cohorts.setdefault(moment(ONBOARDED[key]).strftime("%Y-%m"), []).append(key)
    labels = {
        "nib": "NIB (business identification number)",
        "p-irt": "P-IRT / SPP-IRT (home-industry food)",
        "bpom": "BPOM MD / ML (processed-food registration)",
        "halal": "Halal certificate (BPJPH)",
        "sni": "SNI product certificate (SPPT-SNI)",
        "djki": "Registered trademark (DJKI)",
    }
    documents = {}
    for kind, label in labels.items():
        held = len({key for key, k, _where, expired in DOCUMENTS if k == kind and not expired} & set(keys))
        documents[label] = [float(held), round(100 * held / len(keys), 1), float(len(keys) - held)]
    return {
        "funnel": {name: [n, round(100 * n / total[0], 1)] for name, n in zip(names, total, strict=True)},
        "cohorts": {month: stages(group) for month, group in cohorts.items()},
        "documents": documents,
    }


# --- The tests ------------------------------------------------------------------------------------


def test_demand_report_counts_inquiries_and_placed_orders(client, data):
    client.force_login(data.trade)
    page = read_page(client, "reports:demand")
    expected = expected_demand(data)
    for section, rows in expected.items():
        assert figures(page.tables[section]) == rows, section
    # Spam and orders never placed are not counted; the busiest country comes first.
    assert sum(row[0] for row in expected["months"].values()) == 23
    assert sum(row[1] for row in expected["months"].values()) == 6
    assert list(page.tables["countries"])[1] == "United States"  # row 0 is the heading


def test_every_figure_is_drawn_as_an_accessible_chart(client, data):
    client.force_login(data.curator)
    page = read_page(client, "reports:demand")
    countries = [chart for chart in page.charts if chart["labelledby"].startswith("chart-countries-")]
    assert len(countries) == 2  # inquiries and sample orders
    for chart in page.charts:
        assert chart["role"] == "img" and chart["title"]
    ranked = [label for label in page.tables["countries"] if label != "Country"]
    assert countries[0]["bars"] == ranked
    assert "By buyer country: Inquiries" in countries[0]["title"]


def test_demand_filters_narrow_the_figures(client, data):
    client.force_login(data.trade)
    cases = [
        {"sector": "fashion"},
        {"district": "klojen"},
        {"date_from": datetime(YEAR, 2, 1).date(), "date_to": datetime(YEAR, 3, 31).date()},
    ]
    for filters in cases:
        page = read_page(client, "reports:demand", **filters)
        for section, rows in expected_demand(data, **filters).items():
            assert figures(page.tables[section]) == rows, (filters, section)
    fashion = figures(read_page(client, "reports:demand", sector="fashion").tables["makers"])
    assert list(fashion) == ["Batik Dua"]


def test_response_report_reply_rate_median_and_unanswered(client, data):
    client.force_login(data.trade)
    page = read_page(client, "reports:response")
    expected = expected_response(data)
    assert figures(page.tables["makers"]) == expected
    assert expected["Kopi Tiga"][3] == 4.0 and expected["Batik Dua"][4] == 3.0  # the lists say so
    # The inquiries waiting for more than 48 hours, oldest first; the recent ones are not there yet.
    waiting = [label for label in page.tables["unanswered"] if label != "Reference"]
    overdue = Inquiry.objects.filter(status="new", created_at__lte=data.now - timedelta(hours=48))
    assert waiting == list(overdue.order_by("created_at").values_list("reference", flat=True))
    assert len(waiting) == 6


def test_response_filters_narrow_the_figures(client, data):
    client.force_login(data.curator)
    for filters in [
        {"district": "klojen"},
        {"date_from": datetime(YEAR, 3, 1).date(), "date_to": datetime(YEAR, 4, 30).date()},
    ]:
        page = read_page(client, "reports:response", **filters)
        assert figures(page.tables["makers"]) == expected_response(data, **filters), filters


def test_the_makers_reply_from_the_inbox_is_the_reply_time(client, data):
    """The real path: the maker sends a reply from the inbox; a status saved by hand is no reply."""
    maker = data.makers["anyam"]
    waiting = Inquiry.objects.filter(vendor_translation_key=maker.vendor.translation_key, status="new")
    by_hand, replied = waiting.order_by("created_at")[:2]
    client.force_login(maker.user)
    assert (
        client.post(reverse("inquiry_admin:edit", args=[by_hand.pk]), {"status": "closed"}).status_code == 302
    )
    assert (
        client.post(
            reverse("inquiry_admin:reply", args=[replied.pk]), {"body": "Price list attached."}
        ).status_code
        == 302
    )
    client.force_login(data.trade)
    before = expected_response(data)["Anyam Satu"]
    after = figures(read_page(client, "reports:response").tables["makers"])["Anyam Satu"]
    assert after[1] == before[1] + 2  # both are answered now
    # Only the reply adds a wait: the median of the four replies so far and this one (months late).
    hours = [5, 9, 30, 2, 6, 3, (timezone.now() - replied.created_at).total_seconds() / 3600]
    assert after[3] == round(statistics.median(hours), 1) != before[3]


@pytest.mark.parametrize("name", URLS)
def test_exports_hold_the_same_figures(client, data, name):
    client.force_login(data.trade)
    params = {"district": "klojen"}
    page = read_page(client, name, **params)
    tables = {key: figures(rows) for key, rows in page.tables.items()}

    response = client.get(reverse(name), {**params, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    from_csv = [figures(rows) for rows in read_csv(response.content).values()]
    response = client.get(reverse(name), {**params, "export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    from_xlsx = [figures(rows) for rows in read_xlsx(response.content).values()]

    assert from_csv == list(tables.values()) == from_xlsx
    assert any(rows for rows in from_csv)


def test_exported_text_that_looks_like_a_formula_stays_text(client, data):
    maker = data.makers["kopi"]
    Inquiry.objects.filter(vendor_translation_key=maker.vendor.translation_key).update(vendor_name="=1+1")
    type(maker.vendor).objects.filter(translation_key=maker.vendor.translation_key).update(
        title="=HYPERLINK(1)"
    )
    client.force_login(data.curator)
    content = client.get(reverse("reports:demand"), {"export": "csv"}).content.decode()
    assert "'=HYPERLINK(1)" in content and "\n=HYPERLINK" not in content
    workbook = load_workbook(io.BytesIO(client.get(reverse("reports:response"), {"export": "xlsx"}).content))
    cells = [
        cell for row in workbook.worksheets[0].iter_rows() for cell in row if cell.value == "=HYPERLINK(1)"
    ]
    assert cells and all(cell.data_type == "s" for cell in cells)


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_a_maker_is_refused_every_report(client, data, name, export):
    client.force_login(data.makers["anyam"].user)
    response = client.get(reverse(name), {"export": export} if export else {})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert b"Kopi Tiga" not in response.content and b"Batik Dua" not in response.content


@pytest.mark.parametrize("name", URLS)
def test_signed_out_visitors_are_sent_to_sign_in(client, data, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]


def test_the_menu_and_dashboard_show_the_reports_to_curators_and_the_trade_office_only(client, data):
    for user, shown in [(data.trade, True), (data.curator, True), (data.makers["anyam"].user, False)]:
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        content = response.content.decode()
        assert (reverse("reports:demand") in content) is shown, user
        # The dashboard's panel links to both reports.
        assert (reverse("reports:response") in content) is shown, user


def test_the_trade_office_group_reaches_the_admin_and_nothing_else(data):
    group = ensure_trade_office_group()
    assert group == ensure_trade_office_group()  # safe to run twice
    assert [p.codename for p in group.permissions.all()] == ["access_admin"]
    assert not group.page_permissions.exists() and not group.collection_permissions.exists()


def test_the_trade_office_reads_figures_not_buyers_inquiries_or_orders(client, data):
    client.force_login(data.trade)
    for url in [reverse("inquiry_admin:index"), reverse("sample_orders:index")]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"buyer1@example.com" not in response.content and b"order1@example.com" not in response.content


def test_seed_demo_and_the_setup_command_create_the_group(data):
    Group.objects.filter(name=TRADE_OFFICE_GROUP).delete()
    call_command("setup_trade_office", stdout=io.StringIO())
    assert Group.objects.get(name=TRADE_OFFICE_GROUP).permissions.filter(codename="access_admin").exists()

    Group.objects.filter(name=TRADE_OFFICE_GROUP).delete()
    ours = [hook for hook in hooks.get_hooks("seed_demo") if hook.__module__ == "reports.wagtail_hooks"]
    assert len(ours) == 1
    ours[0](io.StringIO())
    assert Group.objects.filter(name=TRADE_OFFICE_GROUP).exists()


def test_outcomes_report_counts_quotes_wins_orders_and_their_value(client, data):
    client.force_login(data.trade)
    for filters in [
        {},
        {"sector": "fashion"},
        {"date_from": datetime(YEAR, 3, 1).date(), "date_to": datetime(YEAR, 4, 30).date()},
    ]:
        page = read_page(client, "reports:outcomes", **filters)
        for section, rows in expected_outcomes(data, **filters).items():
            assert figures(page.tables[section]) == rows, (filters, section)
    # The lists say so: one deal won (April), the refunded order placed but not paid, euros apart.
    tables = {key: figures(rows) for key, rows in read_page(client, "reports:outcomes").tables.items()}
    assert tables["inquiry_outcomes"]["2026-04"][2] == 1.0
    assert tables["order_outcomes"]["2026-03"] == [2.0, 0.0, 0.0]
    assert tables["order_value"]["2026-04"] == [30.0, 15.0]  # EUR (two makers' samples), USD
    assert list(read_page(client, "reports:outcomes").tables["order_value"])[0] == "Month"


def test_readiness_report_funnel_cohorts_and_missing_documents(client, data):
    client.force_login(data.curator)
    for filters in [
        {},
        {"district": "klojen"},
        {"date_from": datetime(YEAR, 1, 15).date(), "date_to": datetime(YEAR, 2, 28).date()},
    ]:
        page = read_page(client, "reports:readiness", **filters)
        for section, rows in expected_readiness(data, **filters).items():
            assert figures(page.tables[section]) == rows, (filters, section)
    page = read_page(client, "reports:readiness")
    assert figures(page.tables["funnel"])["Listed live"] == [3.0, 75.0]
    # What is missing most often comes first: nobody holds a P-IRT or BPOM that has not expired.
    missing = [label for label in page.tables["documents"] if label != "Document"]
    assert missing[:2] == [
        "BPOM MD / ML (processed-food registration)",
        "P-IRT / SPP-IRT (home-industry food)",
    ]
    assert figures(page.tables["documents"])[missing[-1]] == [2.0, 50.0, 2.0]  # NIB: a field, a certificate


def pdf_text(content):
    """The PDF's text, one space between words (a heading may wrap over two lines)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def test_the_monthly_pdf_holds_every_report_and_is_sent_once(data, settings, mailoutbox):
    settings.TRADE_OFFICE_EMAIL = "dinas@example.com"
    out = io.StringIO()
    call_command("send_monthly_report", "--month", "2026-03", stdout=out)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["dinas@example.com"]
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith("2026-03.pdf") and mimetype == "application/pdf" and content[:5] == b"%PDF-"
    text = pdf_text(content)

    march = {"date_from": date(YEAR, 3, 1), "date_to": date(YEAR, 3, 31)}
    with translation.override("id"):  # the trade office reads it in Indonesian
        for _key, (title, build) in REPORTS.items():
            assert str(title) in text
            for section in build(Filters(**march)):
                assert " ".join(str(section.title).split()) in text, section.key
    # A figure of each kind: March's inquiries and orders, and the makers onboarded in March.
    months = expected_demand(data, **march)["months"]["2026-03"]
    assert f"2026-03 {months[0]:.0f} {months[1]:.0f}" in text
    funnel = expected_readiness(data, **march)["funnel"]
    assert funnel["Onboarded"] == [1.0, 100.0]

    call_command("send_monthly_report", "--month", "2026-03", stdout=out)
    assert len(mailoutbox) == 1  # the month went out once
    assert MonthlyReport.objects.get(month=date(YEAR, 3, 1)).sent_at is not None


def test_a_refused_monthly_report_is_sent_by_the_next_run(data, settings, mailoutbox):
    settings.TRADE_OFFICE_EMAIL = "dinas@example.com"
    settings.EMAIL_BACKEND = "tests.reports.test_reports.RefusingBackend"
    with pytest.raises(CommandError):
        call_command("send_monthly_report", "--month", "2026-02", stdout=io.StringIO())
    assert MonthlyReport.objects.get(month=date(YEAR, 2, 1)).error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_monthly_report", "--month", "2026-02", stdout=io.StringIO())
    assert len(mailoutbox) == 1 and mailoutbox[0].attachments


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")
