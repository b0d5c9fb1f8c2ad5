"""In Chromium: a maker edits a price in the Indonesian admin and submits it; a curator approves it."""

import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from django.contrib.auth import get_user_model

from wagtail.models import WorkflowState

from catalog.onboarding import onboard_vendor
from catalog.review import ensure_review_setup
from tests import factories

SCREENSHOTS = Path("test-results")
PASSWORD = "Porselen-Dinoyo-2026"


@pytest.fixture
def journey(transactional_db, page):
    # After `page`: it tells Django that ORM calls next to Playwright's event loop are fine in tests.
    factories.build_site()
    groups = ensure_review_setup()
    maker = onboard_vendor("Atelier Kabut Porselen", "kabut@example.com", "lowokwaru", "crafts")
    factories.publish(maker.vendor)
    product = factories.make_product(maker.vendor, "Porcelain aroma burner", tiers=((100, 450),))
    maker.user.set_password(PASSWORD)
    maker.user.save()
    curator = get_user_model().objects.create_user("kurator", "kurator@example.com", PASSWORD)
    curator.groups.add(groups["curators"])
    return {"maker": maker, "product": product, "curator": curator}


@contextmanager
def screenshot_on_failure(page, name):
    try:
        yield
    except BaseException:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        raise


def log_in(page, username):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_maker_price_change_goes_live_after_curator_approval(journey, browser, live_server, page):
    product = journey["product"]
    public_path = urlparse(product.url).path
    with screenshot_on_failure(page, "vendor-review-maker"):
        log_in(page, "kabut@example.com")
        # The maker's preferred language is Indonesian, so Wagtail's admin speaks it.
        assert "Dasbor" in page.title()

        page.goto(f"/admin/pages/{product.pk}/edit/")
        page.locator('input[name="price_tiers-0-unit_price"]').fill("9.75")
        # Wagtail's Indonesian label is "Kirim ke Curator review"; the action's name is language-proof.
        submit = page.locator('button[name="action-submit"]')
        assert "Curator review" in submit.inner_text()
        with page.expect_navigation():
            submit.dispatch_event("click")
        state = WorkflowState.objects.get(object_id=str(product.pk))
        assert (state.status, state.workflow.name) == (WorkflowState.STATUS_IN_PROGRESS, "Curator review")

        page.goto(public_path)
        assert "9.75" not in page.locator("main").inner_text()

    curator_context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    curator_page = curator_context.new_page()
    try:
        with screenshot_on_failure(curator_page, "vendor-review-curator"):
            log_in(curator_page, "kurator")
            # "Awaiting your review" on the curator's dashboard: the row's action menu has "Approve".
            row = curator_page.get_by_role("row").filter(has_text=product.title).first
            row.get_by_role("button").last.click()
            with curator_page.expect_navigation():
                curator_page.get_by_role("button", name="Approve", exact=True).click()
            assert (
                WorkflowState.objects.get(object_id=str(product.pk)).status == WorkflowState.STATUS_APPROVED
            )
    finally:
        curator_context.close()

    with screenshot_on_failure(page, "vendor-review-buyer"):
        page.goto(public_path)
        assert "9.75" in page.locator("main").inner_text()
