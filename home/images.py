"""Renditions for many pictures at once."""

from django.db.models import Prefetch, prefetch_related_objects

from catalog.renditions import renditions

# Where pages and cards keep the picture they are shown with.
CARD_IMAGE_ATTRIBUTES = ("main_image", "cover_image", "logo", "hero_image")


def prefetch_renditions(objects, specs):
    """Read the renditions (made with `specs`) of every picture `objects` are shown with, in one query.

    Wagtail's `get_rendition` then finds them without a query each, whether the page shows
    product photos, makers' covers and logos or stories' heroes side by side.
    """
    images = [
        image
        for obj in objects
        for attribute in CARD_IMAGE_ATTRIBUTES
        if (image := getattr(obj, attribute, None)) is not None
    ]
    images = [img for img in images if "renditions" not in getattr(img, "_prefetched_objects_cache", {})]
    if images:
        prefetch_related_objects(images, Prefetch("renditions", queryset=renditions(specs)))
