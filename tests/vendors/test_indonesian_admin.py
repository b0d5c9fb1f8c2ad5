"""A maker reads the Wagtail admin in Indonesian: no English interface word on the screens it uses.

The English words looked for are Wagtail's own admin strings (the msgids of its English catalogues)
as they appear on those screens: a text or a label that is exactly one of them, where the
Indonesian admin would show its translation, is English a maker had to read.
"""

import json
import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

import wagtail

from tests import factories

pytestmark = pytest.mark.django_db

WAGTAIL = Path(wagtail.__file__).parent
# Wagtail's strings that read the same in Indonesian, or are names rather than words.
SAME_IN_INDONESIAN = {"Status", "Email", "Login", "Logo", "Wagtail", "Admin", "Live"}
# Written in English in Wagtail 8's own templates, not through gettext: no catalogue can translate
# them. The dashboard's search button, seen only by screen readers.
HARD_CODED = {"Search"}
ATTRIBUTES = ("placeholder", "title", "aria-label", "data-w-tooltip-content-value", "alt")


def wagtail_msgids():
    """Every English string of Wagtail's admin catalogues, with its placeholders as patterns."""
    msgids = set()
    for po in WAGTAIL.glob("**/locale/en/LC_MESSAGES/*.po"):
        for entry in polib.pofile(str(po)):
            for text in (entry.msgid, entry.msgid_plural):
                words = re.sub(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", "", text).strip(" :")
                if re.search(r"[A-Za-z]{3}", words) and words not in SAME_IN_INDONESIAN:
                    msgids.add(text)
    return msgids


def as_pattern(msgid):
    parts = re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", msgid)
    return re.compile(r"\s*" + r".+?".join(re.escape(part.strip()) for part in parts) + r"\s*$")


@pytest.fixture(scope="module")
def english():
    msgids = wagtail_msgids()
    plain = {text for text in msgids if "%" not in text and "{" not in text}
    patterns = [
        as_pattern(text) for text in msgids - plain if len(re.sub(r"%\(\w+\)[sd]|%[sd]", "", text)) > 5
    ]
    return plain, patterns


def readable_texts(html):
    """What a maker reads on a screen: its texts and the labels of its controls."""
    page = BeautifulSoup(html, "html.parser")
    sidebar = page.find("script", id="wagtail-sidebar-props")
    labels = set(sidebar_labels(json.loads(sidebar.string))) if sidebar else set()
    for hidden in page(["script", "style", "template", "noscript"]):
        hidden.decompose()
    for hidden in page.find_all(attrs={"hidden": True}):
        hidden.decompose()
    texts = {" ".join(text.split()) for text in page.stripped_strings}
    for attribute in ATTRIBUTES:
        texts |= {" ".join(tag[attribute].split()) for tag in page.find_all(attrs={attribute: True})}
    texts |= {tag["value"] for tag in page.find_all("input", attrs={"type": "submit", "value": True})}
    return {text for text in texts | labels if text}


def sidebar_labels(props):
    """The menu's labels, which the sidebar's script writes (Wagtail's telepath-packed props)."""
    if isinstance(props, dict):
        if isinstance(props.get("label"), str):
            yield props["label"]
        for value in props.values():
            yield from sidebar_labels(value)
    elif isinstance(props, list):
        for value in props:
            yield from sidebar_labels(value)


def english_on(html, english):
    plain, patterns = english
    found = set()
    for text in readable_texts(html) - HARD_CODED:
        bare = text.rstrip(":").strip()
        if bare in plain or text in plain or any(pattern.match(text) for pattern in patterns):
            found.add(text)
    return found


def screens(maker):
    return {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{maker.vendor.pk}/",
        "editor": f"/admin/pages/{maker.product.pk}/edit/",
        "new product": f"/admin/pages/add/catalog/productpage/{maker.vendor.pk}/",
        "inbox": "/admin/inquiries/",
        "inquiry": "/admin/inquiries/inspect/{inquiry}/",
    }


def test_no_english_wagtail_word_on_a_makers_screens(client_a, maker_a, english):
    inquiry = factories.make_inquiry(
        maker_a.vendor,
        maker_a.product,
        name="Hana Sato",
        company="Sato Trading",
        email="hana@example.jp",
        country="JP",
        quantity=200,
        destination="Osaka",
        message="Could you quote 200 pieces?",
        language_code="ja",
    )
    read, html = {}, {}
    for screen, url in screens(maker_a).items():
        response = client_a.get(url.format(inquiry=inquiry.pk))
        assert response.status_code == 200, (screen, response.status_code)
        html[screen] = response.content.decode()
        read[screen] = english_on(html[screen], english)
    assert read == {screen: set() for screen in read}
    # What the maker saw (the test's list of texts read is `read`): and on the sidebar, in Indonesian.
    sidebar = readable_texts(html["dashboard"])
    assert {"Halaman", "Permintaan penawaran", "Akun"} <= sidebar
    assert "Bantuan" not in sidebar  # Wagtail's help: its English guide and release notes
    # No avatar from gravatar.com, which would learn who is signed in.
    assert not any("gravatar.com" in page for page in html.values())
    # No "Copy": Wagtail offers it to whoever may edit, and it failed for every maker.
    assert not any("/copy/" in page for page in html.values())
    assert client_a.get(f"/admin/pages/{maker_a.product.pk}/copy/").status_code in (302, 403)


def test_the_dashboard_counts_a_makers_own_pages(client_a, maker_a, maker_b):
    dashboard = BeautifulSoup(client_a.get("/admin/").content.decode(), "html.parser")
    count = dashboard.find("a", href=f"/admin/pages/{maker_a.vendor.pk}/")
    # Its maker page and its one product, not every page of the site in five languages.
    assert (
        count is not None
        and " ".join(count.get_text().split()) == "2 Halaman dibuat di Atelier Alpha Porselen"
    )
