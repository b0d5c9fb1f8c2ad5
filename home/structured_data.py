"""JSON-LD for search engines: WebSite on the home page, Organization for makers, Product with Offer,
and a BreadcrumbList everywhere below the home page."""

import json

from django.urls import reverse
from django.utils.html import strip_tags

from catalog.fields import from_minor_units
from catalog.models import ProductPage, VendorPage
from catalog.renditions import LOGO_SPEC, SOCIAL_IMAGE_SPEC
from storefront.renditions import rendition as rendition_of

from .models import HomePage
from .templatetags.site_tags import breadcrumb_trail


def _image_url(image, request, spec=SOCIAL_IMAGE_SPEC):
    if image is None:
        return None
    rendition = rendition_of(image, spec)
    url = rendition.url
    return url if url.startswith("http") else request.build_absolute_uri(url)


def _breadcrumbs(page, request):
    trail = [*breadcrumb_trail(page, request), (page.title, None, page.get_full_url(request))]
    if len(trail) < 2:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": title, "item": full_url}
            for i, (title, _url, full_url) in enumerate(trail, start=1)
        ],
    }


def _organization(vendor, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": vendor.title,
        "legalName": vendor.legal_name,
        "url": vendor.get_full_url(request),
        "description": vendor.tagline or strip_tags(vendor.story)[:300],
        "address": {
            "@type": "PostalAddress",
            "addressLocality": f"{vendor.get_district_display()}, Kota Malang",
            "addressRegion": "Jawa Timur",
            "addressCountry": "ID",
        },
    }
    if vendor.year_founded:
        data["foundingDate"] = str(vendor.year_founded)
    if vendor.logo_id:
        data["logo"] = _image_url(vendor.logo, request, LOGO_SPEC)
    return data


def _product(product, request):
    vendor = product.vendor
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.title,
        "description": product.summary,
        "url": product.get_full_url(request),
        "countryOfOrigin": "ID",
    }
    if product.sku:
        data["sku"] = product.sku
    if product.main_image:
        data["image"] = [_image_url(product.main_image, request)]
    if vendor:
        data["brand"] = {"@type": "Brand", "name": vendor.title}
        data["manufacturer"] = {
            "@type": "Organization",
            "name": vendor.title,
            "url": vendor.get_full_url(request),
        }
    if product.price_from is not None:
        data["offers"] = {
            "@type": "Offer",
            "price": str(from_minor_units(product.price_from)),
            "priceCurrency": "USD",
            "availability": "https://schema.org/InStock",
            "url": data["url"],
            "eligibleQuantity": {
                "@type": "QuantitativeValue",
                "minValue": product.moq,
                "unitText": product.get_unit_display(),
            },
        }
    return data


def _website(home, request):
    search = request.build_absolute_uri(reverse("search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "Etalase Malang",
        "url": home.get_full_url(request),
        "inLanguage": home.locale.language_code,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def for_page(page, request):
    """The JSON-LD documents that describe `page`, as a list of dicts."""
    documents = []
    if isinstance(page, HomePage):
        documents.append(_website(page, request))
    elif isinstance(page, ProductPage):
        documents.append(_product(page, request))
    elif isinstance(page, VendorPage):
        documents.append(_organization(page, request))
    breadcrumbs = _breadcrumbs(page, request)
    if breadcrumbs:
        documents.append(breadcrumbs)
    return documents


def to_script(documents):
    """Serialise for a <script type="application/ld+json">, safe against </script> in the text."""
    text = json.dumps(documents if len(documents) != 1 else documents[0], ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
