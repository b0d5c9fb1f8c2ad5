"""Lighthouse 12 (mobile) on the five pages a buyer goes through, served with the production settings.

It seeds a scratch SQLite database with the demo catalogue (`seed_demo`), collects the static files
(WhiteNoise's compressed, hashed copies, as in production), starts gunicorn with
storefront.settings.production on 127.0.0.1 (a local SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, no
HTTPS redirect), serves the media from a second local port as nginx or a CDN would, asks for each
page a few times so renditions are made and the page cache is warm, then runs

    npx --yes lighthouse@12 URL --chrome-path=/usr/bin/chromium \\
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" --form-factor=mobile --output=json

on home, catalogue, product, inquiry form and sample box, `--runs` times each (the pages taking
turns), and prints the four category scores (the median of the runs and, for performance, the
lowest and highest) with the audits that cost points. With --write it replaces the "Lighthouse"
section of benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--write] [--scratch var/lighthouse]

Seeding takes minutes on a busy machine: with --scratch the seeded database and media are kept there
and reused by the next run (delete the directory after changing the demo).
"""

import argparse
import datetime
import functools
import http.client
import http.server
import json
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "benchmarks"))

from inquiry_load import free_port, start_gunicorn  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
COMMAND = (
    'npx --yes lighthouse@12 <url> --chrome-path=/usr/bin/chromium --chrome-flags="--headless=new '
    '--no-sandbox --disable-gpu" --form-factor=mobile --output=json'
)


class MediaHandler(http.server.SimpleHTTPRequestHandler):
    """The media directory as nginx would serve it: files under /media/, kept by browsers a week."""

    def end_headers(self):
        self.send_header("Cache-Control", "public, max-age=604800")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve_media(root, port):
    handler = functools.partial(MediaHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def page_urls(env):
    """Paths of the five pages, from the seeded database."""
    script = (
        "import json; from catalog.models import ProductPage, ProductIndexPage;"
        "p = ProductPage.objects.live().filter(locale__language_code='en', samples_available=True)"
        ".order_by('path').first();"
        "c = ProductIndexPage.objects.live().get(locale__language_code='en');"
        "print(json.dumps({'product': p.url, 'product_id': p.pk, 'catalogue': c.url}))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    return {
        "home": "/en/",
        "catalogue": found["catalogue"],
        "product": found["product"],
        "inquiry form": f"/en/inquiries/new/?product={found['product_id']}",
        "sample box": "/en/samples/",
    }


def warm(port, path, times=6):
    """Ask for the page and its pictures, so renditions exist and every worker's cache holds it."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for _ in range(times):
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
    conn.close()


def lighthouse(url, out):
    command = [
        "npx",
        "--yes",
        "lighthouse@12",
        url,
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--form-factor=mobile",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    subprocess.run(command, check=True, timeout=300)
    report = json.loads(Path(out).read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{name}: {ref['id']}")
    metrics = {
        key: report["audits"][key].get("displayValue", "")
        for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
    }
    return scores, lost, metrics


def load_average():
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--scratch", help="a directory to keep the seeded database and media in, reused when run again"
    )
    args = parser.parse_args()

    scratch = Path(args.scratch) if args.scratch else Path(tempfile.mkdtemp(prefix="lighthouse-"))
    scratch.mkdir(parents=True, exist_ok=True)
    seeded = (scratch / "seeded").exists()
    media_port, port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storefront.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on the loopback; HSTS is ignored there by browsers
        "DATABASE_URL": f"sqlite:///{scratch / 'db.sqlite3'}",
        "REDIS_URL": "",
        "MEDIA_ROOT": str(scratch / "media"),
        "MEDIA_URL": f"http://127.0.0.1:{media_port}/media/",
        "STATIC_ROOT": str(scratch / "static"),
        "TASKS_BACKEND": "immediate",
        "PAGE_CACHE": "1",
    }
    print(f"Scratch directory: {scratch}", file=sys.stderr)
    if not seeded:
        manage(env, "migrate", "--noinput", "-v0")
        started = time.perf_counter()
        manage(env, "seed_demo")
        print(f"seed_demo: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        (scratch / "media-root").mkdir()
        (scratch / "media-root" / "media").symlink_to(scratch / "media")
        (scratch / "seeded").touch()
    manage(env, "collectstatic", "--noinput", "--clear", "-v0")  # the stylesheet and scripts as they are now
    urls = page_urls(env)
    media = serve_media(scratch / "media-root", media_port)
    # The first view of a page makes its renditions (AVIF and WebP), which on a busy machine takes
    # longer than gunicorn's default 30 s.
    server = start_gunicorn(port, args.workers, 1, env=env, extra_args=["--timeout=600"])
    results = {name: [] for name in urls}
    losses = {name: set() for name in urls}
    metrics = {name: [] for name in urls}
    loads = [load_average()]
    try:
        for path in urls.values():
            warm(port, path)
        for run in range(args.runs):
            for name, path in urls.items():
                report = scratch / f"report-{name.replace(' ', '-')}-{run + 1}.json"  # to read after
                scores, lost, shown = lighthouse(f"http://127.0.0.1:{port}{path}", report)
                results[name].append(scores)
                losses[name].update(lost)
                metrics[name].append(shown)
                print(f"run {run + 1} {name}: {scores} {shown}", file=sys.stderr)
            loads.append(load_average())
    finally:
        server.terminate()
        server.wait(timeout=30)
        media.shutdown()

    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    rows = [
        "| page | performance (median, lowest–highest) | accessibility | best practices | SEO |",
        "|---|---|---|---|---|",
    ]
    for name, runs in results.items():
        med = {c: round(statistics.median(r[c] for r in runs)) for c in CATEGORIES}
        perf = [r["performance"] for r in runs]
        others = [
            f"{med[c]}"
            if min(r[c] for r in runs) == max(r[c] for r in runs)
            else f"{med[c]} ({min(r[c] for r in runs)}–{max(r[c] for r in runs)})"
            for c in CATEGORIES[1:]
        ]
        rows.append(
            f"| {name} | {med['performance']} ({min(perf)}–{max(perf)}) | " + " | ".join(others) + " |"
        )
    lost_lines = [f"- {name}: " + "; ".join(sorted(lost)) for name, lost in losses.items() if lost]
    section = "\n".join(
        [
            "## Lighthouse (mobile, production settings)",
            "",
            f"Command: `.venv/bin/python benchmarks/lighthouse.py --runs {args.runs} --write`; each page is "
            f"measured with `{COMMAND}`. Run {when} on {platform.node() or 'this machine'} "
            f"({os.cpu_count()} cores, shared), {args.workers} gunicorn workers, demo catalogue on SQLite, "
            "page cache warm, media from a second local server. Load average (1 / 5 / 15 min) before and "
            f"after each round: {', '.join(loads)}.",
            "",
            *rows,
            "",
            "Audits that cost points in any run: " + ("none." if not lost_lines else ""),
            *lost_lines,
            "",
        ]
    )
    print(section)
    if args.write:
        write_section(section)


def write_section(section):
    path = BASE_DIR / "benchmarks" / "RESULTS.md"
    text = path.read_text()
    marker = "## Lighthouse"
    if marker in text:
        start = text.index(marker)
        end = text.find("\n## ", start + 1)
        text = text[:start] + section.rstrip("\n") + "\n\n" + (text[end + 1 :] if end != -1 else "")
    else:
        # After the introduction, before the first table.
        first = text.index("\n## ")
        text = text[: first + 1] + section.rstrip("\n") + "\n\n" + text[first + 1 :]
    path.write_text(text)


if __name__ == "__main__":
    main()
