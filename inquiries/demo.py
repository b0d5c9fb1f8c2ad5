"""Demo inquiries for the demo catalogue, so the admin inbox and its filters have something to show."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Locale

from catalog.models import ProductPage, VendorPage

from .models import Inquiry, InquiryStatus

DEMO_EMAIL_DOMAIN = "buyer.example.com"

DEMO_BUYERS = [
    ("Hanna Vermeulen", "Demo Home Goods B.V.", "NL", "Rotterdam, NL", "en", InquiryStatus.NEW, "FOB"),
    ("Kenji Sato", "Demo Zakka Trading K.K.", "JP", "Osaka, JP", "ja", InquiryStatus.REPLIED, "CIF"),
    ("Aisha Al-Harbi", "Demo Gifts Est.", "SA", "Jeddah, SA", "ar", InquiryStatus.NEW, "CIF"),
    ("Li Wei", "Demo Import Co. Ltd", "CN", "Shanghai, CN", "zh-hans", InquiryStatus.CLOSED, "FOB"),
    ("Sarah Miller", "Demo Living LLC", "US", "Los Angeles, US", "en", InquiryStatus.NEW, "DAP"),
    ("Tom Becker", "Demo Handel GmbH", "DE", "Hamburg, DE", "en", InquiryStatus.SPAM, "EXW"),
]


def create_demo_inquiries():
    """Create one demo inquiry per demo buyer on the first live products; safe to run twice.

    Returns the number created (0 when they already exist or there are no products yet).
    Marked as already notified, so seeding sends no e-mail.
    """
    if Inquiry.objects.filter(email__endswith="@" + DEMO_EMAIL_DOMAIN).exists():
        return 0
    products = list(
        ProductPage.objects.live().filter(locale=Locale.get_default()).order_by("path")[: len(DEMO_BUYERS)]
    )
    if not products:
        return 0
    now = timezone.now()
    created = 0
    for index, (name, company, country, destination, language, status, incoterm) in enumerate(DEMO_BUYERS):
        product = products[index % len(products)]
        vendor = product.get_parent().specific
        vendor = vendor if isinstance(vendor, VendorPage) else product.vendor
        quantity = product.moq * (index + 1)
        Inquiry.create_with_reference(
            created_at=now - timedelta(days=index * 3, hours=index),
            product=product,
            vendor=vendor,
            vendor_translation_key=vendor.translation_key if vendor else None,
            product_name=product.title,
            vendor_name=vendor.title if vendor else "",
            product_moq=product.moq,
            product_unit=product.unit,
            language_code=language,
            name=name,
            company=company,
            email=f"{name.split()[0].lower()}@{DEMO_EMAIL_DOMAIN}",
            country=country,
            quantity=quantity,
            unit=product.unit,
            target_price=product.price_from,
            incoterm=incoterm,
            destination=destination,
            message=(
                f"Demo inquiry: we would like a quotation for {quantity} {product.get_unit_display()} of "
                f"{product.title}, with export cartons and the lead time to {destination}."
            ),
            status=status,
            notified_at=now,
            notify_attempts=1,
        )
        created += 1
    return created
