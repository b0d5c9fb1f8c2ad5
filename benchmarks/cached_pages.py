"""Cached pages through gunicorn: an anonymous buyer, a buyer with two samples, and a static file.

It starts gunicorn (4 workers × 1 thread, DEBUG off, the page cache in Redis) on 127.0.0.1 against
the database in DATABASE_URL (a SQLite file in var/ when unset; migrated, with one maker, a product
and a story added), checks that the product, maker, catalogue and story pages are sent
`Cache-Control: public` with `s-maxage` and no `Set-Cookie` to both buyers, then lets 4 clients
(threads, keep-alive connections) ask for:

- the product page as an anonymous buyer (no cookie);
- the same page as a buyer with two samples in the box (their session and CSRF cookies);
- a static file of the same size, served by WhiteNoise from the same gunicorn.

The three take turns, `--rounds` times, so a slower minute of the machine falls on all of them.
It prints p50 and p95 (ms) and requests per second of each, and the cached page's rate as a share
of the static file's.

    .venv/bin/python benchmarks/cached_pages.py [--rounds 5] [--requests 400]

REDIS_URL defaults to redis://127.0.0.1:6379/9 (its page-cache keys are left there; they are
keyed by release).
"""

import argparse
import http.client
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "benchmarks"))

os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'bench-cached.sqlite3'}")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/9")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")

from inquiry_load import free_port, start_gunicorn  # noqa: E402

CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")
SESSION_COOKIE = re.compile(r"sessionid=([^;]+)")


def prepare_database():
    """Migrate; add a maker, a product with samples and a story about it (once). Their URLs."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from catalog.models import ProductPage
    from storefront.translation import sync_locale_trees
    from stories.models import StoryIndexPage, StoryPage
    from tests import factories
    from tests.stories.conftest import make_story

    home, products, makers = factories.build_site()
    product = ProductPage.objects.filter(slug="bench-porcelain-burner", locale=home.locale).first()
    if product is None:
        vendor = factories.make_vendor(makers, "Bench Kabut Porselen", contact_email="bench@example.com")
        product = factories.make_product(
            vendor, "Bench porcelain burner", samples_available=True, sample_price=1500, sample_max_quantity=5
        )
    index = StoryIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = factories.publish(home.add_child(instance=StoryIndexPage(title="Stories", slug="stories")))
        sync_locale_trees()
    story = StoryPage.objects.filter(slug="bench-kiln-day", locale=home.locale).first() or make_story(
        index, "Bench kiln day", body=[("product", {"product": product, "note": ""})]
    )
    return product.pk, {
        "product": product.url,
        "maker": product.get_parent().url,
        "catalogue": products.url,
        "story": story.url,
    }


def get(conn, path, cookie=""):
    headers = {"Host": "127.0.0.1", "Accept-Encoding": "identity"}
    if cookie:
        headers["Cookie"] = cookie
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    return response, response.read()


def buyer_with_two_samples(port, product_path, product_id):
    """Cookies of a buyer who put two samples in the box, as site.js does it (state, then a post)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    response, body = get(conn, "/en/samples/state/")
    csrf = CSRF_COOKIE.search(response.getheader("Set-Cookie", "")).group(1)
    token = json.loads(body)["csrf_token"]
    form = f"csrfmiddlewaretoken={token}&product={product_id}&quantity=2&next={product_path}"
    conn.request(
        "POST",
        "/en/samples/add/",
        body=form,
        headers={
            "Host": "127.0.0.1",
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
            "Referer": f"http://127.0.0.1:{port}{product_path}",
        },
    )
    response = conn.getresponse()
    response.read()
    assert response.status == 302, response.status
    session = SESSION_COOKIE.search(
        ", ".join(v for k, v in response.getheaders() if k == "Set-Cookie")
    ).group(1)
    cookie = f"csrftoken={csrf}; sessionid={session}"
    # The redirect shows the "added" message once (rendered for them); after it, the shared page.
    get(conn, product_path, cookie + "; " + message_cookie(response))
    response, body = get(conn, "/en/samples/state/", cookie)
    assert json.loads(body)["sample_box_count"] == 2
    conn.close()
    return cookie


def message_cookie(response):
    for name, value in response.getheaders():
        if name == "Set-Cookie" and value.startswith("messages="):
            return value.split(";")[0]
    return ""


def check_headers(port, urls, cookie):
    """Each page, to both buyers: a hit, public with s-maxage, no Set-Cookie, no Vary: Cookie."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    rows = []
    for name, path in urls.items():
        get(conn, path)  # stored, if it was not
        for who, sent in (("anonymous", ""), ("two samples", cookie)):
            response, _body = get(conn, path, sent)
            control = response.getheader("Cache-Control", "")
            ok = (
                response.status == 200
                and response.getheader("X-Cache") == "HIT"
                and "public" in control
                and "s-maxage" in control
                and response.getheader("Set-Cookie") is None
                and "cookie" not in response.getheader("Vary", "").lower()
            )
            rows.append((name, who, response.status, response.getheader("X-Cache"), control, ok))
    conn.close()
    return rows


def drive(port, path, cookie, clients, requests):
    """`clients` threads on keep-alive connections, `requests` GETs in all: (ms list, statuses, wall s)."""
    latencies, statuses = [], {}
    lock = threading.Lock()
    per_client = -(-requests // clients)

    def run():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for _ in range(per_client):
            started = time.perf_counter()
            response, _body = get(conn, path, cookie)
            mine.append(((time.perf_counter() - started) * 1000, response.status))
        conn.close()
        with lock:
            for ms, status in mine:
                latencies.append(ms)
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=run) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, statuses, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=400, help="per scenario per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    product_id, urls = prepare_database()
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    port = free_port()
    server = start_gunicorn(
        port,
        args.workers,
        1,
        env={"PAGE_CACHE": "1", "STATIC_ROOT": str(static_root), "DATABASE_CONN_MAX_AGE": "600"},
    )
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        _response, page = get(conn, urls["product"])
        conn.close()
        # WhiteNoise reads STATIC_ROOT when a worker starts: the file is written, then the workers restart.
        (static_root / "page.html").write_bytes(page)
        server.send_signal(__import__("signal").SIGHUP)
        time.sleep(3)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        response, static_body = get(conn, "/static/page.html")
        conn.close()
        assert response.status == 200 and len(static_body) == len(page), (response.status, len(static_body))

        cookie = buyer_with_two_samples(port, urls["product"], product_id)
        print(f"gunicorn {args.workers} workers × 1 thread, {args.clients} clients, page {len(page):,} bytes")
        print("\nHeaders (second request of each):")
        for name, who, status, state, control, ok in check_headers(port, urls, cookie):
            print(f"  {name:10} {who:12} {status} {state:4} {control:40} {'ok' if ok else 'NOT OK'}")

        scenarios = {
            "anonymous buyer": (urls["product"], ""),
            "buyer, two samples": (urls["product"], cookie),
            "static file, same size": ("/static/page.html", ""),
        }
        for path, sent in scenarios.values():
            drive(port, path, sent, args.clients, 100)  # warm-up
        results = {name: {"latencies": [], "seconds": 0.0, "count": 0, "statuses": {}} for name in scenarios}
        for _round in range(args.rounds):
            for name, (path, sent) in scenarios.items():
                latencies, statuses, seconds = drive(port, path, sent, args.clients, args.requests)
                result = results[name]
                result["latencies"] += latencies
                result["seconds"] += seconds
                result["count"] += len(latencies)
                for status, count in statuses.items():
                    result["statuses"][status] = result["statuses"].get(status, 0) + count
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"\n{args.rounds} rounds × {args.requests} requests per scenario, taking turns:")
    print(f"  {'':24} {'p50 ms':>7} {'p95 ms':>7} {'req/s':>8}  statuses")
    rates = {}
    for name, result in results.items():
        latencies = sorted(result["latencies"])
        rates[name] = result["count"] / result["seconds"]
        p95 = latencies[int(len(latencies) * 0.95) - 1]
        p50 = statistics.median(latencies)
        print(f"  {name:24} {p50:7.2f} {p95:7.2f} {rates[name]:8.0f}  {result['statuses']}")
    static = rates["static file, same size"]
    for name in ("anonymous buyer", "buyer, two samples"):
        print(f"  {name}: {rates[name] / static:.0%} of the static file's rate")


if __name__ == "__main__":
    main()
