"""An Arabic buyer reads a product's minimum order, lead time and price tiers with each number beside
its unit, in Arabic order: the number first (on the right), then the unit ("500 عبوة"), never the
unit first nor the number carried to the other side of its unit by the surrounding text.

The text is read as Chromium renders it (`inner_text`), and where each part is drawn is measured:
in a right-to-left line the number, read first, stands to the right of its unit.
"""

import os
import re

import pytest

from django.core.cache import cache

from tests import factories

# Screenshots to look at by hand: E2E_PRODUCT_SCREENSHOTS=/tmp/screens/ (not kept by the suite).
SCREENSHOTS = os.environ.get("E2E_PRODUCT_SCREENSHOTS", "")
NUMBER = r"[0-9٠-٩][0-9٠-٩,٬.]*"
ARABIC_WORD = r"[\u0600-\u06ff]+"

# Where the number and the first Arabic word of an element's text are drawn (left edges, in px).
POSITIONS = """element => {
    const text = element.textContent;
    const number = /[0-9\u0660-\u0669]+/.exec(text);
    const word = /[\u0600-\u065f\u066e-\u06ff]+/.exec(text);
    const left = (match) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let offset = match.index, node;
        while ((node = walker.nextNode()) && offset >= node.length) offset -= node.length;
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + match[0].length);
        return range.getBoundingClientRect().left;
    };
    return {number: left(number), word: left(word)};
}"""


def build_product():
    cache.clear()
    _home, _products, makers = factories.build_site()
    maker = factories.make_vendor(makers, "Renyah Kedelai", sector="processed-food", district="blimbing")
    product = factories.make_product(
        maker,
        "Sanan tempe chips",
        summary="Thin tempe chips in a nitrogen-flushed export pouch.",
        tiers=((500, 120), (2000, 95)),
        unit="pouches",
        lead_time_days=14,
        samples_available=True,
        sample_price=800,
    )
    arabic = {"Sanan tempe chips": "رقائق تمبيه سانان", product.summary: "رقائق تمبيه رقيقة في عبوة تصدير."}
    japanese = {
        "Sanan tempe chips": "サナン村のテンペチップス",
        product.summary: "輸出用パウチ入りの極薄テンペチップス。",
    }
    return factories.translate_page(product, "ar", arabic), factories.translate_page(product, "ja", japanese)


@pytest.mark.e2e
def test_arabic_product_page_keeps_numbers_beside_their_units_in_arabic_order(transactional_db, page):
    arabic, japanese = build_product()
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.goto(arabic.url).status == 200
    assert page.locator("html").get_attribute("dir") == "rtl"

    facts = {
        "minimum order": page.locator(".product__panel dd.moq"),
        "lead time": page.locator(".product__panel dd.lead-time"),
        "price tier": page.locator(".price-tiers tbody tr").first.locator("td").first,
    }
    for what, element in facts.items():
        text = " ".join(element.inner_text().split())
        # The number first, its unit after it, all in Arabic: "500 عبوة", "14 يومًا", "500 عبوة فأكثر".
        assert re.fullmatch(rf"{NUMBER} {ARABIC_WORD}( {ARABIC_WORD})*", text), f"{what}: {text!r}"
        assert not re.search(r"[A-Za-z]", text), f"{what} has a word left in English: {text!r}"
        drawn = element.evaluate(POSITIONS)
        assert drawn["number"] > drawn["word"], f"{what}: {text!r} is drawn with its unit on the right"
    assert "500" in facts["minimum order"].inner_text() and "14" in facts["lead time"].inner_text()

    # Arabic punctuation in a sentence about samples: its full stop and its list comma are Arabic ones
    # or stand at the end of the line, never a Latin full stop before the first word.
    note = " ".join(page.locator(".samples p").last.inner_text().split())
    assert not note.startswith("."), note

    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}product-ar-390.png", full_page=True)
        assert page.goto(japanese.url).status == 200
        page.screenshot(path=f"{SCREENSHOTS}product-ja-390.png", full_page=True)
