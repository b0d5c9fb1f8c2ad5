"""The curators' translation dashboard: per locale, translated, stale and missing pages, with links."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from catalog import translation_dashboard
from tests import factories
from tests.vendors.conftest import curator, maker_a, review, shared_makers  # noqa: F401

pytestmark = pytest.mark.django_db

URL = "/admin/translation-status/"
OTHER_LOCALES = ["ar", "id", "ja", "zh-hans"]


@pytest.fixture(scope="module")
def studio(module_db):
    """A maker with two products, in English with aliases in every other locale."""
    _home, _products, makers = factories.site()
    vendor = factories.make_vendor(makers, "Studio Batik Celaket")
    return {
        "vendor": vendor,
        "scarf": factories.make_product(vendor, "Batik silk scarf", summary="Hand-drawn batik on silk"),
        "shirt": factories.make_product(vendor, "Batik cotton shirt", summary="Stamped batik on cotton"),
    }


@pytest.fixture
def pages(studio):
    return {name: factories.fresh(page) for name, page in studio.items()}


@pytest.fixture
def curator_client(client, curator):  # noqa: F811
    client.force_login(curator)
    return client


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def summary(response):
    """{language code: {"translated", "up_to_date", "stale", "missing", "total"}} as the table shows it."""
    table = {}
    for row in soup(response).select("[data-translation-summary] tbody tr"):
        table[row["data-locale"]] = {
            cell["data-count"]: int(cell.get_text()) for cell in row.select("[data-count]")
        }
    return table


def listed(response):
    """{page id: (state, link)} of the list's rows."""
    return {
        int(row["data-page"]): (row["data-state"], row.select_one("a.button")["href"])
        for row in soup(response).select("[data-translation-list] tbody tr[data-page]")
    }


def expected_counts(code, stale_keys=()):
    """What the dashboard should say for `code`, counted from the page tree itself."""
    default = Locale.get_default()
    sources = Page.objects.live().filter(locale=default, alias_of__isnull=True, depth__gt=1)
    keys = set(sources.values_list("translation_key", flat=True))
    translated = {
        page.translation_key
        for page in Page.objects.filter(locale__language_code=code, alias_of__isnull=True)
        if page.translation_key in keys
    }
    stale = len(translated & set(stale_keys))
    return {
        "translated": len(translated),
        "up_to_date": len(translated) - stale,
        "stale": stale,
        "missing": len(keys) - len(translated),
        "total": len(keys),
    }


def edit_and_publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    return factories.publish(page)


def test_counts_match_the_page_tree_after_translating(curator_client, pages):
    scarf, shirt, vendor = pages["scarf"], pages["shirt"], pages["vendor"]
    before = summary(curator_client.get(URL))
    assert sorted(before) == OTHER_LOCALES
    factories.translate_page(scarf, "id", {"Batik silk scarf": "Selendang sutra batik"})
    factories.translate_page(scarf, "ja", {"Batik silk scarf": "バティックのシルクスカーフ"})
    factories.translate_page(shirt, "id", {"Batik cotton shirt": "Kemeja katun batik"})
    factories.translate_page(vendor, "id", {})

    after = summary(curator_client.get(URL))
    for code in OTHER_LOCALES:
        assert after[code] == expected_counts(code), code
    assert after["id"]["translated"] == before["id"]["translated"] + 3
    assert after["id"]["missing"] == before["id"]["missing"] - 3
    assert after["ja"]["translated"] == before["ja"]["translated"] + 1
    assert after["ar"] == before["ar"]


def test_editing_the_source_makes_its_translations_stale_until_synced(curator_client, pages):
    scarf, shirt = pages["scarf"], pages["shirt"]
    factories.translate_page(scarf, "id", {"Batik silk scarf": "Selendang sutra batik"})
    factories.translate_page(scarf, "ja", {"Batik silk scarf": "バティックのシルクスカーフ"})
    id_shirt = factories.translate_page(shirt, "id", {"Batik cotton shirt": "Kemeja katun batik"})
    assert summary(curator_client.get(URL))["id"]["stale"] == 0

    edit_and_publish(factories.fresh(scarf), summary="Hand-drawn batik on Malang silk")
    counts = summary(curator_client.get(URL))
    for code in OTHER_LOCALES:
        assert counts[code] == expected_counts(code, stale_keys=[scarf.translation_key]), code
    assert counts["id"]["stale"] == counts["ja"]["stale"] == 1
    rows = listed(curator_client.get(URL, {"locale": "id", "state": "stale"}))
    id_scarf = scarf.get_translation(factories.locale("id"))
    assert rows == {scarf.pk: ("stale", reverse("wagtailadmin_pages:edit", args=[id_scarf.pk]))}
    stale_row = soup(curator_client.get(URL, {"locale": "id", "state": "stale"})).select_one("tr[data-page]")
    sync_url = stale_row.select("a.button")[1]["href"]  # wagtail-localize's "Sync translated pages"
    source = TranslationSource.objects.get(object_id=scarf.translation_key, locale=scarf.locale)
    assert sync_url == reverse("wagtail_localize:update_translations", args=[source.pk])
    assert curator_client.get(sync_url).status_code == 200
    up_to_date = listed(curator_client.get(URL, {"locale": "id", "state": "up_to_date"}))
    assert up_to_date[shirt.pk] == ("up_to_date", reverse("wagtailadmin_pages:edit", args=[id_shirt.pk]))
    assert scarf.pk not in up_to_date

    # Syncing the Indonesian translation brings it up to date; the Japanese one stays stale even
    # though the source it was made from has been refreshed since.
    factories.translate_page(factories.fresh(scarf), "id", {"Batik silk scarf": "Selendang sutra batik"})
    counts = summary(curator_client.get(URL))
    assert counts["id"]["stale"] == 0
    assert counts["ja"]["stale"] == 1
    assert listed(curator_client.get(URL, {"locale": "ja", "state": "stale"})).keys() == {scarf.pk}


def test_a_translation_made_without_wagtail_localize_counts_and_goes_stale(curator_client, pages):
    scarf = pages["scarf"]
    arabic = factories.locale("ar")
    before = summary(curator_client.get(URL))["ar"]
    scarf.get_translation(arabic).delete()  # the alias, replaced by a copy edited by hand
    copy = scarf.copy_for_translation(arabic)
    copy.title = "وشاح حريري باتيك"
    factories.publish(copy)
    assert not TranslationSource.objects.filter(object_id=scarf.translation_key).exists()

    counts = summary(curator_client.get(URL))["ar"]
    assert counts == expected_counts("ar")
    assert (counts["translated"], counts["stale"]) == (before["translated"] + 1, 0)
    edit_and_publish(factories.fresh(scarf), summary="Hand-drawn batik on Malang silk")
    assert summary(curator_client.get(URL))["ar"] == expected_counts("ar", stale_keys=[scarf.translation_key])


def test_missing_rows_link_to_translate_and_translations_to_the_editor(curator_client, pages):
    scarf, shirt = pages["scarf"], pages["shirt"]
    ja_scarf = factories.translate_page(scarf, "ja", {"Batik silk scarf": "バティックのシルクスカーフ"})

    missing = listed(curator_client.get(URL, {"locale": "ja", "state": "missing"}))
    assert scarf.pk not in missing
    state, translate_url = missing[shirt.pk]
    assert state == "missing"
    assert translate_url.startswith(reverse("wagtail_localize:submit_page_translation", args=[shirt.pk]))
    form = soup(curator_client.get(translate_url))
    assert form.select_one("input[name=locales][checked]")["value"] == str(factories.locale("ja").pk)

    state, edit_url = listed(curator_client.get(URL, {"locale": "ja"}))[scarf.pk]
    assert state == "up_to_date"
    assert edit_url == reverse("wagtailadmin_pages:edit", args=[ja_scarf.pk])
    editor = soup(curator_client.get(edit_url))
    assert editor.select_one(".js-translation-editor") is not None  # wagtail-localize's, not the page form


def test_the_list_is_paginated_and_filtered_by_state(curator_client, pages, monkeypatch):
    everything = listed(curator_client.get(URL, {"locale": "ar"}))
    assert {state for state, _link in everything.values()} == {"missing"}
    assert listed(curator_client.get(URL, {"locale": "ar", "state": "stale"})) == {}
    monkeypatch.setattr(translation_dashboard, "PER_PAGE", 2)
    first = curator_client.get(URL, {"locale": "ar"})
    second = curator_client.get(URL, {"locale": "ar", "p": 2})
    assert len(listed(first)) == len(listed(second)) == 2
    assert not listed(first).keys() & listed(second).keys()
    assert soup(first).select_one("a[rel=next]")["href"].endswith("p=2")


def test_page_type_is_shown(curator_client, pages):
    body = soup(curator_client.get(URL, {"locale": "id", "state": "missing"}))
    row = body.select_one(f"tr[data-page='{pages['scarf'].pk}']")
    assert "Product" in row.get_text()  # ProductPage's verbose name


def test_query_count_does_not_grow_with_the_pages_listed(
    curator_client, pages, django_assert_max_num_queries
):
    query = {"locale": "id", "state": "missing"}
    curator_client.get(URL, query)  # warm: content types, site, menus
    with CaptureQueriesContext(connection) as few:
        response = curator_client.get(URL, query)
    assert 5 <= len(listed(response)) < 10
    for index in range(25):
        factories.make_product(pages["vendor"], f"Batik sample {index}")
    with django_assert_max_num_queries(len(few)):
        response = curator_client.get(URL, query)
    assert len(listed(response)) >= 30


def test_makers_are_refused_and_do_not_see_the_menu_item(client, maker_a, pages):  # noqa: F811
    client.force_login(maker_a.user)
    for query in ({}, {"locale": "id", "state": "missing"}):
        refused = client.get(URL, query)
        # Wagtail's answer to PermissionDenied in its admin: back to the dashboard, with its message.
        assert refused.status_code in (302, 403, 404)
        if refused.status_code == 302:
            assert refused["Location"] == reverse("wagtailadmin_home")
        assert pages["scarf"].title not in refused.content.decode()
    assert URL not in client.get("/admin/").content.decode()


def test_curators_see_it_in_the_menu_in_indonesian(curator_client, curator):  # noqa: F811
    profile = UserProfile.get_for_user(curator)
    profile.preferred_language = "id"
    profile.save()
    dashboard = curator_client.get("/admin/").content.decode()
    assert URL in dashboard
    body = soup(curator_client.get(URL))
    assert "Status terjemahan" in body.title.get_text()
    assert "Usang" in body.select_one("[data-translation-summary] thead").get_text()
