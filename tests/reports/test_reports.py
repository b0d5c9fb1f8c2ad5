"""The trade office's reports: figures on a data set whose answers the test counts itself.

Three makers in two districts and three sectors, 22 inquiries over four months and five countries
(two of them spam), six sample orders (two never placed) and the admin history of the answered
inquiries. Each expected figure is counted here from the lists below, not with the report's queries.
"""

import csv
import io
import statistics
from collections import Counter
from datetime import datetime, timedelta
from html.parser import HTMLParser
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.log_actions import log

from catalog.models import District, Sector
from catalog.onboarding import onboard_vendor
from catalog.review import ensure_review_setup
from inquiries.models import Inquiry
from orders.models import SampleOrder
from reports.permissions import TRADE_OFFICE_GROUP
from reports.setup import ensure_trade_office_group
from storefront.countries import country_name
from tests import factories

pytestmark = pytest.mark.django_db

JAKARTA = ZoneInfo("Asia/Jakarta")
URLS = ["reports:demand", "reports:response"]

# (key, title, district, sector, category, category's sector)
MAKERS = [
    ("anyam", "Anyam Satu", "lowokwaru", "crafts", "Rattan baskets"),
    ("batik", "Batik Dua", "klojen", "fashion", "Batik cloth"),
    ("kopi", "Kopi Tiga", "klojen", "processed-food", "Coffee beans"),
]
# (maker, country, (month, day), status, hours to the first status change or None)
INQUIRIES = [
    ("anyam", "US", (1, 10), "replied", 5),
    ("anyam", "US", (1, 20), "replied", 9),
    ("anyam", "NL", (2, 3), "closed", 30),
    ("anyam", "DE", (2, 14), "new", None),
    ("anyam", "US", (3, 8), "replied", 2),
    ("anyam", "JP", (4, 2), "new", None),
    ("anyam", "US", (4, 9), "spam", None),
    ("batik", "NL", (1, 12), "replied", 20),
    ("batik", "NL", (2, 5), "new", None),
    ("batik", "AU", (2, 18), "new", None),
    ("batik", "US", (3, 1), "replied", 48),
    ("batik", "JP", (3, 15), "closed", None),  # closed without a recorded status change
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
]
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
        if hours is not None:
            log(inquiry, "wagtail.edit", timestamp=created_at + timedelta(hours=hours))
            log(inquiry, "wagtail.edit", timestamp=created_at + timedelta(hours=hours + 50))  # a later change

    for number, (keys, country, day, status) in enumerate(ORDERS):
        order = factories.make_sample_order(
            f"Order buyer {number}",
            f"order{number}@example.com",
            [makers[key] for key in keys],
            status=status,
        )
        SampleOrder.objects.filter(pk=order.pk).update(country=country, created_at=moment(day))

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
        handled = [row for row in rows if row[3] in ("replied", "closed")]
        hours = [row[4] for row in handled if row[4] is not None]
        result[title] = [
            float(len(rows)),
            float(len(handled)),
            round(100 * len(handled) / len(rows), 1),
            round(float(statistics.median(hours)), 1) if hours else None,
            float(sum(1 for row in rows if row[3] == "new" and row[2] <= cutoff)),
        ]
    return result


# --- The tests ------------------------------------------------------------------------------------


def test_demand_report_counts_inquiries_and_placed_orders(client, data):
    client.force_login(data.trade)
    page = read_page(client, "reports:demand")
    expected = expected_demand(data)
    for section, rows in expected.items():
        assert figures(page.tables[section]) == rows, section
    # Spam and orders never placed are not counted; the busiest country comes first.
    assert sum(row[0] for row in expected["months"].values()) == 20
    assert sum(row[1] for row in expected["months"].values()) == 4
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


def test_a_status_change_in_the_admin_is_the_reply(client, data):
    """The real path: the maker saves "Replied" in the inbox, and the report counts that as its reply."""
    maker = data.makers["anyam"]
    inquiry = Inquiry.objects.filter(
        vendor_translation_key=maker.vendor.translation_key, status="new"
    ).first()
    client.force_login(maker.user)
    edit = reverse("inquiry_admin:edit", args=[inquiry.pk])
    assert client.post(edit, {"status": "replied"}).status_code == 302
    client.force_login(data.trade)
    before = expected_response(data)["Anyam Satu"]
    after = figures(read_page(client, "reports:response").tables["makers"])["Anyam Satu"]
    assert after[1] == before[1] + 1
    assert after[3] != before[3]  # the new reply's wait (months) moves the median


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
