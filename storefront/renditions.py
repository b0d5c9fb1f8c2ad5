"""Renditions for many pictures at once."""

import functools
import html

from django.apps import apps
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.safestring import mark_safe

from wagtail.images import get_image_model
from wagtail.images.models import Filter, Picture

PREFETCHED_RENDITIONS = "prefetched_renditions"  # where Wagtail's Image.get_renditions() finds them


def renditions(specs):
    """The renditions made with `specs`, as a queryset to prefetch an image's renditions with."""
    rendition_model = get_image_model().get_rendition_model()
    return rendition_model.objects.filter(filter_spec__in=specs)


def renditions_of(image_field, specs):
    """Prefetch the renditions of `image_field` made with `specs`: `renditions_of("logo", CARD_SPECS)`.

    They go to the list Wagtail looks in first (`image.prefetched_renditions`): a plain list per
    image, where Django's default would build a filtered queryset per image to hold them.
    """
    return Prefetch(f"{image_field}__renditions", queryset=renditions(specs), to_attr=PREFETCHED_RENDITIONS)


# Where pages and cards keep the picture they are shown with (product cards read their own: catalog.cards).
CARD_IMAGE_ATTRIBUTES = ("cover_image", "logo", "hero_image")


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
    images = [img for img in images if getattr(img, PREFETCHED_RENDITIONS, None) is None]
    if images:
        prefetch_related_objects(
            images, Prefetch("renditions", queryset=renditions(specs), to_attr=PREFETCHED_RENDITIONS)
        )


def rendition(image, spec):
    """`image.get_rendition(spec)`, without writing the rendition to the renditions cache again.

    Wagtail's `get_rendition` stores the rendition in the cache on every call, even one it found
    among the prefetched renditions: a Redis write per picture per page view. `get_renditions`
    stores only what it did not find there, and raises the same errors.
    """
    spec = spec if isinstance(spec, Filter) else image_filter(spec)
    return image.get_renditions(spec)[spec.spec]


@functools.cache
def image_filter(spec):
    """Wagtail's `Filter(spec)`, made once per spec: a new one parses its operations again (with
    `inspect`) for each rendition it looks up. (`{% picture %}` and `{% image %}` keep theirs.)"""
    return Filter(spec)


def img_html(rendition, attrs, url=None):
    """`rendition.img_tag(attrs)`: the same markup; `url` when the caller has already asked for it."""
    src = url if url is not None else rendition.url
    img = {"src": src, "width": rendition.width, "height": rendition.height, "alt": rendition.alt}
    img.update(apps.get_app_config("wagtailimages").default_attrs)
    img.update(attrs)
    return mark_safe(f"<img{_attributes(img)}>")  # noqa: S308 - escaped


def picture_html(renditions, attrs):
    """The markup of `Picture(renditions, attrs)`, as Wagtail writes it, asking each rendition once.

    Wagtail's `Picture` reads a rendition's URL (a storage call) every time it writes it: in the
    `<source>` of its format, in the `<img>` srcset and again in its `src`; and it writes attributes
    with `flatatt`. A catalogue page of 24 cards spent more time on that than on its queries.
    `renditions` maps filter specs to renditions, as `Image.get_renditions()` returns them.
    """
    if not renditions:
        return ""
    urls = {spec: rendition.url for spec, rendition in renditions.items()}
    by_format = {}  # format name: [(spec, rendition)], in the order of the specs
    for spec, rendition in renditions.items():
        name = next((fmt.name for fmt in Picture.source_format_order if f"format-{fmt.name}" in spec), None)
        by_format.setdefault(name, []).append((spec, rendition))
    sources = []
    if len(by_format) < 2:  # a single format: one <img> with a srcset, as Wagtail does
        fallback = list(renditions.items())
    else:
        fallback_format = next(fmt for fmt in reversed(Picture.source_format_order) if fmt.name in by_format)
        fallback = by_format[fallback_format.name]
        for fmt in Picture.source_format_order:
            if fmt.name in by_format and fmt != fallback_format:
                srcset = _srcset(by_format[fmt.name], urls)
                source = {"srcset": srcset, "sizes": attrs.get("sizes"), "type": fmt.mime_type}
                sources.append(f"<source{_attributes(source)}>")
    first_spec, first = fallback[0]
    img_attrs = {**attrs, "srcset": _srcset(fallback, urls)} if len(fallback) > 1 else attrs
    img = img_html(first, img_attrs, url=urls[first_spec])
    return mark_safe(f"<picture>{''.join(sources)}{img}</picture>")  # noqa: S308 - escaped parts


def _srcset(renditions, urls):
    if len(renditions) == 1:
        return urls[renditions[0][0]]
    return ", ".join(f"{urls[spec]} {rendition.width}w" for spec, rendition in renditions)


def _attributes(attrs):
    """Django's `flatatt` without its formatting machinery: sorted `key="value"` pairs, then the
    names whose value is True; False and None are left out."""
    pairs = sorted(
        (key, value) for key, value in attrs.items() if value is not None and not isinstance(value, bool)
    )
    names = sorted(key for key, value in attrs.items() if value is True)
    return "".join(f' {key}="{_escape(value)}"' for key, value in pairs) + "".join(f" {key}" for key in names)


def _escape(value):
    """Django's `conditional_escape` (safe strings as they are, `html.escape` for the rest), without
    its lazy-string wrapper: a picture writes about twenty attributes."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))
