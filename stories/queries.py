"""Listing querysets for stories, collections and events: what a locale shows, and what features a page."""

from django.utils import timezone

from catalog.queries import shown_in_locale

from .models import CollectionPage, EventPage, StoryPage


def stories_in(locale):
    """Live, public stories shown in `locale`, newest first."""
    return (
        shown_in_locale(StoryPage.objects.all(), locale)
        .select_related("hero_image", "locale", "alias_of__locale")
        .prefetch_related("hero_image__renditions")
        .order_by("-date", "-first_published_at", "-id")
    )


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

    One query: StoryFeature rows point at the pages chosen in the story (usually the source
    locale's copy), so pages are matched by translation_key.
    """
    from catalog.models import VendorPage

    field = (
        "features__vendor__translation_key"
        if isinstance(page, VendorPage)
        else "features__page__translation_key"
    )
    return list(stories_in(page.locale).filter(**{field: page.translation_key}).distinct()[:limit])


def events_with(vendor, limit=5):
    """Upcoming events shown in the maker's locale that the maker takes part in."""
    return list(
        upcoming_events(vendor.locale)
        .filter(participants__vendor__translation_key=vendor.translation_key)
        .distinct()[:limit]
    )


def featured_stories(home_page, limit=3):
    """The home page's chosen stories as its locale shows them; the newest ones if none are chosen.

    A translated home page keeps the inline rows it had when it was translated, so a locale
    whose copy has none still shows something current.
    """
    keys = list(
        home_page.featured_stories.filter(story__isnull=False).values_list(
            "story__translation_key", flat=True
        )
    )
    stories = stories_in(home_page.locale)
    if keys:
        by_key = {s.translation_key: s for s in stories.filter(translation_key__in=keys)}
        return [by_key[key] for key in keys if key in by_key]
    return list(stories[:limit])


def featured_collections(home_page, limit=2):
    keys = list(
        home_page.featured_collections.filter(collection__isnull=False)
        .order_by("sort_order", "pk")
        .values_list("collection__translation_key", flat=True)
    )
    collections = collections_in(home_page.locale)
    if keys:
        by_key = {c.translation_key: c for c in collections.filter(translation_key__in=keys)}
        return [by_key[key] for key in keys if key in by_key]
    return list(collections[:limit])
