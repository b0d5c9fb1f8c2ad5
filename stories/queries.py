"""Listing querysets for stories, collections and events: what a locale shows, and what features a page."""

from django.utils import timezone

from catalog.models import VendorPage
from catalog.queries import PAGE_CARD_FIELDS, chosen_in_locale, shown_in_locale
from catalog.renditions import CARD_SPECS
from storefront.renditions import renditions_of

from .models import CollectionPage, EventPage, EventParticipant, StoryFeature, StoryPage

# What a story card shows and links to (and a feed item): listings leave the body unread.
STORY_CARD_FIELDS = (
    *PAGE_CARD_FIELDS,
    *("first_published_at", "last_published_at"),
    *("intro", "topic", "date", "hero_image"),
)


def stories_in(locale, *, renditions=True):
    """Live, public stories shown in `locale`, newest first."""
    stories = (
        shown_in_locale(StoryPage.objects.all(), locale)
        .select_related("hero_image", "locale", "alias_of__locale")
        .only(*STORY_CARD_FIELDS)
        .order_by("-date", "-first_published_at", "-id")
    )
    return stories.prefetch_related(renditions_of("hero_image", CARD_SPECS)) if renditions else stories


def collections_in(locale):
    return (
        shown_in_locale(CollectionPage.objects.all(), locale)
        .select_related("hero_image", "locale", "alias_of__locale")
        .order_by("-first_published_at", "-id")
    )


def events_in(locale):
    return shown_in_locale(EventPage.objects.all(), locale).select_related("locale", "alias_of__locale")


def upcoming_events(locale, limit=None):
    events = events_in(locale).filter(end_date__gte=timezone.localdate()).order_by("start_date", "title")
    return events[:limit] if limit else events


def stories_featuring(page, limit=6):
    """Stories shown in the page's locale that feature this product or maker (or one of its products).

    StoryFeature rows point at the pages chosen in a story (usually the source locale's copy), so
    pages and stories are matched by translation_key.
    """
    field = "vendor__translation_key" if isinstance(page, VendorPage) else "page__translation_key"
    features = StoryFeature.objects.filter(**{field: page.translation_key}).values("story__translation_key")
    return list(stories_in(page.locale).filter(translation_key__in=features)[:limit])


def events_with(vendor, limit=5):
    """Upcoming events shown in the maker's locale that the maker takes part in.

    The events are picked by id in a subquery rather than joined to their participants and makers:
    the same rows, without a DISTINCT over a join of six tables.
    """
    taking_part = EventParticipant.objects.filter(vendor__translation_key=vendor.translation_key)
    return list(upcoming_events(vendor.locale).filter(pk__in=taking_part.values("event_id"))[:limit])


def featured_stories(home_page, limit=3, *, renditions=True):
    """The home page's chosen stories as its locale shows them; the newest ones if none are chosen.

    A translated home page keeps the inline rows it had when it was translated, so a locale
    whose copy has none still shows something current.
    """
    stories = stories_in(home_page.locale, renditions=renditions)
    if keys := home_page.chosen_keys["stories"]:
        return chosen_in_locale(stories, keys, limit)
    return list(stories[:limit])


def featured_collections(home_page, limit=2):
    collections = collections_in(home_page.locale)
    if keys := home_page.chosen_keys["collections"]:
        return chosen_in_locale(collections, keys, len(keys))
    return list(collections[:limit])


def home_sections(home_page):
    """The home page's stories, collections and upcoming events; the links to their indexes.

    The indexes are the listed pages' parents, so their URLs need no query of their own.
    """
    stories = featured_stories(home_page, renditions=False)
    events = list(upcoming_events(home_page.locale, limit=3))
    return {
        "stories": stories,
        "collections": featured_collections(home_page),
        "events": events,
        "stories_url": _parent_url(stories),
        "events_url": _parent_url(events),
    }


def _parent_url(pages):
    url = pages[0].url if pages else ""
    return url[: url.rstrip("/").rfind("/") + 1] if url else ""
