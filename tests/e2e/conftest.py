"""A real Chromium (Debian's package) driven by Playwright against pytest-django's live server."""

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path():
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def browser():
    # One Playwright per test, not per session: while its event loop runs in this thread, Django
    # hands this thread other database connection objects, and the data migrations made (restored
    # by serialized rollback at each live-server test's start) would be lost to the next test.
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not path:
        pytest.fail(
            "Chromium is not installed: run `make test` (it installs Debian's chromium) or set CHROMIUM_PATH."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, django_db_serialized_rollback):
    # Serialized rollback: a live-server test empties the tables when it ends, which would take
    # the rows migrations made (the default locale, Wagtail's root page and collection) from
    # every test after it.
    # Playwright's sync API runs an event loop in this thread; Django refuses ORM calls in
    # a thread with a running loop unless told this is a test.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
