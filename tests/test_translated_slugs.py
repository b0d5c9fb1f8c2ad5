"""A translated page keeps its source's slug, so a machine translation into Japanese still publishes."""

from wagtail_localize.models import StringSegment, TranslationSource

from tests import factories


def test_a_japanese_translation_keeps_the_english_slug_and_publishes(client, site_tree, product):
    source, _ = TranslationSource.get_or_create_from_instance(product)
    segments = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert product.slug not in segments  # a translator or DeepL is never asked to translate it

    translated = factories.translate_page(
        product, "ja", {product.title: "磁器の花瓶", product.slug: "磁器の花瓶"}
    )

    assert translated.slug == product.slug
    assert translated.live and translated.title == "磁器の花瓶"
    assert translated.url.startswith("/ja/") and translated.url.endswith(f"/{product.slug}/")
    response = client.get(translated.url)
    assert response.status_code == 200
    assert "磁器の花瓶" in response.content.decode()
