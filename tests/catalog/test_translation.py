"""Pages reach every locale, translations made with wagtail-localize show at their own URLs,
and no locale passes off another language's text as its own."""

import pytest

from wagtail.models import Locale

from catalog.models import ProductPage
from tests import factories


def test_pages_created_in_code_get_a_copy_in_every_locale(product):
    copies = ProductPage.objects.filter(translation_key=product.translation_key)
    assert sorted(copies.values_list("locale__language_code", flat=True)) == [
        "ar",
        "en",
        "id",
        "ja",
        "zh-hans",
    ]
    assert all(copy.alias_of_id == product.id for copy in copies.exclude(pk=product.pk))


def test_translated_product_shows_indonesian_text_at_its_id_url(client, product):
    translated = factories.translate_page(
        product,
        "id",
        {
            "Hand-painted porcelain aroma burner": "Tungku aroma porselen lukis tangan",
            "Tea-light aromatherapy burner in white Malang porcelain": (
                "Tungku aromaterapi porselen putih Malang"
            ),
        },
    )
    assert translated.alias_of_id is None
    assert translated.url.startswith("/id/")

    html = client.get(translated.url).content.decode()
    assert '<html lang="id"' in html
    assert "Tungku aroma porselen lukis tangan" in html
    assert "Tungku aromaterapi porselen putih Malang" in html
    # Numbers and codes are synchronised, not translated.
    assert "6913.10" in html

    english = client.get(product.url).content.decode()
    assert "Hand-painted porcelain aroma burner" in english
    assert "Tungku" not in english


def test_translated_product_is_listed_in_the_indonesian_catalogue(client, site_tree, product):
    factories.translate_page(product, "id", {"Hand-painted porcelain aroma burner": "Tungku aroma porselen"})
    catalogue = site_tree["products"].get_translation(Locale.objects.get(language_code="id"))
    html = client.get(catalogue.url).content.decode()
    assert "Tungku aroma porselen" in html


def test_product_written_in_indonesian_is_not_shown_as_english(client, site_tree, vendor):
    indonesian = Locale.objects.get(language_code="id")
    vendor_id = vendor.get_translation(indonesian)
    product = factories.make_product(vendor_id, "Keripik tempe Sanan", summary="Keripik tempe tipis renyah")
    # Nothing syncs from Indonesian, so English has no copy until someone makes one.
    assert not ProductPage.objects.filter(translation_key=product.translation_key, locale__language_code="en")
    english_copy = product.copy_for_translation(Locale.get_default(), alias=True)

    catalogue = client.get(site_tree["products"].url).content.decode()
    assert "Keripik tempe Sanan" not in catalogue

    page = client.get(english_copy.url).content.decode()
    assert "has not been translated into your language yet" in page


@pytest.mark.parametrize("code", ["zh-hans", "ja", "ar"])
def test_untranslated_english_product_is_marked_in_other_catalogues(client, site_tree, product, code):
    catalogue = site_tree["products"].get_translation(Locale.objects.get(language_code=code))
    html = client.get(catalogue.url).content.decode()
    assert "Hand-painted porcelain aroma burner" in html
    assert 'lang="en"' in html
