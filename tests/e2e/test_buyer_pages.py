"""The pages where a buyer gets in touch or pays, at a phone's and a desktop's width, in English and Arabic.

One browser and one site for every journey (the suite stays fast): at 390 and 1280 px, in en and ar, a
buyer sends an inquiry (and is refused a second one by the rate limit), then orders samples (invoice
mode) and sees the order page. Every page visited must not scroll sideways, must log no console error,
and axe-core must find no serious or critical violation on it.
"""

import os
import re
from http import HTTPStatus
from importlib import resources

import pytest
from playwright.sync_api import ConsoleMessage

from django.core.cache import cache

from inquiries.models import Inquiry
from orders.models import SampleOrder
from tests import factories

# The suite's journeys; E2E_BUYER_WIDTHS=320,1440 E2E_BUYER_LANGUAGES=id,ja,zh-hans tries others by hand.
WIDTHS = tuple(int(width) for width in os.environ.get("E2E_BUYER_WIDTHS", "390,1280").split(","))
LANGUAGES = tuple(os.environ.get("E2E_BUYER_LANGUAGES", "en,ar").split(","))
BLOCKING_IMPACTS = {"serious", "critical"}
# E2E_SCREENSHOTS=/tmp/buyerui- saves a full-page screenshot of every page checked, to look at.
SCREENSHOTS = os.environ.get("E2E_SCREENSHOTS", "")

# Playwright's event loop runs in this thread; the site is built (ORM calls) after it starts.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def axe_source():
    try:
        return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.fail("axe-playwright-python is not installed: run `make install-dev` (requirements-dev.txt).")


class Visit:
    """One tab of one journey; `check()` inspects the page it is on."""

    def __init__(self, context, label, axe):
        self.page = context.new_page()
        self.label = label
        self.axe = axe
        self.console_errors = []
        self.page.on("console", self.on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(error))

    def on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message)

    def check(self, what, status=None):
        """`status`: the HTTP error status this page is meant to have (Chromium logs it as an error)."""
        page, where = self.page, f"{self.label}, {what} ({self.page.url})"
        page.wait_for_load_state("load")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{where}: the page scrolls sideways by {overflow}px"
        page.evaluate(self.axe)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        blocking = [
            (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"][:3]])
            for violation in result["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
        assert not blocking, f"{where}: axe-core finds {blocking}"
        errors = [str(error) for error in self.console_errors if not self.is_own_status(error, status)]
        assert not errors, f"{where}: console errors {errors}"
        self.console_errors.clear()
        if SCREENSHOTS:
            name = re.sub(r"\W+", "-", f"{self.label} {what}").strip("-")
            page.screenshot(path=f"{SCREENSHOTS}{name}.png", full_page=True)

    def is_own_status(self, message, status):
        return (
            status is not None
            and isinstance(message, ConsoleMessage)
            and message.location.get("url") == self.page.url
            and message.text.endswith(f"status of {status} ({HTTPStatus(status).phrase})")
        )

    def right_edges(self, selector):
        """The end edges (right in ltr, left in rtl) of the elements `selector` matches, in px."""
        return self.page.locator(selector).evaluate_all(
            """els => els.map(el => {
                const box = el.getBoundingClientRect();
                return Math.round(document.dir === "rtl" ? box.left : box.right);
            })"""
        )


@pytest.fixture
def buyer_site(transactional_db):
    cache.clear()
    _home, _products, makers = factories.build_site()
    kabut = factories.make_vendor(makers, "Atelier Kabut Porselen", contact_email="owner@kabut.example")
    burner = factories.make_product(
        kabut,
        "Porcelain aroma burner",
        tiers=((500, 120),),
        samples_available=True,
        sample_price=1500,
        sample_max_quantity=3,
    )
    return {code: burner.get_translation(factories.locale(code)) for code in LANGUAGES}


def send_inquiry(visit, email):
    page = visit.page
    page.locator("#id_name").fill("Kenji Sato")
    page.locator("#id_company").fill("Sato Zakka Trading")
    page.locator("#id_email").fill(email)
    page.locator("#id_country").select_option("JP")
    page.locator("#id_destination").fill("Osaka, JP")
    page.locator("#id_message").fill("Please quote 1,000 pieces in the celadon glaze for Osaka.")
    page.locator(".inquiry-form button[type=submit]").click()


def order_samples(visit, code, product):
    page = visit.page
    page.goto(product.url)
    label = page.locator(".add-sample label")
    lines = label.evaluate(
        "l => l.getBoundingClientRect().height / parseFloat(getComputedStyle(l).lineHeight)"
    )
    assert lines < 1.5, f"{visit.label}: 'Number of samples' wraps over {lines:.1f} lines"
    page.locator(f"#sample-quantity-{product.pk}").fill("2")
    page.locator(".add-sample button[type=submit]").click()
    added = page.locator(f".message--success a[href='/{code}/samples/']")
    added.wait_for()
    visit.check("product page with the sample added")

    # Without JavaScript the product page's form arrives on a page that asks to confirm.
    page.goto(f"/{code}/samples/add/?product={product.pk}&quantity=1")
    visit.check("sample confirmation without JavaScript")
    page.locator(".add-sample button[type=submit]").click()
    added.wait_for()

    added.click()
    page.wait_for_url(f"**/{code}/samples/")
    page.locator(".sample-line").wait_for()
    assert page.locator(f"#qty-{product.pk}").input_value() == "3"
    visit.check("sample box")
    assert len(set(visit.right_edges(".summary-panel .order-totals dd"))) == 1, "the totals line up"

    page.locator(f"a[href='/{code}/samples/checkout/']").click()
    page.wait_for_url(f"**/{code}/samples/checkout/")
    visit.check("checkout")
    assert len(set(visit.right_edges(".checkout__summary .order-totals dd"))) == 1, "the totals line up"
    page.locator("#id_name").fill("Mia Tan")
    page.locator("#id_email").fill("mia@example.sg")
    page.locator("#id_address_line1").fill("1 Example Road")
    page.locator("#id_city").fill("Singapore")
    page.locator("#id_country").select_option("SG")
    page.locator(".checkout__form button[type=submit]").click()

    page.locator("h1", has_text=re.compile(r"SMP-\d{4}-\d{6}")).wait_for()
    visit.check("order page")


@pytest.mark.e2e
def test_buyer_pages_at_phone_and_desktop_widths_in_english_and_arabic(
    browser, live_server, django_db_serialized_rollback, buyer_site, settings
):
    settings.STRIPE_SECRET_KEY = ""  # invoice mode
    settings.INQUIRY_RATE_LIMIT_PER_EMAIL = 1  # the second inquiry from one buyer is refused
    axe = axe_source()

    for width in WIDTHS:
        for code in LANGUAGES:
            label = f"{width}px {code}"
            context = browser.new_context(
                base_url=live_server.url,
                viewport={"width": width, "height": 900},
                # One browser per journey for the rate limit, which counts a browser by its User-Agent.
                user_agent=f"Mozilla/5.0 (buyer-pages e2e {label}) Chromium",
            )
            try:
                visit = Visit(context, label, axe)
                product = buyer_site[code]
                email = f"kenji.{width}.{code}@zakka.example"

                visit.page.goto(product.url)
                visit.page.locator(".product__actions a[href*='/inquiries/new/']").click()
                visit.page.wait_for_url(re.compile(rf"/{code}/inquiries/new/\?product="))
                form_url = visit.page.url
                visit.check("inquiry form")
                send_inquiry(visit, email)
                visit.page.wait_for_url(re.compile(rf"/{code}/inquiries/thanks/"))
                visit.check("inquiry sent")
                reference = visit.page.locator(".inquiry__reference strong").inner_text()
                assert Inquiry.objects.filter(reference=reference, email=email).exists()

                visit.page.goto(form_url)
                send_inquiry(visit, email)
                visit.page.locator(".error-summary__refusal").wait_for()
                visit.check("inquiry refused by the rate limit", status=429)
                assert Inquiry.objects.filter(email=email).count() == 1

                order_samples(visit, code, product)
            finally:
                context.close()

    assert SampleOrder.objects.count() == len(WIDTHS) * len(LANGUAGES)
