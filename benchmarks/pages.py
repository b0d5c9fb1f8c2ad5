"""Queries and in-process render time per page type, uncached: the median of N renders each.

    DATABASE_URL=sqlite:///var/bench.sqlite3 .venv/bin/python benchmarks/pages.py --runs 200 --write

Migrates the database and loads the demo catalogue if it is empty, then renders each page through
Django's test client (the whole middleware stack, no network) and counts the SQL queries of one
render. With --write it replaces the "Pages" section of benchmarks/RESULTS.md.

The pages take turns, one render each per round, so a slower minute of the machine (shared
virtual machines drift by tens of per cent) weighs on every page alike. Each round also times a
fixed piece of pure Python, reported as "machine", to tell a slower machine from slower pages.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ["PAGE_CACHE"] = "0"  # uncached: the page cache is measured by benchmarks/scale.py

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

BUDGETS = {  # (queries, median ms) from the catalogue issue
    "product page": (12, 8.0),
    "catalogue (24 per page)": (15, 20.0),
    "home page": (15, None),
    "search": (15, None),
}


def pages():
    from wagtail.models import Locale

    from catalog.models import ProductIndexPage, ProductPage, VendorPage

    product = ProductPage.objects.live().filter(locale__language_code="en", alias_of__isnull=True).first()
    vendor = VendorPage.objects.live().filter(locale__language_code="en", alias_of__isnull=True).first()
    catalogue = ProductIndexPage.objects.live().get(locale__language_code="en")
    id_product = product.get_translation_or_none(Locale.objects.get(language_code="id"))
    return [
        ("home page", "/en/"),
        ("catalogue (24 per page)", catalogue.url),
        ("catalogue, filtered", f"{catalogue.url}?samples=1&moq_max=500&sort=price"),
        ("product page", product.url),
        ("product page (id)", id_product.url if id_product else product.url),
        ("maker page", vendor.url),
        ("makers index", "/en/makers/"),
        ("search", "/en/search/?q=porcelain"),
    ]


def count_queries(client, url):
    response = client.get(url, HTTP_HOST="127.0.0.1")  # warm-up: templates, renditions
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST="127.0.0.1")
    return len(queries)  # read now: the connection's log is reused by later requests


def machine_work():
    """A fixed piece of pure Python (about 1 ms here), timed to show how fast the machine runs."""
    return sum(i * i for i in range(20_000))


def measure(client, pages, runs):
    """{name: [ms per render]} and [ms of machine_work], the pages taking turns in each round."""
    timings = {name: [] for name, _url in pages}
    machine = []
    for _ in range(runs):
        start = time.perf_counter()
        machine_work()
        machine.append((time.perf_counter() - start) * 1000)
        for name, url in pages:
            start = time.perf_counter()
            client.get(url, HTTP_HOST="127.0.0.1")
            timings[name].append((time.perf_counter() - start) * 1000)
    return timings, machine


def p50_p95(values):
    return statistics.median(values), sorted(values)[int(len(values) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    from catalog.models import ProductPage

    if not ProductPage.objects.exists():
        call_command("seed_demo", verbosity=0)
    products = ProductPage.objects.filter(locale__language_code="en", alias_of__isnull=True).count()

    # As under Django's test runner and a server with persistent connections: keep one connection
    # for the whole run, so the figures count page work and not reconnecting.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    urls = pages()
    counts = {name: count_queries(client, url) for name, url in urls}
    timings, machine = measure(client, urls, args.runs)
    rows = []
    for name, url in urls:
        count, (p50, p95) = counts[name], p50_p95(timings[name])
        budget_q, budget_ms = BUDGETS.get(name, (None, None))
        ok = (budget_q is None or count <= budget_q) and (budget_ms is None or p50 < budget_ms)
        verdict = "" if budget_q is None and budget_ms is None else ("met" if ok else "MISSED")
        budget = " / ".join(
            part
            for part in [f"≤ {budget_q} q" if budget_q else "", f"< {budget_ms:g} ms" if budget_ms else ""]
            if part
        )
        rows.append(f"| {name} | `{url}` | {count} | {p50:.1f} | {p95:.1f} | {budget} | {verdict} |")
        print(rows[-1], flush=True)
    machine_p50, machine_p95 = p50_p95(machine)

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    section = "\n".join(
        [
            "## Pages (queries and in-process render time, uncached)",
            "",
            f"Command: `DATABASE_URL=… .venv/bin/python benchmarks/pages.py --runs {args.runs} --write` "
            f"— database: {engine}, {products} English products (demo catalogue), median and p95 of "
            f"{args.runs} renders through Django's test client, the pages taking turns, on this 2-core "
            f"machine; run at {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
            "",
            f"Machine: the fixed piece of Python timed in each round took {machine_p50:.2f} ms (p50), "
            f"{machine_p95:.2f} ms (p95).",
            "",
            "| page | URL | queries | p50 ms | p95 ms | budget | |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    if args.write:
        write_section(section)
    print(section)


def write_section(section):
    path = ROOT / "benchmarks" / "RESULTS.md"
    text = path.read_text() if path.exists() else "# Benchmark results\n\n"
    marker = "## Pages (queries"
    if marker in text:
        start = text.index(marker)
        end = text.find("\n## ", start + 1)
        text = text[:start] + section.rstrip("\n") + "\n\n" + (text[end + 1 :] if end != -1 else "")
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text)


if __name__ == "__main__":
    main()
