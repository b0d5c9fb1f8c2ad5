"""Where stories show up: the story index, "Featured in" on products and makers, the home page, the feeds."""

import datetime

import feedparser
import pytest

from wagtail.models import Locale

from stories.models import CollectionPage, CollectionProduct
from tests import factories
from tests.stories.conftest import make_story, rich

pytestmark = pytest.mark.django_db


def test_story_featuring_a_product_appears_on_its_page_until_unpublished(client, sections, product, vendor):
    story = make_story(
        sections["stories"],
        "Aroma burners in a new gift box",
        body=[("product", {"product": product, "note": ""})],
    )
    html = client.get(product.url).content.decode()
    assert "Featured in" in html
    assert f'href="{story.url}"' in html
    # A maker page lists stories about its products too.
    assert f'href="{story.url}"' in client.get(vendor.url).content.decode()

    story.unpublish()
    html = client.get(product.url).content.decode()
    assert "Featured in" not in html
    assert story.url not in html


def test_a_story_published_after_the_page_was_shown_appears_there(client, sections, product, vendor):
    # The pages are shown first, so the stories they feature are read before the story exists.
    assert "Featured in" not in client.get(product.url).content.decode()
    assert "Featured in" not in client.get(vendor.url).content.decode()
    story = make_story(
        sections["stories"], "Kiln day at the atelier", body=[("product", {"product": product, "note": ""})]
    )
    for page in (product, vendor):
        html = client.get(page.url).content.decode()
        assert "Featured in" in html and f'href="{story.url}"' in html


def test_featured_in_shows_the_visitors_locale_copy_of_the_story(client, sections, product):
    story = make_story(
        sections["stories"],
        "Gift box story",
        intro="A new box",
        body=[("product", {"product": product, "note": ""})],
    )
    story_id = factories.translate_page(
        story, "id", {"Gift box story": "Cerita kotak hadiah", "A new box": "Kotak baru"}
    )
    product_id = product.get_translation(Locale.objects.get(language_code="id"))
    html = client.get(product_id.url).content.decode()
    assert "Cerita kotak hadiah" in html and f'href="{story_id.url}"' in html
    assert "Gift box story" not in html


def test_a_draft_change_does_not_alter_featured_in_until_published(client, sections, product):
    story = make_story(
        sections["stories"], "Story with a card", body=[("product", {"product": product, "note": ""})]
    )
    story.body = [("text", rich("<p>No card any more.</p>"))]
    story.save_revision()
    assert f'href="{story.url}"' in client.get(product.url).content.decode()
    story.get_latest_revision().publish()
    assert f'href="{story.url}"' not in client.get(product.url).content.decode()


def test_story_index_filters_by_topic_and_maker_newest_first(client, sections, vendor, product):
    other = factories.make_vendor(sections["makers"], "Rotan Gerbang Utara", sector="furniture")
    index = sections["stories"]
    make_story(index, "Old packaging story", date=datetime.date(2025, 1, 5))
    make_story(
        index,
        "New packaging story",
        date=datetime.date(2026, 2, 5),
        body=[("maker", {"vendor": other, "note": ""})],
    )
    make_story(
        index,
        "Branding story",
        topic="branding",
        date=datetime.date(2025, 6, 1),
        body=[("product", {"product": product, "note": ""})],
    )
    make_story(index, "Draft story", publish=False)

    html = client.get(index.url).content.decode()
    assert (
        html.index("New packaging story") < html.index("Branding story") < html.index("Old packaging story")
    )
    assert "Draft story" not in html

    html = client.get(index.url, {"topic": "branding"}).content.decode()
    assert "Branding story" in html and "packaging story" not in html

    html = client.get(index.url, {"maker": vendor.slug}).content.decode()
    assert "Branding story" in html and "New packaging story" not in html
    html = client.get(index.url, {"maker": other.slug}).content.decode()
    assert "New packaging story" in html and "Branding story" not in html
    assert client.get(index.url, {"topic": "nonsense", "page": "99"}).status_code == 200


def test_story_index_is_paginated(client, sections):
    index = sections["stories"]
    for number in range(14):
        make_story(
            index,
            f"Story number {number:02d}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
        )
    first = client.get(index.url).content.decode()
    assert "Story number 13" in first and "Story number 00" not in first
    second = client.get(index.url, {"page": 2}).content.decode()
    assert "Story number 00" in second and "Story number 13" not in second


def test_untranslated_indonesian_story_is_not_listed_under_english(client, sections):
    indonesian = Locale.objects.get(language_code="id")
    index_id = sections["stories"].get_translation(indonesian)
    make_story(index_id, "Cerita yang hanya berbahasa Indonesia")
    assert "Cerita yang hanya" not in client.get(sections["stories"].url).content.decode()
    assert "Cerita yang hanya" in client.get(index_id.url).content.decode()


def test_feeds_list_the_stories_of_their_locale_only(client, sections):
    index = sections["stories"]
    translated = make_story(index, "Translated story", intro="A story told in two languages")
    factories.translate_page(
        translated,
        "id",
        {
            "Translated story": "Cerita terjemahan",
            "A story told in two languages": "Cerita dalam dua bahasa",
        },
    )
    make_story(index, "English only story")
    html = client.get(index.url).content.decode()
    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Stories (RSS)" href="{index.url}feed/rss/">'
        in html
    )
    assert f'type="application/atom+xml" title="Stories (Atom)" href="{index.url}feed/atom/"' in html

    index_id = index.get_translation(Locale.objects.get(language_code="id"))
    for kind, version in (("rss", "rss20"), ("atom", "atom10")):
        response = client.get(f"{index.url}feed/{kind}/")
        assert response.status_code == 200
        english = feedparser.parse(response.content)
        assert english.version == version and not english.bozo
        assert sorted(entry.title for entry in english.entries) == ["English only story", "Translated story"]
        entry = next(e for e in english.entries if e.title == "Translated story")
        assert entry.link.endswith(translated.url)
        assert entry.summary == "A story told in two languages"
        assert entry.published_parsed[:3] == (2026, 3, 1)

        response = client.get(f"{index_id.url}feed/{kind}/")
        assert response.status_code == 200
        indonesian = feedparser.parse(response.content)
        assert [entry.title for entry in indonesian.entries] == ["Cerita terjemahan"]
        assert indonesian.entries[0].summary == "Cerita dalam dua bahasa"
        assert "/id/stories/" in indonesian.entries[0].link
        assert indonesian.feed.language == "id"


def test_collection_shows_its_products_from_several_makers(client, sections, product):
    other_vendor = factories.make_vendor(sections["makers"], "Anyam Tasik Rimbun", sector="furniture")
    basket = factories.make_product(other_vendor, "Rattan storage baskets")
    collection = CollectionPage(title="Gifts for hotel rooms", intro="<p>Small things guests take home.</p>")
    collection.products.add(CollectionProduct(product=basket))
    collection.products.add(CollectionProduct(product=product))
    sections["stories"].add_child(instance=collection)
    factories.publish(collection)
    html = client.get(collection.url).content.decode()
    assert "Small things guests take home." in html
    assert html.index(basket.title) < html.index(product.title)
    assert f'href="{basket.url}"' in html and f'href="{product.url}"' in html
    assert "Gifts for hotel rooms" in client.get(sections["stories"].url).content.decode()


@pytest.mark.usefixtures("search_index")
def test_site_search_lists_stories_in_their_own_section(client, sections):
    make_story(sections["stories"], "Rebranding Sanan tempe chips")
    html = client.get("/en/search/", {"q": "rebranding"}).content.decode()
    assert "Rebranding Sanan tempe chips" in html[html.index('id="result-stories"') :]
