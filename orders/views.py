"""Buyer-facing views: the sample box, checkout, the private order page, and Stripe's webhook."""

import json
import logging
import time

from django.contrib import messages
from django.db import IntegrityError, OperationalError, transaction
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import box, payments
from .forms import BoxQuantityForm, CheckoutForm
from .models import OrderStatus, PaymentEvent, SampleOrder
from .services import RetryLater, apply_payment_event, place_order, use_invoice
from .tokens import make_token, order_url, read_token

logger = logging.getLogger(__name__)


def _back(request, fallback):
    target = request.POST.get("next") or request.META.get("HTTP_REFERER")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
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


@require_POST
def add_sample(request):
    box_url = reverse("orders:box")
    form = BoxQuantityForm(request.POST)
    product = _product_from(form)
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
    messages.success(request, _("%(product)s was added to your sample box.") % {"product": product.title})
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
    lines = box.lines(request)
    if not lines:
        messages.info(request, _("Your sample box is empty. Add samples from a product page first."))
        return redirect("orders:box")
    form = CheckoutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        order = place_order(lines, form.cleaned_data, get_language())
        box.clear(request)
        if payments.is_enabled():
            return _pay(request, order)
        use_invoice(order)
        return redirect(order_url(order))
    country = form["country"].value() if form.is_bound else None
    return render(
        request,
        "orders/checkout.html",
        {"form": form, "groups": box.grouped_by_vendor(lines), "totals": box.totals(lines, country)},
    )


def _pay(request, order):
    """Send the buyer to Stripe; if Stripe cannot be reached the order stays and can be paid later."""
    detail = request.build_absolute_uri(order_url(order))
    try:
        session = payments.create_checkout_session(
            order, success_url=f"{detail}?paid=1", cancel_url=f"{detail}?cancelled=1"
        )
    except payments.PaymentError:
        logger.exception("Could not create a Stripe Checkout Session for %s", order.reference)
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
    order = SampleOrder.objects.filter(pk=value[0], reference=value[1]).first()
    if order is None:
        raise Http404
    return order


@never_cache
def order_detail(request, token):
    order = _order_for_token(token)
    return render(
        request,
        "orders/order_detail.html",
        {
            "order": order,
            "lines": order.lines.all(),
            "just_paid": request.GET.get("paid") == "1" and order.status == OrderStatus.PENDING_PAYMENT,
            "can_pay": payments.is_enabled() and order.status == OrderStatus.PENDING_PAYMENT,
            "token": make_token(order),
        },
    )


@require_POST
def pay_order(request, token):
    """Retry payment of a saved order (when Stripe could not be reached, or the buyer came back)."""
    order = _order_for_token(token)
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


def _store_event(event_id, event_type, payload):
    """The new PaymentEvent, or None when this event was already stored (a replay)."""

    def store():
        try:
            with transaction.atomic():
                return PaymentEvent.objects.create(stripe_event_id=event_id, type=event_type, payload=payload)
        except IntegrityError:
            return None

    return _while_locked(store)


def _apply_event(record):
    """`apply_payment_event(record)`, again while the database is locked by another delivery: the
    event is stored, so it must be applied now, not on a replay."""
    return _while_locked(lambda: apply_payment_event(record))


@csrf_exempt
@require_POST
def stripe_webhook(request):
    payload = request.body
    try:
        payments.verify_webhook(payload, request.headers.get("Stripe-Signature", ""))
    except (payments.SignatureError, ValueError):
        return HttpResponseBadRequest("Invalid signature")
    data = json.loads(payload)
    event_id, event_type = data.get("id"), data.get("type", "")
    if not event_id:
        return HttpResponseBadRequest("No event id")
    try:
        record = _store_event(event_id, event_type, data)
    except OperationalError:
        return HttpResponse("Busy, retry", status=503)
    if record is None:
        return HttpResponse("Already received")
    try:
        _apply_event(record)
    except RetryLater:
        # Forget the event so Stripe's next delivery is processed, not treated as a replay.
        record.delete()
        return HttpResponse("Retry later", status=503)
    return HttpResponse("OK")
