"""Reports benchmark: the trade office's four reports over 8,000 makers and 100,000 inquiries (PostgreSQL).

Run from the repository root on a scratch database (the figures in benchmarks/RESULTS.md came from these):

    createdb -h 127.0.0.1 -U postgres etalase_reports
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/etalase_reports
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_demo
    nice -n 10 .venv/bin/python benchmarks/reports.py generate
    .venv/bin/python benchmarks/reports.py time --runs 5 --write
    dropdb -h 127.0.0.1 -U postgres etalase_reports

`generate` adds the makers with scale.py's bulk path (rows inserted with computed tree paths, checked
afterwards with the same set-based versions of treebeard's find_problems() checks): creating 8,000
pages through Page.add_child() takes each a lock, a revision and a search-index write, hours here,
and the reports read none of that. The makers get no revisions, so the Readiness report dates their
onboarding by their first publication, as it does for any maker without one. Inquiries, the makers'
replies, sample orders and their lines are bulk_create()d, dated over the last two years. About
one product per maker is enough: the reports count by maker, category and product.

`time` asks for each report through Django's test client as a trade-office user (the whole view:
queries, charts and template), once to warm up and then `--runs` times, and prints the median.
"""

import argparse
import itertools
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")

import scale  # noqa: E402

SEED = 20261203
COUNTRIES = ["US", "NL", "DE", "JP", "AU", "SG", "MY", "SA", "AE", "GB", "FR", "CN", "KR", "CA", "IT"]
# (status, share) of the generated inquiries and orders.
INQUIRY_STATUSES = [
    ("new", 15),
    ("replied", 35),
    ("quoted", 12),
    ("won", 8),
    ("lost", 10),
    ("closed", 15),
    ("spam", 5),
]
ORDER_STATUSES = [
    ("pending_payment", 5),
    ("expired", 10),
    ("awaiting_invoice", 10),
    ("invoice_sent", 5),
    ("paid", 25),
    ("shipped", 20),
    ("delivered", 20),
    ("cancelled", 3),
    ("refunded", 2),
]
RESULTS = BASE_DIR / "benchmarks" / "RESULTS.md"
HEADING = "## Reports"


def weighted(rng, choices):
    return rng.choices([value for value, _share in choices], [share for _value, share in choices])[0]


def cmd_generate(args):
    scale.setup_django()
    scale.require_postgres()
    from django.db import connection, transaction
    from django.utils import timezone

    from catalog.models import ProductPage, VendorPage
    from inquiries.models import Inquiry, InquiryReply
    from orders.models import OrderLine, SampleOrder

    if VendorPage.objects.filter(locale__language_code="en").count() < args.vendors:
        # The reports read neither the search index nor renditions: scale.py's indexing and sample
        # rendering (minutes for 16,000 pages on two cores) are left out here.
        scale.index_pages = lambda model, ids, chunk=1000: None
        scale.render_sample = lambda en, vendor_ids, product_ids, sample=20: {}
        scale.cmd_generate(
            argparse.Namespace(vendors=args.vendors, products=args.products, treebeard_check=False)
        )

    rng = random.Random(SEED)
    started = time.perf_counter()
    products = list(
        ProductPage.objects.filter(locale__language_code="en", alias_of__isnull=True)
        .values_list("pk", "title", "vendor_id", "vendor__translation_key", "vendor__title", "sample_price")
        .order_by("pk")
    )
    # A few makers are asked about far more than most: weights fall off with the rank.
    weights = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(products))))
    now = timezone.now()
    have = Inquiry.objects.count()
    new = max(0, args.inquiries - have)
    for start in range(0, new, 5000):
        with transaction.atomic():
            inquiries = []
            for number in range(have + start, have + min(new, start + 5000)):
                pk, title, vendor_id, key, vendor, _price = rng.choices(products, cum_weights=weights)[0]
                inquiries.append(
                    Inquiry(
                        reference=f"BENCH-{number:08d}",
                        status=weighted(rng, INQUIRY_STATUSES),
                        product_id=pk,
                        vendor_id=vendor_id,
                        vendor_translation_key=key,
                        product_name=title,
                        vendor_name=vendor,
                        name=f"Buyer {number}",
                        company=f"Company {number}",
                        email=f"buyer{number}@bench.example.com",
                        country=rng.choice(COUNTRIES),
                        quantity=rng.randint(50, 5000),
                        destination="Port",
                        message="Please send your price list and lead time.",
                        created_at=now - timedelta(days=rng.uniform(0, 730)),
                        notified_at=now,
                    )
                )
            Inquiry.objects.bulk_create(inquiries, batch_size=2000)
            replies = [
                InquiryReply(
                    inquiry_id=inquiry.pk,
                    body="Thank you, our price list is attached.",
                    sent_at=min(now, inquiry.created_at + timedelta(hours=rng.expovariate(1 / 20))),
                    mailed_at=now,
                )
                for inquiry in inquiries
                if inquiry.status not in ("new", "spam") and rng.random() < 0.9
            ]
            InquiryReply.objects.bulk_create(replies, batch_size=2000)
        print(
            f"  {start + len(inquiries)}/{new} inquiries ({time.perf_counter() - started:.0f} s)", flush=True
        )

    have = SampleOrder.objects.count()
    new = max(0, args.orders - have)
    sampled = [row for row in products if row[5]] or products
    for start in range(0, new, 2000):
        with transaction.atomic():
            orders, picks = [], []
            for number in range(have + start, have + min(new, start + 2000)):
                status = weighted(rng, ORDER_STATUSES)
                created = now - timedelta(days=rng.uniform(0, 730))
                currency = "EUR" if rng.random() < 0.1 else "USD"
                lines = rng.choices(sampled, cum_weights=weights[: len(sampled)], k=rng.randint(1, 3))
                total = sum(row[5] or 1500 for row in lines)
                orders.append(
                    SampleOrder(
                        reference=f"SMP-B-{number:07d}",
                        key=uuid.uuid4(),
                        status=status,
                        name=f"Order buyer {number}",
                        email=f"order{number}@bench.example.com",
                        address_line1="1 Harbour Road",
                        city="Rotterdam",
                        country=rng.choice(COUNTRIES),
                        subtotal=total,
                        total=total,
                        currency=currency,
                        created_at=created,
                        paid_at=created + timedelta(hours=1)
                        if status in ("paid", "shipped", "delivered", "refunded")
                        else None,
                    )
                )
                picks.append((lines, currency))
            SampleOrder.objects.bulk_create(orders, batch_size=2000)
            OrderLine.objects.bulk_create(
                [
                    OrderLine(
                        order_id=order.pk,
                        product_id=pk,
                        vendor_id=vendor_id,
                        vendor_translation_key=key,
                        product_name=title,
                        vendor_name=vendor,
                        unit_price=price or 1500,
                        quantity=1,
                        line_total=price or 1500,
                        currency=currency,
                    )
                    for order, (lines, currency) in zip(orders, picks, strict=True)
                    for pk, title, vendor_id, key, vendor, price in lines
                ],
                batch_size=2000,
            )
        print(
            f"  {start + len(orders)}/{new} sample orders ({time.perf_counter() - started:.0f} s)", flush=True
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(
        f"{VendorPage.objects.filter(locale__language_code='en').count()} makers, "
        f"{Inquiry.objects.count()} inquiries, {InquiryReply.objects.count()} replies, "
        f"{SampleOrder.objects.count()} sample orders, {OrderLine.objects.count()} lines "
        f"({time.perf_counter() - started:.0f} s for the inquiries and orders)"
    )


def cases():
    """(name, report, query string): each report alone and under a sector and a three-month range."""
    from django.utils import timezone

    from reports.queries import REPORTS

    today = timezone.localdate()
    quarter = {"date_from": (today - timedelta(days=91)).isoformat(), "date_to": today.isoformat()}
    for key in REPORTS:
        yield f"{key}", key, {}
        yield f"{key}, crafts, last 3 months", key, {"sector": "crafts", **quarter}
        yield f"{key}, CSV export", key, {"export": "csv"}


def cmd_time(args):
    scale.setup_django()
    scale.require_postgres()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse

    from catalog.models import VendorPage
    from inquiries.models import Inquiry
    from orders.models import SampleOrder
    from reports.setup import ensure_trade_office_group

    setup_test_environment()  # the test client's host is allowed
    user, _created = get_user_model().objects.get_or_create(
        username="bench-trade-office@example.com", defaults={"email": "bench-trade-office@example.com"}
    )
    user.groups.add(ensure_trade_office_group())
    client = Client()
    client.force_login(user)

    rows = []
    for name, report, params in cases():
        url = reverse(f"reports:{report}")
        response = client.get(url, params)  # warm-up: caches, content types, the planner
        assert response.status_code == 200, (name, response.status_code)
        timings = []
        for _run in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url, params)
                timings.append((time.perf_counter() - started) * 1000)
        median = statistics.median(timings)
        rows.append((name, median, max(timings), len(queries), len(response.content)))
        print(
            f"{name:45} {median:8.0f} ms median, {max(timings):6.0f} ms max, {len(queries)} queries",
            flush=True,
        )

    sizes = (
        f"{VendorPage.objects.filter(locale__language_code='en').count():,} makers, "
        f"{Inquiry.objects.count():,} inquiries, {SampleOrder.objects.count():,} sample orders"
    )
    table = [
        "| report | median | slowest | queries | size |",
        "|---|---|---|---|---|",
        *(
            f"| {name} | {median:.0f} ms | {slowest:.0f} ms | {count} | {size / 1024:.0f} KiB |"
            for name, median, slowest, count, size in rows
        ),
    ]
    print("\n".join(table))
    slow = [row[0] for row in rows if row[1] >= args.target]
    print(
        f"Target {args.target} ms: "
        + ("every report under it." if not slow else f"over it: {', '.join(slow)}")
    )
    if args.write:
        write_results(sizes, table, args)


def write_results(sizes, table, args):
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    section = "\n".join(
        [
            HEADING,
            "",
            "Command: see benchmarks/reports.py (`generate`, then "
            f"`time --runs {args.runs} --write`); run {stamp} on the 2-core machine, PostgreSQL 15, "
            f"{sizes}. Each report through Django's test client as a trade-office user (the whole "
            f"view), median of {args.runs} runs after one warm-up; target under {args.target} ms. "
            f"Load average when it ended: {os.getloadavg()[0]:.1f} (2 cores; other work ran alongside).",
            "",
            *table,
            "",
        ]
    )
    text = RESULTS.read_text()
    if HEADING + "\n" in text:
        start = text.index(HEADING + "\n")
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + (text[end + 1 :] if end != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text)
    print(f"Written to {RESULTS.relative_to(BASE_DIR)} under {HEADING!r}.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="bulk-fill makers, inquiries, replies and orders")
    generate.add_argument("--vendors", type=int, default=8000)
    generate.add_argument("--products", type=int, default=8000)
    generate.add_argument("--inquiries", type=int, default=100_000)
    generate.add_argument("--orders", type=int, default=12_000)
    generate.set_defaults(run=cmd_generate)
    timing = commands.add_parser("time", help="time each report view")
    timing.add_argument("--runs", type=int, default=5)
    timing.add_argument("--target", type=int, default=500, help="milliseconds")
    timing.add_argument("--write", action="store_true", help="put the table in benchmarks/RESULTS.md")
    timing.set_defaults(run=cmd_time)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
