"""Building catalogue pages in tests as the site does: real pages, published, with locale copies."""

import copy
import itertools

from django.conf import settings
from django.utils.text import slugify

from wagtail.models import Locale

from catalog.models import (
    Category,
    CertificationType,
    ProductCertification,
    ProductIndexPage,
    ProductPage,
    ProductPriceTier,
    VendorIndexPage,
    VendorPage,
)
from home.models import HomePage
from home.setup import ensure_home_page
from inquiries.models import Inquiry
from orders.models import OrderLine, SampleOrder
from storefront.translation import create_locale_copies, sync_locale_trees, translate

_counter = itertools.count(1)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_site():
    """Home page with the catalogue and makers sections, in English, with locale copies."""
    home = ensure_home_page()
    products = ProductIndexPage.objects.filter(locale=home.locale).first() or publish(
        home.add_child(instance=ProductIndexPage(title="Products", slug="products"))
    )
    makers = VendorIndexPage.objects.filter(locale=home.locale).first() or publish(
        home.add_child(instance=VendorIndexPage(title="Makers", slug="makers"))
    )
    sync_locale_trees()
    return HomePage.objects.get(pk=home.pk), products, makers


def site():
    """The English home page and its catalogue and makers sections, as `build_site` made them."""
    default = Locale.get_default()
    home = HomePage.objects.filter(locale=default).first()
    if home is None:  # a test that emptied the database
        return build_site()
    return (
        home,
        ProductIndexPage.objects.get(locale=default),
        VendorIndexPage.objects.get(locale=default),
    )


def make_category(name="Ceramics", sector="crafts"):
    locale = Locale.get_default()
    category, _ = Category.objects.get_or_create(
        slug=slugify(name), locale=locale, defaults={"name": name, "sector": sector}
    )
    return category


def make_certification_type(short_name="Halal", name="Halal certificate (BPJPH)", kind="other"):
    locale = Locale.get_default()
    cert, _ = CertificationType.objects.get_or_create(
        slug=slugify(short_name),
        locale=locale,
        defaults={"name": name, "short_name": short_name, "kind": kind},
    )
    return cert


def make_vendor(makers, title=None, **fields):
    title = title or f"Test Maker {next(_counter)}"
    defaults = {
        "legal_name": f"CV {title}",
        "nib": "0000000000000",
        "district": "lowokwaru",
        "sector": "crafts",
        "tagline": f"{title} makes things in Malang",
    }
    defaults.update(fields)
    vendor = makers.add_child(instance=VendorPage(title=title, slug=slugify(title), **defaults))
    return create_locale_copies(publish(vendor))


def make_product(vendor, title=None, tiers=((100, 450), (500, 380)), certifications=(), **fields):
    title = title or f"Test Product {next(_counter)}"
    defaults = {
        "summary": f"{title} from Malang",
        "hs_code": "6913.10",
        "moq": tiers[0][0] if tiers else 1,
        "lead_time_days": 30,
    }
    defaults.update(fields)
    defaults.setdefault("slug", slugify(title))
    product = ProductPage(title=title, **defaults)
    for order, (quantity, price) in enumerate(tiers):
        product.price_tiers.add(ProductPriceTier(sort_order=order, min_quantity=quantity, unit_price=price))
    for order, (cert_type, number) in enumerate(certifications):
        product.certifications.add(
            ProductCertification(sort_order=order, certification_type=cert_type, number=number)
        )
    vendor.add_child(instance=product)
    return create_locale_copies(publish(product))


def make_inquiry(vendor, product, **fields):
    """A buyer's inquiry about `product` of `vendor`, saved as the form saves it (with its reference);
    `fields` are the buyer's."""
    return Inquiry.create_with_reference(
        vendor=vendor,
        product=product,
        vendor_name=vendor.title,
        vendor_translation_key=vendor.translation_key,
        product_name=product.title,
        **fields,
    )


def make_sample_order(name, email, makers, **fields):
    """A sample order from a buyer in Rotterdam with one sample of each maker's product.

    `makers` are objects with a `vendor` and a `product` (the makers fixtures of tests/vendors).
    """
    order = SampleOrder.objects.create(
        name=name,
        email=email,
        address_line1="1 Harbour Road",
        city="Rotterdam",
        country="NL",
        subtotal=1500 * len(makers),
        total=1500 * len(makers),
        **fields,
    )
    for maker in makers:
        OrderLine.objects.create(
            order=order,
            product=maker.product,
            vendor=maker.vendor,
            vendor_translation_key=maker.vendor.translation_key,
            product_name=maker.product.title,
            vendor_name=maker.vendor.title,
            unit_price=1500,
            quantity=1,
            line_total=1500,
        )
    return order


def fresh(page):
    """The page as the database has it now, for one test to change without the next test seeing it."""
    return type(page).objects.get(pk=page.pk)


def search_backends(*, auto_update):
    """The site's search backends, with pages indexed as they are saved or not."""
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    for backend in backends.values():
        backend["AUTO_UPDATE"] = auto_update
    return backends


def locale(code):
    return Locale.objects.get(language_code=code)


def translate_page(page, code, strings):
    """Translate with wagtail-localize (as an editor would) and publish; returns the translated page."""
    return translate(page, locale(code), strings)


__all__ = [
    "build_site",
    "site",
    "make_category",
    "make_certification_type",
    "make_product",
    "make_vendor",
    "publish",
    "sync_locale_trees",
    "translate_page",
]
