"""Buyer-facing views: the inquiry form (with spam trap and rate limit) and the thank-you page."""

import math

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from catalog.models import ProductPage, VendorPage
from storefront.clientip import client_ip
from storefront.ratelimit import take_slot

from .forms import InquiryForm
from .models import Inquiry, hash_ip
from .tasks import send_inquiry_emails

THANKS_SALT = "inquiries.thanks"

SPAM_TRAP_MESSAGE = _(
    "Your inquiry was not sent because a field meant to stay empty was filled in. "
    "Please clear it and try again."
)


def rate_limit_message(seconds):
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "You have sent too many inquiries in the last hour. "
        "Please try again in %(minutes)s minute, or write to us if this is urgent.",
        "You have sent too many inquiries in the last hour. "
        "Please try again in %(minutes)s minutes, or write to us if this is urgent.",
        minutes,
    ) % {"minutes": minutes}


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


def wait_before_next_inquiry(request, email):
    """Count this inquiry; the seconds the sender must wait, 0 when it may be sent.

    A buyer is one e-mail address, or one browser (address and User-Agent); the ceiling for a whole
    address is far higher, because a trade fair's or an office's buyers share one.
    """
    ip = client_ip(request)
    per_buyer = settings.INQUIRY_RATE_LIMIT_PER_EMAIL
    return max(
        take_slot("inquiry-email", email.strip().lower(), per_buyer),
        take_slot("inquiry-browser", f"{ip} {request.headers.get('User-Agent', '')}", per_buyer),
        take_slot("inquiry-ip", ip, settings.INQUIRY_RATE_LIMIT_PER_IP),
    )


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

    wait = wait_before_next_inquiry(request, form.cleaned_data["email"])
    if wait:
        response = _render_form(request, form, product, vendor, status=429, refusal=rate_limit_message(wait))
        response["Retry-After"] = str(wait)
        return response

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
            ip_hash=hash_ip(client_ip(request)),
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
