"""Listing querysets: what a locale shows, fetched with a fixed number of queries whatever the page size."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Prefetch, Q, prefetch_related_objects

from wagtail.models import Page

from storefront.page_cache import current_generation
from storefront.renditions import renditions_of
from storefront.search import SearchSection, search_terms
from storefront.search_backend import ranked_ids, searching_in
from storefront.search_glossary import alternatives, expand_query

from .cards import product_cards
from .models import ProductPage, VendorPage
from .renditions import CARD_SPECS

PRIVATE_Q_SECONDS = 60 * 60


def public(queryset):
    """`queryset.public()`: Wagtail's condition for it (`private_q()`, the view-restricted branches)
    is read once per page cache generation, which a new, changed or deleted restriction and a moved
    page renew, and kept in the cache: a page lists several querysets, each would read it again."""
    key = f"private-pages:{current_generation()}"
    return queryset.exclude(cache.get_or_set(key, Page.objects.private_q, PRIVATE_Q_SECONDS))


def shown_in_locale(queryset, locale):
    """Live, public pages of this locale whose text is really in this locale, or in English.

    wagtail-localize fills other locales with aliases of untranslated pages. An alias of an
    English page may be listed (and is marked "in English"); an alias of a page written in
    another language (an SME's Indonesian draft under /en/) is left out.
    """
    return (
        public(queryset.live())
        .filter(locale=locale)
        .filter(Q(alias_of__isnull=True) | Q(alias_of__locale__language_code=settings.LANGUAGE_CODE))
    )


# What every card needs to link to its page and to tell whether its text is in the listing's language.
PAGE_CARD_FIELDS = (
    *("title", "slug", "url_path", "path", "depth", "live", "content_type", "translation_key"),
    *("locale__language_code", "alias_of__locale__language_code"),
)


def listed_products(locale):
    """The products `locale` lists, as a queryset to filter, count and order; shown as
    `catalog.cards.product_cards(...)`."""
    return shown_in_locale(ProductPage.objects.all(), locale)


# What a maker card shows and links to.
VENDOR_CARD_FIELDS = (
    *PAGE_CARD_FIELDS,
    *("tagline", "sector", "district", "verified_on", "is_demo", "logo", "cover_image"),
)


def product_ids_by_page_fields(locale):
    """The ids of the products that `listed_products(locale)` holds, read from wagtailcore_page alone.

    Ordered by the page's own columns (newest, name), a page of the unfiltered catalogue is picked
    from these: at an offset of thousands, the walk then reads one index of live pages by locale,
    type and sort (home 0006) instead of joining each skipped row to the product table.
    """
    product_type = ContentType.objects.get_for_model(ProductPage)
    return shown_in_locale(Page.objects.filter(content_type=product_type), locale).values("pk")


def vendor_cards(locale, *, renditions=True):
    vendors = (
        shown_in_locale(VendorPage.objects.all(), locale)
        .select_related("logo", "cover_image", "locale", "alias_of__locale")
        .only(*VENDOR_CARD_FIELDS)
        .order_by("title")
    )
    if renditions:
        vendors = vendors.prefetch_related(
            renditions_of("cover_image", CARD_SPECS), renditions_of("logo", CARD_SPECS)
        )
    return vendors


def chosen_in_locale(listing, keys, limit, read=list):
    """The chosen pages (by translation_key) as the listing's locale has them, in the editor's order,
    read by `read` (`product_cards` for cards).

    A home page copied into another locale keeps its source's choices, so choices are matched
    by translation_key to the copies that exist in the listing's locale.
    """
    order = {key: index for index, key in reversed(list(enumerate(keys)))}
    rows = read(listing.filter(translation_key__in=order))
    return sorted(rows, key=lambda row: order[row.translation_key])[:limit]


def featured_vendors(home_page, limit=6, *, renditions=True):
    vendors = vendor_cards(home_page.locale, renditions=renditions)
    if keys := home_page.chosen_keys["makers"]:
        return chosen_in_locale(vendors, keys, limit)
    return list(vendors[:limit])


def featured_products(home_page, limit=8, request=None):
    products = listed_products(home_page.locale)
    if keys := home_page.chosen_keys["products"]:
        return chosen_in_locale(products, keys, limit, read=lambda rows: product_cards(rows, request))
    return product_cards(products.order_by("-first_published_at")[:limit], request)


def ranked_ids_within(model, listing, locale, query, limit):
    """The ids of the best-ranked `limit` rows of `listing` (of `model`, in `locale`) for `query`,
    best first, its words stemmed in the locale's language. No row is loaded but ids.

    The search backend can only filter on indexed fields, so it ranks the live pages of the locale
    and the listing (live, public, translated, and any catalogue filters) keeps its own among them.
    """
    terms = search_terms(query, locale.language_code)  # Chinese and Japanese: pairs of characters
    searchable = model.objects.live().filter(locale=locale).only("id")
    with searching_in(locale.language_code):
        # With the search glossary's other words for its words: "tempeh" finds "tempe" too.
        return ranked_ids(searchable, expand_query(terms), limit, among=listing)


def search_within(model, listing, locale, query, limit=24, read=None):
    """Search `model` in `locale`; return rows of `listing` (its filters and prefetches) in rank order.

    The rows are read once their ids are ranked (`ranked_ids_within`): by `read(ids)` when given
    (`catalog.cards.product_cards_for`), else as the listing reads them, its prefetches (pictures)
    run for the rows shown only.
    """
    ids = ranked_ids_within(model, listing, locale, query, limit)
    if read is not None:
        return read(ids)
    prefetches = listing._prefetch_related_lookups  # re-applied below, to the rows shown
    rows = {row.id: row for row in listing.prefetch_related(None).order_by().filter(id__in=ids)}
    shown = [rows[i] for i in ids if i in rows]
    prefetch_related_objects(shown, *prefetches)
    return shown


def page_search_section(key, title, card_template, model, listing, more_url=None, read=None):
    """A site-search section for one page type: ranked hits from `listing(locale)` (read by `read`,
    see `search_within`), title suggestions."""

    def search(locale, query, limit):
        return search_within(model, listing(locale), locale, query, limit, read)

    def suggest(locale, query, limit):
        """Titles starting with the words typed, then with the glossary's other words for them."""
        terms = search_terms(query, locale.language_code)
        pages = public(model.objects.live()).filter(locale=locale)
        found = {}
        for each in [terms, *alternatives(terms)]:
            if len(found) >= limit:
                break
            for page in pages.autocomplete(each)[:limit]:
                found.setdefault(page.pk, page)
        return list(found.values())[:limit]

    return SearchSection(
        key=key, title=title, card_template=card_template, search=search, suggest=suggest, more_url=more_url
    )


def maker_for_product_page(product):
    """Read the product's maker (with its locale and logo) and its category into the page, as its
    template and JSON-LD show them, unless routing read them already (`VendorPage.route`)."""
    lookups = [Prefetch("vendor", queryset=VendorPage.objects.select_related("locale", "logo"))]
    if product.category_id:
        lookups.append("category")
    prefetch_related_objects([product], *lookups)
