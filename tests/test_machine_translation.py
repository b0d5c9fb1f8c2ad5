"""Machine-translated drafts: with DEEPL_API_KEY set, a translator fills a page's untranslated strings
from DeepL (here a local stand-in) in wagtail-localize's editor, reviews them, and a curator
publishes; without a key the editor has no such button."""

import html
import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation

from catalog.review import ensure_translators
from storefront.settings.base import machine_translator
from tests import factories
from tests.deepl_standin import DeepLStandIn

pytestmark = pytest.mark.django_db

TITLE = "Hand-painted porcelain aroma burner"
SUMMARY = "Tea-light aromatherapy burner in white Malang porcelain"


@pytest.fixture
def deepl():
    server = DeepLStandIn().start()
    yield server
    server.stop()


@pytest.fixture
def deepl_on(settings, deepl):
    """DEEPL_API_KEY set to the stand-in's key and DEEPL_API_URL to its address, as settings read them."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(deepl.auth_key, deepl.url)
    return deepl


@pytest.fixture
def translator(site_tree):
    user = get_user_model().objects.create_user("penerjemah@example.com", "penerjemah@example.com", "pw")
    user.groups.add(ensure_translators())
    return user


@pytest.fixture
def curator(db):
    return get_user_model().objects.create_superuser("kurator", "kurator@example.com", "pw")


@pytest.fixture
def start_translation(client, translator, django_capture_on_commit_callbacks):
    """The translator opens a product's copy in `code`, clicks "Translate this page" and submits;
    returns the copy's editor URL and its translated page."""

    def _start(page, code):
        client.force_login(translator)
        copy = page.get_translation(factories.locale(code))
        edit_url = reverse("wagtailadmin_pages:edit", args=[copy.pk])
        assert "Translate this page" in client.get(edit_url).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                {"locales": [factories.locale(code).pk], "next": edit_url},
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        return edit_url, type(copy).objects.get(pk=copy.pk)

    return _start


def editor(client, edit_url):
    """What wagtail-localize's translation editor is given to show (its React component's props)."""
    response = client.get(edit_url)
    assert response.status_code == 200
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode())
    assert match, "the page's editor is not wagtail-localize's translation editor"
    return json.loads(html.unescape(match.group(1)))


def segment_id(props, source):
    return next(s["id"] for s in props["segments"] if s["type"] == "string" and s["source"] == source)


def shown_translations(props):
    """Segment id → (text, comment) of the translations the editor shows."""
    return {t["segment_id"]: (t["data"], t["comment"]) for t in props["initialStringTranslations"]}


def click_machine_translate(client, props, edit_url):
    """The "Translate with DeepL" form as the editor renders it: a POST back to the editor."""
    response = client.post(props["machineTranslator"]["url"], {"next": edit_url}, follow=True)
    assert response.status_code == 200
    return [str(message).strip() for message in response.context["messages"]]


def test_translator_gets_a_deepl_draft_that_visitors_see_once_published(
    client, product, deepl_on, translator, curator, start_translation, django_capture_on_commit_callbacks
):
    edit_url, copy = start_translation(product, "ja")
    props = editor(client, edit_url)
    assert props["machineTranslator"]["name"] == "DeepL"

    assert click_machine_translate(client, props, edit_url) == ["Successfully translated with DeepL."]

    # DeepL was asked once, with the key, from English into Japanese, for the page's strings.
    [request] = deepl_on.requests
    assert request["path"] == "/v2/translate"
    assert request["headers"]["Authorization"] == f"DeepL-Auth-Key {deepl_on.auth_key}"
    assert request["params"]["source_lang"] == ["EN"]
    assert request["params"]["target_lang"] == ["JA"]
    assert {TITLE, SUMMARY} <= set(request["params"]["text"])

    # The translator sees the drafts in the editor, marked as DeepL's.
    props = editor(client, edit_url)
    title_text, title_comment = shown_translations(props)[segment_id(props, TITLE)]
    assert title_text == f"[JA] {TITLE}"
    assert title_comment.startswith("Translated with DeepL on ")
    assert shown_translations(props)[segment_id(props, SUMMARY)][0] == f"[JA] {SUMMARY}"
    drafts = StringTranslation.objects.filter(locale=factories.locale("ja"))
    assert drafts.count() == len(request["params"]["text"])
    assert set(drafts.values_list("translation_type", "tool_name", "last_translated_by")) == {
        (StringTranslation.TRANSLATION_TYPE_MACHINE, "DeepL", translator.pk)
    }

    # Visitors still see the page as it was until it is published.
    response = client.get(copy.url)
    assert response.status_code == 200
    live = response.content.decode()
    assert TITLE in live
    assert "[JA]" not in live

    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    response = client.get(factories.fresh(copy).url)  # its slug is translated as well
    assert response.status_code == 200
    live = response.content.decode()
    assert f"[JA] {TITLE}" in live
    assert f"[JA] {SUMMARY}" in live


@pytest.mark.parametrize(("code", "deepl_code"), [("id", "ID"), ("zh-hans", "ZH-HANS"), ("ar", "AR")])
def test_each_language_is_asked_of_deepl_by_its_deepl_code(
    client, product, deepl_on, start_translation, code, deepl_code
):
    edit_url, _copy = start_translation(product, code)
    props = editor(client, edit_url)

    click_machine_translate(client, props, edit_url)

    assert [r["params"]["target_lang"] for r in deepl_on.requests] == [[deepl_code]]
    props = editor(client, edit_url)
    assert shown_translations(props)[segment_id(props, TITLE)][0] == f"[{deepl_code}] {TITLE}"


def test_without_a_key_the_editor_has_no_machine_translate_button(
    client, product, settings, deepl, start_translation
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator("", deepl.url)  # DEEPL_API_KEY empty
    edit_url, _copy = start_translation(product, "ja")

    assert editor(client, edit_url)["machineTranslator"] is None
    translation = Translation.objects.get(
        source__object_id=product.translation_key, target_locale=factories.locale("ja")
    )
    machine_url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert client.post(machine_url, {"next": edit_url}).status_code == 404
    assert deepl.requests == []


def test_a_refused_key_tells_the_translator_and_keeps_their_translations(
    client, product, settings, deepl, start_translation
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator("not-the-key", deepl.url)
    edit_url, _copy = start_translation(product, "ja")
    props = editor(client, edit_url)
    # The translator has already written the summary by hand.
    summary = next(s for s in props["segments"] if s["type"] == "string" and s["source"] == SUMMARY)
    response = client.put(
        summary["editUrl"],
        encode_multipart(BOUNDARY, {"value": "白い磁器のアロマバーナー"}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code == 201

    messages = click_machine_translate(client, props, edit_url)

    assert messages == [
        "DeepL refused the API key: ask the site's administrator to check DEEPL_API_KEY. "
        "Nothing was translated; the translations you had are unchanged."
    ]
    assert deepl.requests[0]["headers"]["Authorization"] == "DeepL-Auth-Key not-the-key"
    shown = shown_translations(editor(client, edit_url))
    assert list(shown) == [summary["id"]]
    text, comment = shown[summary["id"]]
    assert text == "白い磁器のアロマバーナー"
    assert comment.startswith("Translated manually on ")
    assert StringTranslation.objects.filter(locale=factories.locale("ja")).count() == 1
