"""Buyer-facing views: the sample box, checkout, the private order page, and Stripe's webhook."""

import logging
import time
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import box, payments
from .forms import BoxQuantityForm, CheckoutForm
from .models import OrderStatus, PaymentEvent, SampleOrder
from .services import RetryLater, apply_payment_event, place_order, use_invoice
from .tokens import LinkExpired, make_token, order_url, read_token

logger = logging.getLogger(__name__)


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or request.META.get("HTTP_REFERER")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _back(request, fallback):
    if target := _safe_next(request):
        # Not redirect(): it would read a `next` such as "index" as the name of a view to look up.
        return HttpResponseRedirect(target)
    return redirect(fallback)


def _product_from(form):
    form.is_valid()
    product_id = form.cleaned_data.get("product")
    if product_id is None:
        return None
    return box.orderable_products().filter(pk=product_id).select_related("vendor").first()


@never_cache
@require_GET
def sample_box(request):
    lines = box.lines(request)
    return render(
        request,
        "orders/sample_box.html",
        {"groups": box.grouped_by_vendor(lines), "lines": lines, "totals": box.totals(lines)},
    )


@never_cache
@require_GET
def visitor_state(request):
    """What a cached page may not hold, for the few lines of site.js that fill it in: the buyer's
    sample-box count for the header and a CSRF token for the page's forms."""
    return JsonResponse({"sample_box_count": box.count(request), "csrf_token": get_token(request)})


@never_cache
@require_http_methods(["GET", "POST"])
def add_sample(request):
    """POST adds the sample. A product page is the same cached HTML for everyone, so its form has no
    CSRF token of its own: site.js adds one and posts it here; without JavaScript the form arrives
    here by GET and the buyer confirms on a page with the token."""
    box_url = reverse("orders:box")
    form = BoxQuantityForm(request.POST if request.method == "POST" else request.GET)
    product = _product_from(form)
    if request.method == "GET":
        if product is None:
            messages.error(request, _("Samples of this product cannot be ordered."))
            return redirect(box_url)
        return render(
            request,
            "orders/add_sample.html",
            {
                "product": product,
                "quantity": form.cleaned_data.get("quantity") or 1,
                "next": _safe_next(request),
            },
        )
    if product is None:
        messages.error(request, _("Samples of this product cannot be ordered."))
        return _back(request, box_url)
    quantity = form.cleaned_data.get("quantity")
    new_total = box.quantity_of(request, product) + (quantity or 0)
    if quantity is None or not 1 <= new_total <= product.sample_max_quantity:
        messages.error(
            request,
            _("Choose between 1 and %(max)s samples of %(product)s.")
            % {"max": product.sample_max_quantity, "product": product.title},
        )
        return _back(request, product.url or box_url)
    box.set_quantity(request, product, new_total)
    # The message links to the box, so the buyer can go on to check out from wherever they were.
    messages.success(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("%(product)s was added to your sample box.") % {"product": product.title},
            box_url,
            _("View your sample box"),
        ),
    )
    return _back(request, product.url or box_url)


@require_POST
def update_sample(request):
    box_url = reverse("orders:box")
    form = BoxQuantityForm(request.POST)
    product = _product_from(form)
    if product is None or not box.quantity_of(request, product):
        messages.error(request, _("This product is not in your sample box."))
        return redirect(box_url)
    quantity = form.cleaned_data.get("quantity")
    if quantity is None or not 1 <= quantity <= product.sample_max_quantity:
        messages.error(
            request,
            _("Choose between 1 and %(max)s samples of %(product)s.")
            % {"max": product.sample_max_quantity, "product": product.title},
        )
        return redirect(box_url)
    box.set_quantity(request, product, quantity)
    messages.success(request, _("Your sample box was updated."))
    return redirect(box_url)


@require_POST
def remove_sample(request):
    try:
        product_id = int(request.POST.get("product", ""))
    except ValueError:
        product_id = None
    if product_id is not None:
        box.remove(request, product_id)
        messages.success(request, _("The sample was removed from your box."))
    return redirect("orders:box")


@never_cache
def checkout(request):
    placed = _placed_order(request) if request.method == "POST" else None
    if placed is not None:
        # The same box submitted again (a double click, a second tab, a resent form): its order.
        box.clear(request)
        return redirect(order_url(placed))
    lines = box.lines(request)
    if not lines:
        messages.info(request, _("Your sample box is empty. Add samples from a product page first."))
        return redirect("orders:box")
    form = CheckoutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        order, placed_now = place_order(lines, form.cleaned_data, get_language(), box.checkout_key(request))
        box.clear(request)
        if not placed_now:
            return redirect(order_url(order))
        if payments.is_enabled():
            return _pay(request, order)
        use_invoice(order)
        return redirect(order_url(order))
    # A box filled before boxes had keys gets one before its form can be sent twice.
    box.checkout_key(request)
    country = form["country"].value() if form.is_bound else None
    return render(
        request,
        "orders/checkout.html",
        {"form": form, "groups": box.grouped_by_vendor(lines), "totals": box.totals(lines, country)},
    )


def _placed_order(request):
    key = box.checkout_key(request, create=False)
    return SampleOrder.objects.filter(key=key).first() if key else None


def _pay(request, order):
    """Send the buyer to Stripe; if Stripe cannot be reached the order stays and can be paid later."""
    detail = request.build_absolute_uri(order_url(order))
    try:
        session = payments.create_checkout_session(
            order, success_url=f"{detail}?paid=1", cancel_url=f"{detail}?cancelled=1"
        )
    except payments.PaymentError:
        logger.exception("Could not create a Stripe Checkout Session for %s", order.reference)
        # Stripe keeps this failure as the answer to the attempt's key: the buyer's next try is a new one.
        SampleOrder.objects.filter(pk=order.pk).update(payment_attempt=F("payment_attempt") + 1)
        messages.error(
            request,
            _(
                "We saved your order %(reference)s but could not reach the payment service. "
                "Please try to pay again in a moment."
            )
            % {"reference": order.reference},
        )
        return redirect(detail)
    SampleOrder.objects.filter(pk=order.pk).update(stripe_session_id=session.id)
    response = HttpResponseRedirect(session.url)
    response.status_code = 303  # "See other": the browser GETs Stripe's page after our POST.
    return response


def _order_for_token(token):
    value = read_token(token)
    if value is None:
        raise Http404
    pk, reference, key = value
    orders = SampleOrder.objects.filter(pk=pk, reference=reference)
    if key is not None:
        try:
            orders = orders.filter(key=key)
        except ValidationError:
            raise Http404 from None
    order = orders.first()
    if order is None:
        raise Http404
    return order


def _order_link(view):
    """The view with the order its link names; a link too old gets a page that says so, and who to ask."""

    @wraps(view)
    def with_order(request, token):
        try:
            order = _order_for_token(token)
        except LinkExpired as expired:
            context = {"reference": expired.reference, "days": settings.ORDER_LINK_MAX_AGE_DAYS}
            return render(request, "orders/link_expired.html", context, status=410)
        return view(request, order)

    return with_order


@never_cache
@_order_link
def order_detail(request, order):
    return render(
        request,
        "orders/order_detail.html",
        {
            "order": order,
            "lines": order.lines.all(),
            # Back from Stripe before its confirmation: even an order that expired meanwhile is paid.
            "just_paid": request.GET.get("paid") == "1"
            and order.status in (OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED),
            "can_pay": payments.is_enabled() and order.status == OrderStatus.PENDING_PAYMENT,
            "token": make_token(order),
        },
    )


@require_POST
@_order_link
def pay_order(request, order):
    """Retry payment of a saved order (when Stripe could not be reached, or the buyer came back)."""
    if not payments.is_enabled() or order.status != OrderStatus.PENDING_PAYMENT:
        return redirect(order_url(order))
    return _pay(request, order)


def _while_locked(action, attempts=20):
    """`action()`, tried again after a growing pause while the database refuses it as locked.

    SQLite allows one writer at a time, and may refuse even a read or the start of a transaction
    while another delivery writes; the last refusal is raised.
    """
    for attempt in range(attempts):
        try:
            return action()
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _event_fields(event):
    """(id, type) of a decoded webhook body, or None when it is not an event that can be stored by its id."""
    if not isinstance(event, dict):
        return None
    event_id, event_type = event.get("id"), event.get("type", "")
    id_length = PaymentEvent._meta.get_field("stripe_event_id").max_length
    type_length = PaymentEvent._meta.get_field("type").max_length
    if not (isinstance(event_id, str) and 0 < len(event_id) <= id_length):
        return None
    if not (isinstance(event_type, str) and len(event_type) <= type_length):
        return None
    return event_id, event_type


def _stored_event(event_id, event_type, payload):
    """The event's PaymentEvent: stored now, or as an earlier delivery of the same event stored it."""

    def store():
        try:
            with transaction.atomic():
                return PaymentEvent.objects.create(stripe_event_id=event_id, type=event_type, payload=payload)
        except IntegrityError:
            return PaymentEvent.objects.get(stripe_event_id=event_id)

    return _while_locked(store)


def _apply_event(record):
    """`apply_payment_event(record)`, again while the database is locked by another delivery."""
    return _while_locked(lambda: apply_payment_event(record))


@csrf_exempt
@require_POST
def stripe_webhook(request):
    payload = request.body
    try:
        event = payments.verify_webhook(payload, request.headers.get("Stripe-Signature", ""))
    except (payments.SignatureError, ValueError):
        return HttpResponseBadRequest("Invalid signature")
    fields = _event_fields(event)
    if fields is None:
        return HttpResponseBadRequest("Not an event")
    try:
        record = _stored_event(*fields, event)
    except OperationalError:
        return HttpResponse("Busy, retry", status=503)
    if record.processed_at is not None:
        return HttpResponse("Already received")
    # Stored but not applied: new, or stored by a delivery whose worker died before applying it (or
    # is applying it now; the event is applied once either way).
    try:
        _apply_event(record)
    except RetryLater:
        # Left unapplied, so Stripe's next delivery, or process_payment_events, applies it.
        return HttpResponse("Retry later", status=503)
    except OperationalError:
        return HttpResponse("Busy, retry", status=503)
    return HttpResponse("OK")
