"""The catalogue's filters: a query string in, a filtered and sorted product queryset and facet counts out.

Every parameter is optional and forgiving: a value that is not understood is ignored and a number
out of range is clamped, so a hand-edited or stale shared URL never errors.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from storefront.page_cache import current_generation
from storefront.text import search_query

from .fields import from_minor_units, to_minor_units
from .models import Category, CertificationType, District, ProductCertification, Sector, VendorPage
from .queries import ranked_ids_within

# Sorts by the page's own columns: the unfiltered catalogue picks its pages' rows by these alone.
PAGE_FIELD_SORTS = ("newest", "name")
SORTS = {
    "newest": (pgettext_lazy("sort order", "Newest"), [F("first_published_at").desc(nulls_last=True), "id"]),
    "name": (pgettext_lazy("sort order", "Name"), ["title", "id"]),
    "price": (_("Lowest price"), [F("price_from").asc(nulls_last=True), "id"]),
    "moq": (_("Smallest MOQ"), ["moq", "id"]),
}
MAX_QUANTITY = 10_000_000
MAX_PRICE_MINOR = 10_000_000_00


def _whole_number(value, lower=0, upper=MAX_QUANTITY):
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return max(lower, min(upper, number))


def _price(value):
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, TypeError, ValueError):
        return None
    if not amount.is_finite():
        return None
    return to_minor_units(max(Decimal(0), min(Decimal(MAX_PRICE_MINOR) / 100, amount)))


def _choice(value, choices):
    value = (value or "").strip()
    return value if value in choices else ""


def _slug(value):
    value = (value or "").strip()[:80]
    return value if value.replace("-", "").replace("_", "").isalnum() else ""


@dataclass(frozen=True)
class CatalogueFilters:
    q: str = ""
    category: str = ""
    certification: str = ""
    district: str = ""
    sector: str = ""
    vendor: str = ""
    samples: bool = False
    moq_max: int | None = None
    price_min: int | None = None  # minor units
    price_max: int | None = None
    sort: str = "newest"

    @classmethod
    def from_query(cls, data):
        moq_max = _whole_number(data.get("moq_max"), lower=1)
        return cls(
            q=search_query(data.get("q")),
            category=_slug(data.get("category")),
            certification=_slug(data.get("certification")),
            district=_choice(data.get("district"), District.values),
            sector=_choice(data.get("sector"), Sector.values),
            vendor=_slug(data.get("vendor")),
            samples=data.get("samples") in {"1", "true", "on", "yes"},
            moq_max=moq_max,
            price_min=_price(data.get("price_min")),
            price_max=_price(data.get("price_max")),
            sort=_choice(data.get("sort"), SORTS) or "newest",
        )

    @property
    def active(self):
        """Names of the filters that narrow the list (sort is not a filter)."""
        defaults = CatalogueFilters()
        return [
            f.name
            for f in fields(self)
            if f.name != "sort" and getattr(self, f.name) != getattr(defaults, f.name)
        ]

    def without(self, name):
        return replace(self, **{name: getattr(CatalogueFilters(), name)})

    def to_query(self):
        """The query string that shows these filters, in the form's order (no page: lists start at 1)."""
        pairs = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "sort" or value in ("", None, False):
                continue
            if f.name == "samples":
                value = "1"
            elif f.name in ("price_min", "price_max"):
                value = from_minor_units(value)
            pairs.append((f.name, value))
        if self.sort != CatalogueFilters.sort:
            pairs.append(("sort", self.sort))
        return urlencode(pairs)

    def apply(self, products, locale, *, sort=True):
        from .models import ProductPage

        if self.category:
            products = products.filter(category__slug=self.category)
        if self.certification:
            products = products.filter(
                id__in=ProductCertification.objects.filter(
                    certification_type__slug=self.certification
                ).values("product_id")
            )
        if self.district:
            products = products.filter(vendor__district=self.district)
        if self.sector:
            products = products.filter(vendor__sector=self.sector)
        if self.vendor:
            products = products.filter(vendor__slug=self.vendor)
        if self.samples:
            products = products.filter(samples_available=True)
        if self.moq_max is not None:
            products = products.filter(moq__lte=self.moq_max)
        if self.price_min is not None:
            products = products.filter(price_from__gte=self.price_min)
        if self.price_max is not None:
            products = products.filter(price_from__lte=self.price_max)
        if self.q:
            products = products.filter(id__in=ranked_ids_within(ProductPage, products, locale, self.q, 1000))
        if sort:
            products = products.order_by(*SORTS[self.sort][1])
        return products


# Facets counted from the products' own rows: (filter name, the column it groups by).
GROUPED_FACETS = (
    ("category", "category__slug"),
    ("district", "vendor__district"),
    ("sector", "vendor__sector"),
)


SUMMARY_SECONDS = 3600


def catalogue_summary(filters, products, locale):
    """How many products the filters show, and the facet counts: `{"count": n, "facets": {...}}`.

    Both aggregate every product of the locale (tens of thousands of rows at scale) whatever page
    is shown, so they are cached per locale and filters (sort and page do not change them) under
    the page cache's generation, which changes whenever a page, a maker, a category or a
    certification type does.
    """
    state = repr((locale.pk, current_generation(), replace(filters, sort="newest")))
    key = "catalogue-summary:" + hashlib.sha256(state.encode()).hexdigest()
    summary = cache.get(key)
    if summary is None:
        count = filters.apply(products, locale, sort=False).order_by().count()
        facets = {
            name: [(value, str(label), n) for value, label, n in options]  # plain text: cheap to unpickle
            for name, options in facet_counts(filters, products, locale).items()
        }
        summary = {"count": count, "facets": facets}
        cache.set(key, summary, SUMMARY_SECONDS)
    return summary


def facet_counts(filters, products, locale):
    """How many products each option of each facet would show, given the other active filters.

    Each facet ignores its own filter. Facets whose filter is not set share the same products,
    so they are counted together in one grouped query; a set one gets a query of its own.
    """

    def base(name):
        return filters.without(name).apply(products, locale, sort=False).order_by()

    counts = {name: Counter() for name, _column in GROUPED_FACETS}
    unset = [(name, column) for name, column in GROUPED_FACETS if not getattr(filters, name)]
    groups = [[facet] for facet in GROUPED_FACETS if facet not in unset] + ([unset] if unset else [])
    for group in groups:
        columns = [column for _name, column in group]
        for row in base(group[0][0]).values(*columns).annotate(n=Count("id")):
            for name, column in group:
                if row[column]:
                    counts[name][row[column]] += row["n"]
    categories, districts, sectors = counts["category"], counts["district"], counts["sector"]
    certifications = {
        row["certification_type__slug"]: row["n"]
        for row in ProductCertification.objects.filter(product__in=base("certification").values("id"))
        .values("certification_type__slug")
        .annotate(n=Count("product_id", distinct=True))
    }
    return {
        "category": _named_options(Category, categories, locale),
        "certification": _named_options(CertificationType, certifications, locale),
        "district": [
            (value, label, districts[value]) for value, label in District.choices if value in districts
        ],
        "sector": [(value, label, sectors[value]) for value, label in Sector.choices if value in sectors],
    }


def filter_options(filters, facets, locale):
    """The options of each filter's select: the facet counts, plus the applied value if no product has it.

    An applied filter always shows as applied, even when the other filters leave it no product
    (a shared link, or a category with nothing in stock): it is listed with a count of 0.
    """
    options = {name: list(facet) for name, facet in facets.items()}
    for name, choices in (("district", District), ("sector", Sector)):
        value = getattr(filters, name)
        if value and value not in {option[0] for option in options[name]}:
            order = list(choices.values)
            options[name].append((value, str(choices(value).label), 0))
            options[name].sort(key=lambda option: order.index(option[0]))
    for name, model in (("category", Category), ("certification", CertificationType)):
        value = getattr(filters, name)
        if value and value not in {option[0] for option in options[name]}:
            named = _named_options(model, {value: 0}, locale) or [(value, value, 0)]
            options[name] = sorted(options[name] + named, key=lambda option: str(option[1]))
    return options


def applied_filters(filters, options, locale):
    """One entry per applied filter, for the list of chips above the results: what it is, its
    value as the buyer reads it, and the query string of the same list without it."""
    labels = {
        "q": _("Keyword"),
        "category": _("Category"),
        "certification": _("Certification"),
        "sector": _("Sector"),
        "district": _("District in Malang"),
        "vendor": _("Maker"),
        "samples": _("Samples available"),
        "moq_max": _("MOQ at most"),
        "price_min": _("Lowest price"),
        "price_max": _("Highest price"),
    }
    chips = []
    for name in filters.active:
        value = getattr(filters, name)
        if name in options:
            value = next((str(label) for v, label, _n in options[name] if v == value), value)
        elif name == "vendor":
            makers = VendorPage.objects.live().filter(locale=locale, slug=value)
            value = next(iter(makers.values_list("title", flat=True)), value)
        elif name == "samples":
            value = ""
        elif name in ("price_min", "price_max"):
            value = _("US$ %(amount)s") % {"amount": from_minor_units(value)}
        text = labels[name]
        if value:
            text = _("%(filter)s: %(value)s") % {"filter": text, "value": value}
        chips.append({"name": name, "text": str(text), "query": filters.without(name).to_query()})
    return chips


def _named_options(snippet_model, counts, locale):
    """(slug, name, count) with the snippet's name in `locale`, or in the default locale if untranslated."""
    names = {}
    languages = [locale.language_code, settings.LANGUAGE_CODE]
    snippets = snippet_model.objects.filter(slug__in=counts, locale__language_code__in=languages)
    for snippet in snippets:
        if snippet.slug not in names or snippet.locale_id == locale.id:
            names[snippet.slug] = snippet.name
    return sorted(((slug, name, counts[slug]) for slug, name in names.items()), key=lambda option: option[1])


class CountedPaginator(Paginator):
    """A paginator told its count (from `catalogue_summary`) instead of asking the database.

    A page's `object_list` is the ids of its rows. `ids`, when given, is a lighter queryset of the
    same rows' ids in the same order, to pick them from (`catalog.queries.product_ids_by_page_fields`,
    sorted as the listing is).
    """

    def __init__(self, object_list, per_page, count, *, ids=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count
        self._ids = ids

    @cached_property
    def count(self):
        return self._known_count

    def _get_page(self, object_list, number, paginator):
        """The page holds the ids of its products (`object_list` is a slice of the listing), in
        the listing's order, for `catalog.cards.product_cards_for`. A deep page (`?page=100`, an
        offset of thousands) walks ids only, and the cards join makers to their own rows alone."""
        if self._ids is not None:
            object_list = self._ids[object_list.query.low_mark : object_list.query.high_mark]
        return super()._get_page(list(object_list.values_list("pk", flat=True)), number, paginator)
