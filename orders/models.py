"""Sample orders: shipping zones, the order with its snapshot lines, and the log of Stripe events."""

import uuid

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from catalog.fields import MinorUnitsField


class OrderStatus(models.TextChoices):
    PENDING_PAYMENT = "pending_payment", _("Pending payment")
    AWAITING_INVOICE = "awaiting_invoice", _("Awaiting invoice")
    INVOICE_SENT = "invoice_sent", _("Invoice sent")
    PAID = "paid", _("Paid")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", pgettext_lazy("order status", "Cancelled")
    REFUNDED = "refunded", _("Refunded")
    EXPIRED = "expired", _("Expired unpaid")


# The order pipeline, in one place. The site's own moves are not offered in the admin: to paid is
# the webhook's (also from expired: money Stripe received wins over the expiry), to expired is
# expire_pending_orders'. Every other move is made by people in the admin. An invoice order goes
# awaiting invoice -> invoice sent -> paid -> shipped -> delivered (or cancelled before it is paid).
TRANSITIONS = {
    OrderStatus.PENDING_PAYMENT: {OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.EXPIRED},
    OrderStatus.EXPIRED: {OrderStatus.PAID, OrderStatus.CANCELLED},
    OrderStatus.AWAITING_INVOICE: {OrderStatus.INVOICE_SENT, OrderStatus.PAID, OrderStatus.CANCELLED},
    OrderStatus.INVOICE_SENT: {OrderStatus.PAID, OrderStatus.CANCELLED},
    OrderStatus.PAID: {OrderStatus.SHIPPED, OrderStatus.CANCELLED, OrderStatus.REFUNDED},
    OrderStatus.SHIPPED: {OrderStatus.DELIVERED, OrderStatus.REFUNDED},
    OrderStatus.DELIVERED: {OrderStatus.REFUNDED},
    OrderStatus.CANCELLED: set(),
    OrderStatus.REFUNDED: set(),
}
# Moves a maker may make on an order holding only its samples (orders.permissions.orders_movable_by);
# curators may make any admin move.
VENDOR_TRANSITIONS = {(OrderStatus.PAID, OrderStatus.SHIPPED), (OrderStatus.SHIPPED, OrderStatus.DELIVERED)}
AUTOMATIC_TRANSITIONS = {
    (OrderStatus.PENDING_PAYMENT, OrderStatus.PAID),
    (OrderStatus.EXPIRED, OrderStatus.PAID),
    (OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED),
}


def can_transition(current, new):
    return new in TRANSITIONS.get(current, set())


def admin_transitions(current, curator):
    """Statuses a person may move an order to from `current` in the admin."""
    allowed = []
    for new in TRANSITIONS.get(current, set()):
        if (current, new) in AUTOMATIC_TRANSITIONS:
            continue
        if curator or (current, new) in VENDOR_TRANSITIONS:
            allowed.append(new)
    return sorted(allowed, key=lambda status: list(OrderStatus).index(status))


class ShippingZone(models.Model):
    """A flat sample-shipping rate for a group of destination countries, set by curators."""

    name = models.CharField(_("name"), max_length=80)
    countries = models.TextField(
        _("countries"),
        blank=True,
        help_text=_("ISO 3166-1 alpha-2 codes, comma-separated, e.g. US, CA, MX."),
    )
    flat_rate = MinorUnitsField(_("flat rate"))
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    is_default = models.BooleanField(
        _("default zone"),
        default=False,
        help_text=_("Used for countries not listed in any zone, and shown before the buyer picks a country."),
    )

    class Meta:
        verbose_name = _("shipping zone")
        verbose_name_plural = _("shipping zones")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.countries = ", ".join(self.country_codes)
        self.currency = self.currency.upper()
        with transaction.atomic():
            if self.is_default:
                ShippingZone.objects.exclude(pk=self.pk).filter(is_default=True).update(is_default=False)
            super().save(*args, **kwargs)

    @property
    def country_codes(self):
        return [code.strip().upper() for code in self.countries.replace(";", ",").split(",") if code.strip()]

    @classmethod
    def default(cls):
        return cls.objects.filter(is_default=True).first()

    @classmethod
    def for_country(cls, country_code):
        """The zone listing this country, else the default zone (None when no zone is set up)."""
        code = (country_code or "").upper()
        if code:
            for zone in cls.objects.all():
                if code in zone.country_codes:
                    return zone
        return cls.default()


class SampleOrder(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, editable=False)
    # Random, unlike the reference (numbered from the primary key, so numbers repeat after a database
    # is restored from a backup): the sample box's checkout key, so a box submitted twice makes one
    # order, and the base of the order's Stripe idempotency keys.
    key = models.UUIDField(_("key"), unique=True, default=uuid.uuid4, editable=False)
    # Bumped when creating a Stripe Checkout Session fails: Stripe answers a key with its first result,
    # errors included, for 24 hours, so the buyer's next try needs a new key.
    payment_attempt = models.PositiveSmallIntegerField(_("payment attempt"), default=0, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=OrderStatus.choices, default=OrderStatus.PENDING_PAYMENT
    )
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)

    name = models.CharField(_("name"), max_length=120)
    company = models.CharField(_("company"), max_length=160, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address_line1 = models.CharField(_("address"), max_length=200)
    address_line2 = models.CharField(_("address (line 2)"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2)

    subtotal = models.PositiveIntegerField(_("subtotal"), default=0)
    shipping = models.PositiveIntegerField(_("shipping"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    currency = models.CharField(_("currency"), max_length=3, default="USD")

    stripe_session_id = models.CharField(_("Stripe session"), max_length=255, blank=True, db_index=True)
    payment_flagged = models.BooleanField(_("payment flagged"), default=False)
    flag_reason = models.TextField(_("flag reason"), blank=True)

    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    paid_notified_at = models.DateTimeField(_("payment e-mails sent"), null=True, blank=True, editable=False)
    # How often sending the payment e-mails was tried, and the last failure while they are unsent.
    paid_notify_attempts = models.PositiveSmallIntegerField(
        _("payment e-mail attempts"), default=0, editable=False
    )
    paid_notify_error = models.TextField(_("payment e-mail error"), blank=True, editable=False)
    # Set while one process sends them, so no other sends them too (storefront.mail.send_once).
    paid_notify_claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    # Given by whoever marks the order shipped; the buyer's e-mail and order page show them.
    carrier = models.CharField(_("carrier"), max_length=80, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("sample order")
        verbose_name_plural = _("sample orders")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.reference or _("Sample order")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if not self.reference:
            # Numbered from the primary key: unique under any concurrency, and easy to quote.
            self.reference = f"SMP-{self.created_at.year}-{self.pk:06d}"
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)

    def can_transition_to(self, new_status):
        return can_transition(self.status, new_status)

    @property
    def buyer(self):
        return f"{self.name} ({self.company})" if self.company else self.name


class OrderLine(models.Model):
    order = models.ForeignKey(SampleOrder, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(
        "catalog.ProductPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    vendor = models.ForeignKey(
        "catalog.VendorPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    vendor_translation_key = models.UUIDField(_("maker key"), null=True, blank=True, db_index=True)
    product_name = models.CharField(_("product"), max_length=255)
    vendor_name = models.CharField(_("maker"), max_length=255)
    unit_price = models.PositiveIntegerField(_("unit price"))
    quantity = models.PositiveSmallIntegerField(_("quantity"))
    line_total = models.PositiveIntegerField(_("line total"))
    currency = models.CharField(_("currency"), max_length=3, default="USD")

    class Meta:
        verbose_name = _("order line")
        ordering = ["vendor_name", "product_name", "id"]

    def __str__(self):
        return f"{self.quantity} × {self.product_name}"


class OrderMail(models.Model):
    """E-mails owed about an order, one row per status the order reached: for an invoice order's
    `awaiting_invoice` the buyer's confirmation, each maker's lines and the trade office's copy; for
    a later status the buyer's news of it. Sent once by storefront.mail.send_once (the unique status
    per order keeps a change from being told twice); resend_order_notifications sends what failed."""

    order = models.ForeignKey(SampleOrder, on_delete=models.CASCADE, related_name="mails")
    status = models.CharField(_("status"), max_length=20, choices=OrderStatus.choices)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("order e-mail")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["order", "status"], name="orders_ordermail_once_per_status")
        ]

    def __str__(self):
        return f"{self.order} {self.status}"


class PaymentEvent(models.Model):
    """Append-only log of Stripe webhook events, each stored once by its id and applied once."""

    class Result(models.TextChoices):
        RECEIVED = "received", _("Received")
        PAID = "paid", _("Marked paid")
        FLAGGED = "flagged", _("Flagged")
        IGNORED = "ignored", _("Ignored")

    stripe_event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payload = models.JSONField()
    order = models.ForeignKey(
        SampleOrder, null=True, blank=True, on_delete=models.SET_NULL, related_name="payment_events"
    )
    received_at = models.DateTimeField(auto_now_add=True)
    # Set in the transaction that applies the event (with the order's change, if any): an event
    # stored without it was not applied yet, and Stripe's next delivery or process_payment_events
    # applies it.
    processed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    result = models.CharField(max_length=20, choices=Result.choices, default=Result.RECEIVED)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.type} {self.stripe_event_id}"
