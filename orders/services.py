"""Placing a sample order from the box and applying Stripe's payment confirmation to it."""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail.log_actions import log

from . import payments
from .box import totals
from .models import OrderLine, OrderMail, OrderStatus, PaymentEvent, SampleOrder

logger = logging.getLogger(__name__)

PAYMENT_EVENTS = {"checkout.session.completed", "checkout.session.async_payment_succeeded"}
CONTACT_FIELDS = (
    "name",
    "company",
    "email",
    "phone",
    "address_line1",
    "address_line2",
    "city",
    "postal_code",
    "country",
)


def place_order(box_lines, contact, language, key):
    """The box's order and whether this call placed it: saved now with its snapshot lines in one
    transaction (prices come from the pages, not the buyer), or the order an earlier or concurrent
    submit of the same box placed with the same checkout key (unique, so only one is ever saved)."""
    sums = totals(box_lines, contact["country"])
    try:
        with transaction.atomic():
            order = SampleOrder.objects.create(
                **{field: contact.get(field, "") for field in CONTACT_FIELDS},
                key=key,
                language=language,
                status=OrderStatus.PENDING_PAYMENT,
                subtotal=sums["subtotal"],
                shipping=sums["shipping"],
                total=sums["total"],
                currency=sums["currency"],
            )
            OrderLine.objects.bulk_create(
                [
                    OrderLine(
                        order=order,
                        product=line.product,
                        vendor=line.vendor,
                        vendor_translation_key=line.vendor.translation_key if line.vendor else None,
                        product_name=line.product.title,
                        vendor_name=line.vendor.title if line.vendor else "",
                        unit_price=line.unit_price,
                        quantity=line.quantity,
                        line_total=line.line_total,
                        currency=sums["currency"],
                    )
                    for line in box_lines
                ]
            )
    except IntegrityError:
        return SampleOrder.objects.get(key=key), False
    return order, True


def use_invoice(order):
    """Leave the order to be paid by invoice; once committed, the buyer, each maker and the trade
    office are e-mailed (orders.tasks.send_order_mail)."""
    with transaction.atomic():
        moved = SampleOrder.objects.filter(pk=order.pk, status=OrderStatus.PENDING_PAYMENT).update(
            status=OrderStatus.AWAITING_INVOICE
        )
        if moved:
            owe_status_mail(order.pk, OrderStatus.AWAITING_INVOICE)
    order.refresh_from_db()
    return order


# Paid has its own e-mails (orders.tasks.send_paid_notifications), sent for a card or an invoice.
STATUSES_WITHOUT_MAIL = {OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.EXPIRED}


def owe_status_mail(order_id, status):
    """Record, in the current transaction, the e-mails owed because the order reached `status`, and
    send them once it commits. Reaching a status twice owes nothing more."""
    if status in STATUSES_WITHOUT_MAIL:
        return
    owed, created = OrderMail.objects.get_or_create(order_id=order_id, status=status)
    if created:
        transaction.on_commit(lambda: _enqueue_order_mail(owed.pk))


def _enqueue_order_mail(mail_id):
    from .tasks import notify_order_mail

    notify_order_mail.enqueue(mail_id)


def _value(obj, key, default=None):
    try:
        return obj[key]
    except (KeyError, TypeError, IndexError):
        return getattr(obj, key, default)


def _text(mapping, key):
    """`mapping[key]` when it is a string; "" for anything else a signed body might hold there."""
    value = mapping.get(key) if isinstance(mapping, dict) else None
    return value if isinstance(value, str) else ""


def _checkout_session_in(payload):
    """The Checkout Session of an event that confirms a payment, or None: another event type, or a
    body not of the shape Stripe sends (it is ignored, not retried for ever)."""
    if not isinstance(payload, dict) or _text(payload, "type") not in PAYMENT_EVENTS:
        return None
    data = payload.get("data")
    session = data.get("object") if isinstance(data, dict) else None
    return session if isinstance(session, dict) else None


def _find_order(session):
    """The session's order, by the order's key in its metadata: a reference may have been given to
    another order by a restored database. Sessions made before orders had keys carry only the
    reference; for them, the reference or else the session id."""
    metadata = session.get("metadata")
    key, reference = _text(metadata, "order_key"), _text(metadata, "order_reference")
    if key:
        try:
            return SampleOrder.objects.filter(key=key).first()
        except ValidationError:  # not a UUID
            return None
    reference = reference or _text(session, "client_reference_id")
    if reference:
        order = SampleOrder.objects.filter(reference=reference).first()
        if order is not None:
            return order
    session_id = _text(session, "id")
    if session_id:
        return SampleOrder.objects.filter(stripe_session_id=session_id).first()
    return None


def apply_payment_event(event_record):
    """Apply a stored event once: mark its order paid if Stripe confirms the full amount.

    Safe to call again for the same event, and at the same time: Stripe's redelivery of an event
    that a dying worker stored but never applied, process_payment_events, concurrent deliveries.
    The event's row is locked and marked processed in the transaction that changes the order, so
    the first to get there applies it and the others change nothing. Raises RetryLater while
    Stripe cannot be asked; the event then stays unprocessed.
    """
    session_ref = _checkout_session_in(event_record.payload)
    if session_ref is None:
        return _finish_once(event_record, PaymentEvent.Result.IGNORED, "Not a payment event.")
    order = _find_order(session_ref)
    session_id = _text(session_ref, "id")
    if order is None or not session_id:
        logger.warning("Stripe event %s: no order for session %s", event_record.stripe_event_id, session_id)
        return _finish_once(event_record, PaymentEvent.Result.IGNORED, "No matching order.")
    try:
        session = payments.retrieve_checkout_session(session_id)
    except payments.PaymentError as exc:
        logger.error("Stripe event %s: cannot re-read session %s", event_record.stripe_event_id, session_id)
        raise RetryLater(str(exc)) from exc

    with transaction.atomic():
        if not _claim(event_record):
            return event_record
        order = SampleOrder.objects.select_for_update().get(pk=order.pk)
        event_record.order = order
        # An expired order is paid all the same: the buyer's money was received, and the makers
        # can still send the samples; the order's history in the admin says it came late.
        if order.status not in (OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED):
            logger.info("Stripe event %s: order %s is %s", event_record.stripe_event_id, order, order.status)
            return _finish(event_record, PaymentEvent.Result.IGNORED, f"Order is {order.status}.")
        if order.stripe_session_id and order.stripe_session_id != _value(session, "id"):
            return _flag(event_record, order, f"Session {_value(session, 'id')} is not the order's session.")
        payment_status = _value(session, "payment_status")
        if payment_status != "paid":
            return _finish(event_record, PaymentEvent.Result.IGNORED, f"Payment status {payment_status}.")
        amount, currency = _value(session, "amount_total"), (_value(session, "currency") or "").upper()
        if amount != order.total or currency != order.currency:
            return _flag(
                event_record,
                order,
                f"Stripe charged {amount} {currency}, the order is {order.total} {order.currency}.",
            )
        late = order.status == OrderStatus.EXPIRED
        order.status = OrderStatus.PAID
        order.paid_at = timezone.now()
        order.stripe_session_id = _value(session, "id")
        order.save(update_fields=["status", "paid_at", "stripe_session_id"])
        if late:
            log(order, "orders.paid_after_expiry")
        _finish(event_record, PaymentEvent.Result.PAID, "Paid after the order had expired." if late else "")
        transaction.on_commit(lambda: _enqueue_paid_notifications(order.pk))
    return event_record


def _claim(event_record):
    """Lock the event's row for this transaction; False when it has been applied meanwhile."""
    return (
        PaymentEvent.objects.select_for_update()
        .filter(pk=event_record.pk, processed_at__isnull=True)
        .only("pk")
        .first()
        is not None
    )


class RetryLater(Exception):
    """Stripe could not be asked now; answer with an error so Stripe delivers the event again."""


def _flag(event_record, order, reason):
    logger.warning("Order %s flagged: %s", order, reason)
    order.payment_flagged = True
    order.flag_reason = reason
    order.save(update_fields=["payment_flagged", "flag_reason"])
    return _finish(event_record, PaymentEvent.Result.FLAGGED, reason)


def _finish(event_record, result, notes):
    """Record the outcome; called in the transaction that claimed the event."""
    event_record.result = result
    event_record.notes = notes
    event_record.processed_at = timezone.now()
    event_record.save(update_fields=["result", "notes", "order", "processed_at"])
    return event_record


def _finish_once(event_record, result, notes):
    with transaction.atomic():
        if _claim(event_record):
            _finish(event_record, result, notes)
    return event_record


def _enqueue_paid_notifications(order_id):
    from .tasks import notify_order_paid

    notify_order_paid.enqueue(order_id)
