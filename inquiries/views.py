"""Buyer-facing views: the inquiry form (with spam trap and rate limit) and the thank-you page."""

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from catalog.models import ProductPage, VendorPage

from .forms import InquiryForm
from .models import Inquiry, hash_ip
from .tasks import send_inquiry_emails

THANKS_SALT = "inquiries.thanks"
RATE_LIMIT_WINDOW_SECONDS = 60 * 60

SPAM_TRAP_MESSAGE = _(
    "Your inquiry was not sent because a field meant to stay empty was filled in. "
    "Please clear it and try again."
)
RATE_LIMIT_MESSAGE = _(
    "You have sent too many inquiries from this address in the last hour. "
    "Please try again later, or write to us if this is urgent."
)


def _published(model, raw_id):
    try:
        page_id = int(raw_id)
    except (TypeError, ValueError):
        raise Http404 from None
    return get_object_or_404(model.objects.live().public(), id=page_id)


def resolve_subject(request):
    """(product, vendor) asked about, from ?product= or ?vendor=; 404 if unknown or unpublished."""
    if "product" in request.GET:
        product = _published(ProductPage, request.GET["product"])
        vendor = product.vendor
        parent = product.get_parent().specific
        if isinstance(parent, VendorPage):
            vendor = parent
        return product, vendor
    if "vendor" in request.GET:
        return None, _published(VendorPage, request.GET["vendor"])
    raise Http404


def client_ip(request):
    # Only REMOTE_ADDR: a forwarded-for header is whatever the client says it is.
    return request.META.get("REMOTE_ADDR", "")


def _rate_limit_key(ip_hash):
    return f"inquiries:rate:{ip_hash}"


def take_rate_limit_slot(ip_hash):
    """Count one more inquiry for this address; False once it goes over the hourly limit."""
    limit = int(getattr(settings, "INQUIRY_RATE_LIMIT", 5))
    key = _rate_limit_key(ip_hash)
    cache.add(key, 0, timeout=RATE_LIMIT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_LIMIT_WINDOW_SECONDS)
        count = 1
    return count <= limit


def _initial_for(product):
    if product is None:
        return {}
    return {"quantity": product.moq, "unit": product.unit, "incoterm": product.incoterm}


def _render_form(request, form, product, vendor, *, status=200, refusal=None):
    context = {"form": form, "product": product, "vendor": vendor, "refusal": refusal}
    return render(request, "inquiries/inquiry_form.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def new_inquiry(request):
    product, vendor = resolve_subject(request)
    if request.method == "GET":
        return _render_form(request, InquiryForm(initial=_initial_for(product)), product, vendor)

    form = InquiryForm(request.POST)
    if form.is_spam_trap_filled:
        form.is_valid()  # so the other fields keep their values and errors
        return _render_form(request, form, product, vendor, status=400, refusal=SPAM_TRAP_MESSAGE)
    if not form.is_valid():
        return _render_form(request, form, product, vendor, status=400)

    ip_hash = hash_ip(client_ip(request))
    if not take_rate_limit_slot(ip_hash):
        return _render_form(request, form, product, vendor, status=429, refusal=RATE_LIMIT_MESSAGE)

    data = form.cleaned_data
    with transaction.atomic():
        inquiry = Inquiry.create_with_reference(
            product=product,
            vendor=vendor,
            vendor_translation_key=vendor.translation_key if vendor else None,
            product_name=product.title if product else "",
            vendor_name=vendor.title if vendor else "",
            product_moq=product.moq if product else None,
            product_unit=product.unit if product else "",
            language_code=get_language() or settings.LANGUAGE_CODE,
            name=data["name"],
            company=data["company"],
            email=data["email"],
            country=data["country"],
            phone=data["phone"],
            quantity=data["quantity"],
            unit=data["unit"],
            target_price=data["target_price"],
            incoterm=data["incoterm"],
            destination=data["destination"],
            message=data["message"],
            ip_hash=ip_hash,
        )
        inquiry_id = inquiry.pk
        transaction.on_commit(lambda: send_inquiry_emails.enqueue(inquiry_id), robust=True)
    token = signing.TimestampSigner(salt=THANKS_SALT).sign(inquiry.reference)
    return redirect(reverse("inquiries:thanks", kwargs={"token": token}))


@never_cache
@require_http_methods(["GET"])
def inquiry_thanks(request, token):
    # The link shows who asked what: it works for a while after the inquiry, not forever.
    try:
        reference = signing.TimestampSigner(salt=THANKS_SALT).unsign(
            token, max_age=settings.INQUIRY_THANKS_MAX_AGE
        )
    except signing.BadSignature:  # forged, or expired (SignatureExpired)
        raise Http404 from None
    inquiry = get_object_or_404(Inquiry, reference=reference)
    return render(request, "inquiries/inquiry_thanks.html", {"inquiry": inquiry})
