"""Load check for the inquiry form: concurrent buyers on PostgreSQL, every accepted post exactly one row.

It starts its own gunicorn on 127.0.0.1 against the database in DATABASE_URL (migrating it and
adding one demo maker and product), lets 20 clients each fetch the form (CSRF cookie + token) and
post inquiries, then counts rows: every 302 must be one row, references must be unique, no 5xx.

    createdb -h 127.0.0.1 -U postgres etalase_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/etalase_bench \\
        .venv/bin/python benchmarks/inquiry_load.py --clients 20 --posts 200
    dropdb -h 127.0.0.1 -U postgres etalase_bench

The server runs with the inquiry rate limits raised (every client comes from 127.0.0.1) and
TASKS_BACKEND=immediate, e-mails written to var/bench-mail/. Use --base-url and --product to
aim at a server you started yourself (it must use the same DATABASE_URL for the row count).
"""

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storefront.settings.dev")
    import django

    django.setup()


def prepare_database():
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from catalog.models import ProductPage
    from tests import factories

    product = ProductPage.objects.filter(slug="bench-porcelain-burner").first()
    if product is None:
        _home, _products, makers = factories.build_site()
        vendor = factories.make_vendor(makers, "Bench Kabut Porselen", contact_email="bench@example.com")
        product = factories.make_product(vendor, "Bench porcelain burner", tiers=((100, 450),))
    return product.id


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port, workers, threads, env=None, extra_args=()):
    """gunicorn on 127.0.0.1:`port` with the project's dev settings (DEBUG off), once it accepts
    connections; `env` adds to or overrides the environment."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storefront.settings.dev",
        "DJANGO_DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_CONN_MAX_AGE": "60",
        **(env or {}),
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "storefront.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--log-level=warning",
        *extra_args,
    ]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def start_server(port, workers, threads):
    return start_gunicorn(
        port,
        workers,
        threads,
        env={
            "INQUIRY_RATE_LIMIT_PER_EMAIL": "1000000",
            "INQUIRY_RATE_LIMIT_PER_IP": "1000000",
            "TASKS_BACKEND": "immediate",
        },
    )


class Client(threading.Thread):
    def __init__(self, number, base_url, product_id, posts, results):
        super().__init__(name=f"client-{number}")
        self.number = number
        self.url = urllib.parse.urlsplit(base_url)
        self.path = f"/en/inquiries/new/?product={product_id}"
        self.posts = posts
        self.results = results

    def connection(self):
        return http.client.HTTPConnection(self.url.hostname, self.url.port or 80, timeout=60)

    def run(self):
        conn = self.connection()
        conn.request("GET", self.path)
        response = conn.getresponse()
        html = response.read().decode()
        cookie = next(
            (
                v.split(";")[0]
                for k, v in response.getheaders()
                if k.lower() == "set-cookie" and "csrftoken" in v
            ),
            "",
        )
        token = CSRF_INPUT.search(html).group(1)
        for index in range(self.posts):
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "name": f"Load Buyer {self.number}",
                    "company": f"Load Test Co {self.number}",
                    "email": f"buyer{self.number}@load.example.com",
                    "country": "NL",
                    "quantity": str(100 + index),
                    "unit": "pieces",
                    "incoterm": "FOB",
                    "destination": "Rotterdam, NL",
                    "message": f"Load test inquiry {self.number}-{index}: please quote with gift boxes.",
                    "website": "",
                }
            )
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "Referer": f"{self.url.scheme}://{self.url.netloc}{self.path}",
            }
            started = time.perf_counter()
            try:
                conn.request("POST", self.path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = self.connection()
                status = "conn-error"
            self.results.append((status, time.perf_counter() - started))
        conn.close()


def run_load(base_url, product_id, clients, posts):
    per_client = -(-posts // clients)
    results = []
    threads = [Client(n, base_url, product_id, per_client, results) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def count_rows(since):
    from inquiries.models import Inquiry

    rows = Inquiry.objects.filter(created_at__gte=since, email__endswith="@load.example.com")
    references = list(rows.values_list("reference", flat=True))
    return len(references), len(set(references))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--posts", type=int, default=200, help="total posts (spread over the clients)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--base-url", help="use a running server instead of starting gunicorn")
    parser.add_argument("--product", type=int, help="product page id (with --base-url)")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database (see the module docstring).")
    setup_django()
    from django.utils import timezone

    product_id = args.product or prepare_database()
    server = None
    base_url = args.base_url
    if not base_url:
        port = free_port()
        server = start_server(port, args.workers, args.threads)
        base_url = f"http://127.0.0.1:{port}"
    since = timezone.now()
    try:
        results, elapsed = run_load(base_url, product_id, args.clients, args.posts)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)

    statuses = Counter(status for status, _ in results)
    latencies = sorted(seconds for _, seconds in results)
    accepted = statuses.get(302, 0)
    server_errors = sum(
        count for status, count in statuses.items() if isinstance(status, int) and status >= 500
    )
    rows, unique = count_rows(since)
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else 0

    table = [
        ("clients", args.clients),
        ("posts sent", len(results)),
        ("responses by status", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str))),
        ("accepted (302)", accepted),
        ("5xx responses", server_errors),
        ("rows saved", rows),
        ("distinct references", unique),
        ("wall time (s)", f"{elapsed:.2f}"),
        ("throughput (posts/s)", f"{len(results) / elapsed:.1f}"),
        ("latency median / p95 (ms)", f"{statistics.median(latencies) * 1000:.0f} / {p95 * 1000:.0f}"),
    ]
    width = max(len(label) for label, _ in table)
    for label, value in table:
        print(f"{label:<{width}}  {value}")
    ok = accepted == rows == unique and server_errors == 0 and accepted == len(results)
    print("RESULT:", "OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
