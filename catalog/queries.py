"""Listing querysets: what a locale shows, fetched with a fixed number of queries whatever the page size."""

from django.conf import settings
from django.db.models import Prefetch, Q

from .models import ProductGalleryImage, ProductPage, VendorPage


def shown_in_locale(queryset, locale):
    """Live, public pages of this locale whose text is really in this locale, or in English.

    wagtail-localize fills other locales with aliases of untranslated pages. An alias of an
    English page may be listed (and is marked "in English"); an alias of a page written in
    another language (an SME's Indonesian draft under /en/) is left out.
    """
    return (
        queryset.live()
        .public()
        .filter(locale=locale)
        .filter(Q(alias_of__isnull=True) | Q(alias_of__locale__language_code=settings.LANGUAGE_CODE))
    )


def _first_images():
    return Prefetch(
        "gallery_images",
        queryset=ProductGalleryImage.objects.select_related("image").prefetch_related("image__renditions"),
    )


def product_cards(locale):
    return (
        shown_in_locale(ProductPage.objects.all(), locale)
        .select_related("vendor", "category", "locale", "alias_of__locale")
        .prefetch_related(_first_images())
    )


def vendor_cards(locale):
    return (
        shown_in_locale(VendorPage.objects.all(), locale)
        .select_related("logo", "cover_image", "locale", "alias_of__locale")
        .prefetch_related("cover_image__renditions", "logo__renditions")
        .order_by("title")
    )


def _chosen_in_locale(listing, model, chosen_ids, limit):
    """The chosen pages as this locale's copies, in the editor's order.

    A home page copied into another locale keeps its source's choices (ids of the English pages),
    so choices are matched by translation_key to the copies that exist in the listing's locale.
    """
    keys = list(model.objects.filter(id__in=chosen_ids).values_list("id", "translation_key"))
    order = {key: chosen_ids.index(page_id) for page_id, key in keys}
    rows = listing.filter(translation_key__in=order)
    return sorted(rows, key=lambda row: order[row.translation_key])[:limit]


def featured_vendors(home_page, limit=6):
    chosen_ids = list(home_page.featured_makers.values_list("vendor_id", flat=True))
    vendors = vendor_cards(home_page.locale)
    if chosen_ids:
        return _chosen_in_locale(vendors, VendorPage, chosen_ids, limit)
    return list(vendors[:limit])


def featured_products(home_page, limit=8):
    chosen_ids = list(home_page.featured_products.values_list("product_id", flat=True))
    products = product_cards(home_page.locale)
    if chosen_ids:
        return _chosen_in_locale(products, ProductPage, chosen_ids, limit)
    return list(products.order_by("-first_published_at")[:limit])


def search_within(model, listing, locale, query, limit=24):
    """Search `model` in `locale`; return rows of `listing` (its filters and prefetches) in rank order.

    The search backend can only filter on indexed fields, so it ranks ids and the listing
    queryset applies the rest (live, public, translated) in one more query.
    """
    hits = model.objects.live().filter(locale=locale).search(query)[: limit * 2]
    ranked_ids = [hit.id for hit in hits]
    rows = {row.id: row for row in listing.filter(id__in=ranked_ids)}
    return [rows[i] for i in ranked_ids if i in rows][:limit]


def page_search_section(key, title, card_template, model, listing):
    """A site-search section for one page type: ranked hits from `listing(locale)`, title suggestions."""
    from home.search import SearchSection

    def search(locale, query, limit):
        return search_within(model, listing(locale), locale, query, limit)

    def suggest(locale, query, limit):
        return list(model.objects.live().public().filter(locale=locale).autocomplete(query)[:limit])

    return SearchSection(key=key, title=title, card_template=card_template, search=search, suggest=suggest)
