"""Template helpers shared by every page: language links, money, social images, navigation."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from catalog.fields import money
from catalog.renditions import SOCIAL_IMAGE_SPEC
from catalog.units import price_per, quantity_with_unit
from storefront.page_cache import current_generation
from storefront.renditions import rendition as rendition_of

from ..models import StandardPage

register = template.Library()
register.filter("money", money)


def _language_name(code):
    return get_language_info(code)["name_local"]


SHARED_SECONDS = 60 * 60  # what pages share in the cache, under the page cache's generation


def _shared(request, name, load):
    """`load()`, kept in the cache under `name`, the request's site and the page cache's generation
    (which publishing, unpublishing or moving a page, or a view restriction, renews)."""
    site = Site.find_for_request(request)
    key = f"{name}:{site.pk if site else ''}:{current_generation()}"
    return cache.get_or_set(key, load, SHARED_SECONDS)


def _translation_urls(page, request):
    """{language code: (URL, full URL, whether it is an untranslated copy)} of the page and its
    live translations: the same for each of them, so kept once for all of them."""

    def load():
        pages = [page, *page.get_translations().live().select_related("locale")]
        ids = {p.pk for p in pages}
        return {
            p.locale.language_code: (p.get_url(request), p.get_full_url(request), p.alias_of_id in ids)
            for p in pages
        }

    if not page.live or getattr(request, "is_preview", False):
        return load()
    return _shared(request, f"translations:{page.translation_key}", load)


def untranslated_source(page):
    """The page an untranslated locale copy shows (its source, in another locale), else None.

    wagtail-localize fills each locale with aliases of the pages nobody has translated yet. Such a
    copy is the source's text again under another language's URL: search engines are told so
    (noindex, canonical to the source) and it is never declared an alternate for its language.
    An alias in its source's own locale (a Wagtail alias elsewhere in the tree) is not a copy.
    Routing reads an alias with its source, so this costs no query there.
    """
    if page is None or not getattr(page, "alias_of_id", None):
        return None
    source = page.alias_of
    return source if source.locale_id != page.locale_id else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the page's live translations, or the same URL in another language.

    Languages where the page has no live translation are left out, so a buyer is never sent to
    a 404 by the switcher. The switcher still offers an untranslated copy (the page in the
    buyer's language's site, with a notice), but it is no `alternate` for its language: the
    head's hreflang links list only the links whose `alternate` is true.
    """
    request = context["request"]
    page = context.get("page")
    current = context.get("CURRENT_LANGUAGE", settings.LANGUAGE_CODE)
    key = (getattr(page, "pk", None), current)
    known = getattr(request, "_language_links", None)
    if known is not None and known[0] == key:
        return known[1]  # the head's hreflang links and the header's switcher show the same links
    links = []
    if page is not None and getattr(page, "locale_id", None):
        urls = _translation_urls(page, request)
        own_code = page.locale.language_code
        is_copy = untranslated_source(page) is not None
        for code, _name in settings.LANGUAGES:
            if code in urls:
                url, full_url, copy = urls[code]
                links.append(
                    {
                        "code": code,
                        "name": _language_name(code),
                        "url": url,
                        "full_url": full_url,
                        "current": code == own_code,
                        "default": code == settings.LANGUAGE_CODE,
                        "alternate": not (copy or (is_copy and code == own_code)),
                    }
                )
    else:
        for code, _name in settings.LANGUAGES:
            links.append(
                {
                    "code": code,
                    "name": _language_name(code),
                    "url": translate_url(request.get_full_path(), code),
                    "full_url": request.build_absolute_uri(translate_url(request.get_full_path(), code)),
                    "current": code == current,
                    "default": code == settings.LANGUAGE_CODE,
                    "alternate": True,
                }
            )
    request._language_links = (key, links)
    return links


@register.simple_tag(takes_context=True)
def is_locale_copy(context):
    """Whether the page is an untranslated locale copy (`untranslated_source`): not to be indexed."""
    return untranslated_source(context.get("page")) is not None


def breadcrumb_trail(page, request):
    """(title, URL, full URL) of each of the page's ancestors, from its language's home page down:
    the same for the pages beside it, so kept once for all of them."""
    if not page.path or page.depth <= 2:
        return []

    def load():
        ancestors = page.get_ancestors().filter(depth__gt=1)
        return [(p.title, p.get_url(request), p.get_full_url(request)) for p in ancestors]

    return _shared(request, f"breadcrumbs:{page.path[: -page.steplen]}:{get_language()}", load)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    return breadcrumb_trail(page, context["request"])


@register.simple_tag
def cache_version():
    """The page cache's generation: `{% cache %}` fragments of pages key on it, so publishing renews them."""
    return current_generation()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own absolute URL; a catalogue page past the first keeps its ?page= number.

    An untranslated locale copy's is its source's URL: the page whose text it shows.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return ""
    if page is None or not hasattr(page, "get_full_url"):
        return request.build_absolute_uri()
    source = untranslated_source(page)
    url = (source or page).get_full_url(request)
    page_obj = context.get("page_obj")
    if page_obj is not None and getattr(page_obj, "number", 1) > 1:
        url = f"{url}?page={page_obj.number}"
    return url


@register.filter
def quantity(count, unit):
    """500, "pouches" → '500 pouches' in the reader's language and plural (catalog.units)."""
    return quantity_with_unit(count, unit)


@register.filter
def per_unit(unit):
    """What a price in `unit` is for ("kg" → "per kg"), in the reader's language (catalog.units)."""
    return price_per(unit)


@register.filter
def isolate(value):
    """A code such as SMP-2026-000123 inside a translated sentence: its own direction, never broken
    across lines (in Arabic, unisolated, its parts would be reordered around the hyphens)."""
    return format_html('<bdi class="code">{}</bdi>', value)


# Open Graph wants one large image; the first of these a page has is the one that represents it.
SOCIAL_IMAGE_FIELDS = ("main_image", "cover_image", "hero_image", "logo")


@register.simple_tag(takes_context=True)
def social_image_url(context, page=None):
    """Absolute URL of a 1200×630 JPEG for og:image, or '' when the page has no image."""
    page = page if page is not None else context.get("page")
    request = context.get("request")
    if page is None or request is None:
        return ""
    image = next((img for img in (getattr(page, f, None) for f in SOCIAL_IMAGE_FIELDS) if img), None)
    if image is None:
        return ""
    try:
        rendition = rendition_of(image, SOCIAL_IMAGE_SPEC)
    except (SourceImageIOError, OSError):
        # A missing original must not take the whole page down with it.
        return ""
    return request.build_absolute_uri(rendition.url)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The content pages linked from the main navigation, as (title, URL) pairs: the live, public
    About page and pages set to show in menus, just below the home page of the active language.

    Every header shows it: kept in the cache for every page (`_shared`).
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []

    def load():
        pages = site.root_page.localized.get_children().live().public().type(StandardPage)
        pages = pages.filter(Q(show_in_menus=True) | Q(slug="about")).order_by("path")
        return [(page.title, page.get_url(request)) for page in pages]

    return _shared(request, f"main-menu:{get_language()}", load)


@register.filter
def in_locale_of(obj, page):
    """A translatable snippet (category, certification type) as shown on `page`: in its locale.

    Translated pages already point at their locale's snippets, so this costs no query; an
    untranslated alias still points at its source's, and gets the translation when there is one.
    """
    if obj is None or page is None or obj.locale_id == page.locale_id:
        return obj
    return obj.get_translation_or_none(page.locale_id) or obj


@register.filter
def is_section(request_path, section_url):
    """True when the current path is inside a navigation section (to mark the link aria-current)."""
    return bool(section_url) and str(request_path).startswith(str(section_url))


@register.filter
def elided_page_range(page_obj):
    """Page numbers around the current one, with the paginator's ellipsis for the gaps."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def content_lang(context, page=None):
    """` lang="en" dir="ltr"` on an element holding the text of an untranslated page (an alias shows its
    source's text), nothing otherwise: the interface around it stays in the page's language."""
    page = page or context.get("page")
    if page is None or not getattr(page, "is_untranslated", False):
        return ""
    language = page.content_language
    return format_html(' lang="{}" dir="{}"', language, text_direction(language))


@register.filter
def text_direction(language_code):
    """'rtl' or 'ltr' for a language code, e.g. for English text shown inside an Arabic page."""
    try:
        return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
