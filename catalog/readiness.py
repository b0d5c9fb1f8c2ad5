"""Export readiness ("UMKM naik kelas"): a maker's checklist and score, from what buyers can see.

It reads the published pages (not drafts waiting for review): a maker is export-ready when buyers
see the documents, the English text and the products, so an item is ticked once a curator has
approved it. A maker page that was never approved has nothing published: what its row holds is the
maker's draft (Wagtail saves a page that is not live into its row), and counts for nothing.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .models import ProductPage, VendorPage

MAX_REPLY_HOURS = 48
MIN_PRODUCTS_WITH_PHOTOS = 3


@dataclass
class ReadinessItem:
    key: str
    label: str
    done: bool
    fix_url: str


@dataclass
class Readiness:
    vendor: VendorPage
    items: list = field(default_factory=list)

    @property
    def score(self):
        if not self.items:
            return 0
        return round(100 * sum(item.done for item in self.items) / len(self.items))

    @property
    def missing(self):
        return [item for item in self.items if not item.done]


def source_vendor(vendor):
    """The maker's page in the default locale, where its products live and readiness is measured."""
    if vendor.locale.language_code == settings.LANGUAGE_CODE:
        return vendor
    return (
        VendorPage.objects.filter(
            translation_key=vendor.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or vendor
    )


def _edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _add_product(vendor):
    return reverse("wagtailadmin_pages:add", args=["catalog", "productpage", vendor.pk])


def _inbox():
    # The inquiries app's inbox, by its URL name: that app is above this one (it registers the inbox).
    try:
        return reverse("inquiry_admin:index")
    except NoReverseMatch:
        return reverse("wagtailadmin_home")


def _products(vendor):
    return (
        ProductPage.objects.child_of(vendor)
        .live()
        .annotate(photos=Count("gallery_images", distinct=True), tiers=Count("price_tiers", distinct=True))
        .order_by("path")
    )


def readiness(vendor, products=None):
    """Score 0–100 and the checklist for one maker; `products` may be passed pre-annotated (reports)."""
    vendor = source_vendor(vendor)
    products = list(_products(vendor) if products is None else products)
    today = timezone.localdate()
    approved = vendor.live  # a live page's row is its published version; drafts are in revisions
    certifications = list(vendor.certifications.all()) if approved else []
    english = vendor if approved and vendor.locale.language_code == settings.LANGUAGE_CODE else None
    story = strip_tags(english.story).strip() if english else ""
    with_photos = [p for p in products if p.photos]
    without_photos = [p for p in products if not p.photos]
    incomplete = [p for p in products if not p.hs_code or not p.tiers]
    edit_vendor = _edit(vendor)

    items = [
        ReadinessItem("nib", _("NIB (business ID) entered"), approved and bool(vendor.nib), edit_vendor),
        ReadinessItem(
            "certifications",
            _("At least one certification, none expired"),
            bool(certifications)
            and all(c.valid_until is None or c.valid_until >= today for c in certifications),
            edit_vendor,
        ),
        ReadinessItem(
            "english",
            _("English profile complete (tagline and story)"),
            bool(english and not english.alias_of_id and english.tagline.strip() and story),
            edit_vendor,
        ),
        ReadinessItem(
            "products_with_photos",
            _("At least three published products with photos"),
            len(with_photos) >= MIN_PRODUCTS_WITH_PHOTOS,
            _edit(without_photos[0]) if without_photos else _add_product(vendor),
        ),
        ReadinessItem(
            "product_codes",
            _("Every product has an HS code and a price tier"),
            bool(products) and not incomplete,
            _edit(incomplete[0]) if incomplete else _add_product(vendor),
        ),
        ReadinessItem(
            "samples",
            _("Samples offered on at least one product"),
            any(p.samples_available for p in products),
            _edit(products[0]) if products else _add_product(vendor),
        ),
        ReadinessItem(
            "reply_time",
            _("Replies to inquiries within 48 hours"),
            vendor.response_time_hours is not None and vendor.response_time_hours <= MAX_REPLY_HOURS,
            _inbox(),
        ),
    ]
    return Readiness(vendor=vendor, items=items)


def readiness_report(vendors=None):
    """Readiness of every maker of the default locale, with a fixed number of queries."""
    if vendors is None:
        vendors = VendorPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
        )
    vendors = list(vendors.select_related("locale").prefetch_related("certifications"))
    by_parent = {}
    products = (
        ProductPage.objects.live()
        .filter(vendor_id__in=[v.pk for v in vendors])
        .filter(Q(alias_of__isnull=True))
        .annotate(photos=Count("gallery_images", distinct=True), tiers=Count("price_tiers", distinct=True))
        .order_by("path")
    )
    for product in products:
        by_parent.setdefault(product.vendor_id, []).append(product)
    return [readiness(vendor, by_parent.get(vendor.pk, [])) for vendor in vendors]
