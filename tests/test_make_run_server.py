"""The server `make run` starts (runserver with the dev settings, nothing configured): the site's own
404 page, not Django's debug page, with its static files and the local media still served."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from django.db import connection

from tests import factories

BASE_DIR = Path(__file__).resolve().parent.parent


def database_url():
    """The test database, as the server in another process reaches it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def make_run_server(transactional_db, django_db_serialized_rollback, tmp_path):
    factories.build_site()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # As `make run` has it: the Makefile's settings module and nothing else configured.
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_DEBUG", "DEBUG"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "storefront.settings.dev",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(tmp_path),
        "PAGE_CACHE": "0",
    }
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"runserver did not start: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}", tmp_path
    server.terminate()
    server.wait(timeout=30)


def test_make_run_shows_the_designed_404_page_with_its_styles_and_the_media(make_run_server):
    base, media_root = make_run_server

    status, _headers, body = get(f"{base}/en/no-such-product/")

    assert status == 404
    assert "DEBUG = True" not in body and "Using the URLconf" not in body
    assert "We could not find that page." in body
    assert 'href="/en/products/"' in body  # "Browse all products", in the site's layout

    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', body).group(1)
    status, headers, _css = get(base + stylesheet)
    assert status == 200 and headers["Content-Type"].startswith("text/css")

    (media_root / "images").mkdir()
    (media_root / "images" / "probe.txt").write_text("a picture's bytes")
    status, _headers, content = get(f"{base}/media/images/probe.txt")
    assert (status, content) == (200, "a picture's bytes")
