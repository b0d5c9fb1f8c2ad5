"""The header's search box suggests products as a combobox a keyboard and a screen reader can use."""

import os

import pytest

from django.core.cache import cache
from django.core.management import call_command

from tests import factories
from tests.e2e.test_buyer_pages import Visit, axe_source

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def indexed_shop(transactional_db, settings):
    cache.clear()
    settings.WAGTAILSEARCH_BACKENDS = factories.search_backends(auto_update=True)
    _home, _products, makers = factories.build_site()
    kabut = factories.make_vendor(makers, "Atelier Kabut Porselen")
    burner = factories.make_product(kabut, "Porcelain aroma burner")
    factories.make_product(kabut, "Porcelain tea set")
    call_command("update_index", verbosity=0)
    return {code: burner.get_translation(factories.locale(code)) for code in ("en", "ar")}


@pytest.mark.e2e
@pytest.mark.parametrize(("code", "width"), [("en", 390), ("ar", 1280)])
def test_arrow_down_and_enter_open_the_suggested_product(
    browser, live_server, django_db_serialized_rollback, indexed_shop, code, width
):
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 800})
    try:
        visit = Visit(context, f"{width}px {code}", axe_source())
        page = visit.page
        page.goto(f"/{code}/")
        box = page.locator("#site-search-q")
        assert box.get_attribute("role") == "combobox"
        assert box.get_attribute("aria-expanded") == "false"

        box.press_sequentially("Porc", delay=40)
        options = page.locator("#site-search-suggestions [role=option]")
        options.first.wait_for()
        assert box.get_attribute("aria-expanded") == "true"
        assert box.get_attribute("aria-controls") == "site-search-suggestions"
        titles = options.locator(".site-search__option-title").all_inner_texts()
        assert sorted(titles) == ["Porcelain aroma burner", "Porcelain tea set"]
        visit.check("suggestions open")  # no sideways scroll, no console error, nothing axe blocks

        box.press("ArrowDown")
        chosen = box.get_attribute("aria-activedescendant")
        assert chosen == options.first.get_attribute("id")
        assert options.first.get_attribute("aria-selected") == "true"
        box.press("Escape")
        assert box.get_attribute("aria-expanded") == "false"
        assert box.get_attribute("aria-activedescendant") is None

        box.press("ArrowDown")  # opens the list again, on the first suggestion
        target = options.nth(titles.index("Porcelain aroma burner"))
        while target.get_attribute("aria-selected") != "true":
            box.press("ArrowDown")
        box.press("Enter")
        page.wait_for_url(f"**{indexed_shop[code].url}")
    finally:
        context.close()
