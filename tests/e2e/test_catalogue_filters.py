"""A buyer in Chromium filters the catalogue with the keyboard alone, quickly: the URL, the controls
and the results agree at the end, whatever order the responses came back in, and the focus stays
where the buyer was. On a phone the filters fold behind a "Filters (n)" toggle, with or without
JavaScript."""

import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from django.core.cache import cache

from catalog.models import ProductIndexPage, ProductPage
from tests import factories

RESULTS_SETTLED = "() => !document.querySelector('[data-catalogue-results]').hasAttribute('aria-busy')"


def build_catalogue():
    cache.clear()
    _home, products, makers = factories.build_site()
    potter = factories.make_vendor(makers, "Studio Lempung", sector="crafts", district="blimbing")
    weaver = factories.make_vendor(makers, "Anyam Lowokwaru", sector="crafts", district="lowokwaru")
    snacks = factories.make_vendor(makers, "Renyah Kedelai", sector="processed-food", district="blimbing")
    sample = {"samples_available": True, "sample_price": 500}
    factories.make_product(potter, "Porcelain vase", **sample)
    factories.make_product(potter, "Porcelain bowl", **sample)
    factories.make_product(potter, "Porcelain mug set")
    factories.make_product(weaver, "Rattan basket", **sample)
    factories.make_product(snacks, "Tempe chips original", **sample)
    return products


@pytest.mark.e2e
def test_three_quick_keyboard_changes_end_with_url_controls_and_results_in_agreement(
    transactional_db, page, monkeypatch
):
    products = build_catalogue()
    # The first change's response is held back until the last change's has been made, so that it
    # comes back last: the page must not let it overwrite the buyer's last choice.
    last_served, slow_served = threading.Event(), threading.Event()
    get_context = ProductIndexPage.get_context

    def first_response_last(self, request, *args, **kwargs):
        fetched = request.headers.get("X-Requested-With") == "fetch"
        first = fetched and "district" not in request.GET
        if first:
            last_served.wait(10)
            time.sleep(0.3)
        try:
            return get_context(self, request, *args, **kwargs)
        finally:
            if first:
                slow_served.set()
            elif fetched and "samples" in request.GET:
                last_served.set()

    monkeypatch.setattr(ProductIndexPage, "get_context", first_response_last)

    page.goto(products.url)
    page.locator("#filter-sector").focus()
    page.keyboard.press("ArrowDown")  # Sector: Crafts
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # District: Blimbing
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # Samples available
    page.wait_for_function(RESULTS_SETTLED)
    assert slow_served.wait(15), "the first request never reached the server"
    page.wait_for_timeout(300)  # time enough for its response to arrive, were it used
    page.wait_for_function(RESULTS_SETTLED)

    query = parse_qs(urlsplit(page.url).query)
    query.pop("sort", None)
    assert query == {"sector": ["crafts"], "district": ["blimbing"], "samples": ["1"]}
    assert page.locator("#filter-sector").input_value() == "crafts"
    assert page.locator("#filter-district").input_value() == "blimbing"
    assert page.locator("#filter-samples").is_checked()
    expected = ProductPage.objects.live().filter(
        locale=products.locale, vendor__sector="crafts", vendor__district="blimbing", samples_available=True
    )
    shown = page.locator("[data-catalogue-results] .card__title").all_inner_texts()
    assert (
        sorted(shown)
        == sorted(expected.values_list("title", flat=True))
        == ["Porcelain bowl", "Porcelain vase"]
    )
    assert page.locator(".applied-filters .chip").count() == 3
    assert page.locator("[data-catalogue-toggle]").inner_text().strip() == "Filters (3)"
    assert page.evaluate("document.activeElement.id") == "filter-samples"


@pytest.mark.e2e
def test_on_a_phone_the_filters_fold_behind_a_toggle_without_javascript(
    transactional_db, browser, live_server, django_db_serialized_rollback, monkeypatch
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # as the `page` fixture does
    products = build_catalogue()
    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, java_script_enabled=False
    )
    tab = phone.new_page()
    tab.goto(f"{products.url}?sector=crafts&samples=1")
    toggle = tab.locator("[data-catalogue-toggle]")
    assert toggle.inner_text().strip() == "Filters (2)"
    assert not tab.locator("#filter-district").is_visible()
    # The results start within the first screen.
    assert tab.locator(".applied-filters").bounding_box()["y"] < 740
    toggle.focus()
    tab.keyboard.press("Enter")
    district = tab.locator("#filter-district")
    assert district.is_visible()
    district.select_option("lowokwaru")
    tab.get_by_role("button", name="Show products").click()
    tab.wait_for_url("**district=lowokwaru**")
    assert tab.locator("[data-catalogue-results] .card__title").all_inner_texts() == ["Rattan basket"]
    phone.close()

    # From 640 px up the filters are shown beside or above the results, toggle hidden, even without JS.
    desktop = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    tab = desktop.new_page()
    tab.goto(products.url)
    assert tab.locator("#filter-district").is_visible()
    assert not tab.locator("[data-catalogue-toggle]").is_visible()
    desktop.close()
