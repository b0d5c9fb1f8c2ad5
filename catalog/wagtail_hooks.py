"""Catalogue admin: snippets, and the products and makers sections of site search."""

import functools
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from storefront.csvcells import SnippetIndexView

from .cards import product_cards_for
from .models import Category, CertificationType, ProductPage, VendorPage
from .queries import listed_products, page_search_section, vendor_cards


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    index_view_class = SnippetIndexView
    list_display = ["name", "sector", "slug", "locale"]
    list_filter = ["sector", "locale"]
    list_export = ["name", "slug", "sector", "locale"]
    search_fields = ["name"]


class CertificationTypeViewSet(SnippetViewSet):
    model = CertificationType
    icon = "success"
    menu_label = _("Certification types")
    index_view_class = SnippetIndexView
    list_display = ["name", "short_name", "kind", "issuer", "locale"]
    list_filter = ["locale", "kind"]
    list_export = ["name", "short_name", "kind", "issuer", "verify_url", "locale"]
    search_fields = ["name", "short_name"]


register_snippet(CategoryViewSet)
register_snippet(CertificationTypeViewSet)


@hooks.register("register_search_section")
def products_section():
    return page_search_section(
        "products",
        _("Products"),
        "catalog/includes/product_search_hit.html",
        ProductPage,
        listed_products,
        more_url=catalogue_search_url,
        read=product_cards_for,  # cards, with their pictures
    )


@hooks.register("search_vocabulary")
def category_and_certificate_names(locale):
    """Words "did you mean" may offer besides page titles (home.search.vocabulary)."""
    texts = list(Category.objects.filter(locale=locale).values_list("name", flat=True))
    for name, short_name in CertificationType.objects.filter(locale=locale).values_list("name", "short_name"):
        texts += [name, short_name]
    return texts


def catalogue_search_url(locale, query):
    """The catalogue filtered by the search words: every matching product, with the filters."""
    return f"/{locale.language_code}/products/?{urlencode({'q': query})}"


@hooks.register("register_search_section")
def makers_section():
    # Without renditions: the search page reads every section's pictures at once (home.search.search_all).
    return page_search_section(
        "makers",
        _("Makers"),
        "catalog/includes/vendor_search_hit.html",
        VendorPage,
        functools.partial(vendor_cards, renditions=False),
    )


# --- Makers' own admin (onboarding, isolation, review, readiness): see catalog/admin_hooks.py ----------
from . import admin_hooks  # noqa: E402, F401
