"""Fixtures for stories tests: the story and event sections in every locale, images, and a story builder."""

import datetime
from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from storefront.translation import create_locale_copies, sync_locale_trees
from stories.models import EventIndexPage, EventPage, EventParticipant, StoryIndexPage, StoryPage
from tests import factories


def make_image(title, colour=(180, 90, 60)):
    buffer = BytesIO()
    PILImage.new("RGB", (160, 120), colour).save(buffer, "JPEG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


@pytest.fixture
def sections(site_tree):
    home = site_tree["home"]
    story_index = factories.publish(
        home.add_child(instance=StoryIndexPage(title="Stories", slug="stories", intro="Stories from Malang"))
    )
    event_index = factories.publish(home.add_child(instance=EventIndexPage(title="Events", slug="events")))
    sync_locale_trees()
    return {**site_tree, "stories": story_index, "events": event_index}


@pytest.fixture
def images(db):
    return {
        name: make_image(name, colour)
        for name, colour in [
            ("hero", (30, 43, 94)),
            ("figure", (169, 74, 34)),
            ("gallery-1", (120, 200, 160)),
            ("gallery-2", (238, 156, 48)),
            ("before", (150, 150, 160)),
            ("after", (22, 52, 96)),
        ]
    }


def make_story(index, title, *, body=(), intro=None, topic="packaging", date=None, publish=True):
    story = StoryPage(
        title=title,
        intro=intro or f"{title}: how a Malang maker changed its packaging",
        topic=topic,
        date=date or datetime.date(2026, 3, 1),
        body=list(body),
        live=publish,
    )
    index.add_child(instance=story)
    if not publish:
        story.save_revision()
    else:
        factories.publish(story)
        create_locale_copies(story)
    return StoryPage.objects.get(pk=story.pk)


def rich(html):
    return RichText(html)


def make_event(index, title, start, end, vendors=(), **fields):
    defaults = {"venue": "Gedung Kartini", "city": "Malang", "country": "Indonesia", "scope": "local"}
    defaults.update(fields)
    event = EventPage(title=title, start_date=start, end_date=end, **defaults)
    for vendor in vendors:
        event.participants.add(EventParticipant(vendor=vendor))
    index.add_child(instance=event)
    factories.publish(event)
    create_locale_copies(event)
    return EventPage.objects.get(pk=event.pk)
