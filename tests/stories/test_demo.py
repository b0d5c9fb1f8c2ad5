"""The demo stories, collections and events: made once, in English and Indonesian, linked to the catalogue."""

import pytest

from stories.demo import create_demo_stories
from stories.models import CollectionPage, EventPage, StoryPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_demo_stories_are_created_once_in_both_languages(client, site_tree, vendor):
    burner = factories.make_product(vendor, "Dinoyo porcelain aroma burner")
    create_demo_stories()
    counts = (StoryPage.objects.count(), CollectionPage.objects.count(), EventPage.objects.count())
    create_demo_stories()
    assert (StoryPage.objects.count(), CollectionPage.objects.count(), EventPage.objects.count()) == counts

    english = StoryPage.objects.filter(locale__language_code="en")
    assert english.count() == 4
    assert {s.topic for s in english} == {"packaging", "branding", "photography", "export"}
    used = {block.block_type for story in english for block in story.body}
    assert used == {
        "text",
        "image",
        "gallery",
        "quote",
        "before_after",
        "palette",
        "product",
        "maker",
        "credits",
    }
    assert StoryPage.objects.filter(locale__language_code="id", alias_of__isnull=True).count() == 4
    assert CollectionPage.objects.filter(locale__language_code="en").count() == 2
    assert EventPage.objects.filter(locale__language_code="en").count() >= 3

    listing = client.get("/id/stories/").content.decode()
    assert "Kemasan cetak untuk keripik tempe Sanan" in listing
    story = StoryPage.objects.get(slug="lotus-blue-a-brand-for-dinoyo-porcelain", locale__language_code="en")
    assert f'href="{burner.url}"' in client.get(story.url).content.decode()
    assert "Lotus blue" in client.get(burner.url).content.decode()  # "Featured in"
    assert "Meet us at" in client.get(vendor.url).content.decode()
    assert "Trade Expo Indonesia" in client.get("/en/events/").content.decode()
    home = client.get("/id/").content.decode()
    assert "Malang City Expo" in home and "Hadiah untuk kamar hotel" in home
