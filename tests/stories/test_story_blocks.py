"""A story using every block renders each one in English and, once translated, in Indonesian."""

import re

import pytest

from catalog.models import ProductPage
from tests import factories
from tests.stories.conftest import make_story, rich

pytestmark = pytest.mark.django_db

TRANSLATIONS = {
    "Sanan tempe chips get a new pouch": "Keripik tempe Sanan dapat kemasan baru",
    "How a Sanan maker moved from clear plastic to a printed export pouch": (
        "Bagaimana perajin Sanan beralih dari plastik bening ke kemasan ekspor bercetak"
    ),
    "Our first pouch was clear plastic.": "Kemasan pertama kami plastik bening.",
    "The packed chips on the drying rack": "Keripik yang sudah dikemas di rak pengering",
    "A pouch on the drying rack": "Kemasan di rak pengering",
    "Photo: Studio Kabut": "Foto: Studio Kabut",
    "Slicing the tempe": "Mengiris tempe",
    "Tempe sliced thin by hand": "Tempe diiris tipis dengan tangan",
    "Sealing the pouch": "Menyegel kemasan",
    "A pouch in the heat sealer": "Kemasan di mesin segel panas",
    "Buyers in Osaka asked for the ingredients in English first.": (
        "Pembeli di Osaka meminta daftar bahan dalam bahasa Inggris lebih dulu."
    ),
    "Bu Purwati, owner": "Bu Purwati, pemilik",
    "Before": "Sebelum",
    "After": "Sesudah",
    "Clear bag, hand-written label": "Kantong bening, label tulis tangan",
    "Brand colours": "Warna merek",
    "Batik indigo": "Nila batik",
    "Turmeric": "Kunyit",
    "Our bestseller": "Produk terlaris kami",
    "The makers": "Para perajin",
    "Packaging design": "Desain kemasan",
    "Photography": "Fotografi",
}


@pytest.fixture
def full_story(sections, images, product, vendor):
    body = [
        ("text", rich("<p>Our first pouch was clear plastic.</p>")),
        (
            "image",
            {
                "image": images["figure"],
                "alt_text": "A pouch on the drying rack",
                "caption": "The packed chips on the drying rack",
                "credit": "Photo: Studio Kabut",
            },
        ),
        (
            "gallery",
            {
                "images": [
                    {
                        "image": images["gallery-1"],
                        "alt_text": "Tempe sliced thin by hand",
                        "caption": "Slicing the tempe",
                    },
                    {
                        "image": images["gallery-2"],
                        "alt_text": "A pouch in the heat sealer",
                        "caption": "Sealing the pouch",
                    },
                ]
            },
        ),
        (
            "quote",
            {
                "text": "Buyers in Osaka asked for the ingredients in English first.",
                "attribution": "Bu Purwati, owner",
            },
        ),
        (
            "before_after",
            {
                "before_image": images["before"],
                "before_label": "Before",
                "after_image": images["after"],
                "after_label": "After",
                "caption": "Clear bag, hand-written label",
            },
        ),
        (
            "palette",
            {
                "title": "Brand colours",
                "swatches": [
                    {"name": "Batik indigo", "hex": "#1e2b5e"},
                    {"name": "Turmeric", "hex": "#F2C14E"},
                ],
            },
        ),
        ("product", {"product": product, "note": "Our bestseller"}),
        ("maker", {"vendor": vendor, "note": "The makers"}),
        (
            "credits",
            {
                "credits": [
                    {
                        "role": "Packaging design",
                        "name": "Rina Wulandari",
                        "studio": "Studio Kabut",
                        "url": "https://studio-kabut.example",
                    },
                    {"role": "Photography", "name": "Dimas Prakoso", "studio": "", "url": ""},
                ]
            },
        ),
    ]
    story = make_story(
        sections["stories"],
        "Sanan tempe chips get a new pouch",
        intro="How a Sanan maker moved from clear plastic to a printed export pouch",
        body=body,
        topic="packaging",
    )
    translated = factories.translate_page(story, "id", TRANSLATIONS)
    return story, translated


def _swatch(html, hex_code):
    match = re.search(
        r'<li class="swatch" style="background-color: ' + hex_code + r'; color: (#\w{6});">', html
    )
    assert match, f"no swatch for {hex_code}"
    return match.group(1)


def test_every_block_renders_in_english(client, full_story, product, vendor):
    story, _translated = full_story
    response = client.get(story.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Our first pouch was clear plastic." in html  # rich text
    assert 'alt="A pouch on the drying rack"' in html  # image with caption and credit
    assert "The packed chips on the drying rack" in html
    assert "Photo: Studio Kabut" in html
    assert 'alt="Tempe sliced thin by hand"' in html and "Slicing the tempe" in html  # gallery
    assert 'alt="A pouch in the heat sealer"' in html and "Sealing the pouch" in html
    assert "Buyers in Osaka asked for the ingredients in English first." in html  # quote
    assert "Bu Purwati, owner" in html
    assert 'class="story-before-after__label">Before<' in html  # before / after
    assert "After</figcaption>" in html and "Clear bag, hand-written label" in html
    assert "Brand colours" in html and "Batik indigo" in html and "#1E2B5E" in html  # palette
    # Text on each swatch is whichever of black and white reads better on it.
    assert _swatch(html, "#1E2B5E") == "#FFFFFF"
    assert _swatch(html, "#F2C14E") == "#000000"
    assert f'href="{product.url}"' in html and product.title in html and "Our bestseller" in html  # product
    assert "100 pieces" in html  # the product's live MOQ
    assert f'href="{vendor.url}"' in html and vendor.title in html and "The makers" in html  # maker
    assert "Packaging design" in html and "Rina Wulandari" in html  # credits
    assert '<a href="https://studio-kabut.example" rel="noopener">Studio Kabut</a>' in html
    assert "Dimas Prakoso" in html


def test_every_block_renders_in_indonesian(client, full_story, product, vendor):
    story, translated = full_story
    assert translated.url.startswith("/id/stories/")
    response = client.get(translated.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="id"' in html
    assert "Keripik tempe Sanan dapat kemasan baru" in html
    assert "Kemasan pertama kami plastik bening." in html
    assert "Our first pouch was clear plastic." not in html
    assert 'alt="Kemasan di rak pengering"' in html and "Keripik yang sudah dikemas di rak pengering" in html
    assert "Foto: Studio Kabut" in html
    assert 'alt="Tempe diiris tipis dengan tangan"' in html and "Mengiris tempe" in html
    assert "Menyegel kemasan" in html
    assert "Pembeli di Osaka meminta daftar bahan dalam bahasa Inggris lebih dulu." in html
    assert "Bu Purwati, pemilik" in html
    assert 'class="story-before-after__label">Sebelum<' in html and "Sesudah</figcaption>" in html
    assert "Kantong bening, label tulis tangan" in html
    assert "Warna merek" in html and "Nila batik" in html and "Kunyit" in html
    assert _swatch(html, "#1E2B5E") == "#FFFFFF"  # hex codes are not translated
    # The cards link to the product and maker as the Indonesian site shows them.
    product_id = product.get_translation(translated.locale)
    vendor_id = vendor.get_translation(translated.locale)
    assert product_id.url.startswith("/id/")
    assert f'href="{product_id.url}"' in html and "Produk terlaris kami" in html
    assert f'href="{vendor_id.url}"' in html and "Para perajin" in html
    assert f'href="{product.url}"' not in html
    assert "Desain kemasan" in html and "Fotografi" in html and "Rina Wulandari" in html


def test_card_of_an_unpublished_product_renders_nothing_broken(client, sections, product):
    story = make_story(
        sections["stories"],
        "A story about a withdrawn product",
        body=[
            ("text", rich("<p>Still readable.</p>")),
            ("product", {"product": product, "note": "Gone soon"}),
        ],
    )
    for copy in ProductPage.objects.filter(translation_key=product.translation_key):
        copy.unpublish()
    response = client.get(story.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Still readable." in html
    assert product.url not in html
    assert product.title not in html
    assert "Featured product" not in html


def test_card_of_a_deleted_product_renders_nothing_broken(client, sections, product):
    story = make_story(
        sections["stories"],
        "A story about a deleted product",
        body=[("text", rich("<p>Still readable.</p>")), ("product", {"product": product, "note": "Gone"})],
    )
    url = product.url
    for copy in ProductPage.objects.filter(translation_key=product.translation_key).order_by("-alias_of"):
        copy.delete()
    response = client.get(story.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Still readable." in html and url not in html and "Featured product" not in html


def test_palette_refuses_a_colour_that_is_not_rrggbb():
    from django.core.exceptions import ValidationError

    from stories.blocks import SwatchBlock

    block = SwatchBlock()
    with pytest.raises(ValidationError):
        block.clean({"name": "Too short", "hex": "#12345"})
    assert block.clean({"name": "Indigo", "hex": "#1E2B5E"})["hex"] == "#1E2B5E"
