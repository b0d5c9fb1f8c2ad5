"""Buyer inquiries (RFQs): what was asked, about which product and maker, and whether the maker was told."""

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.fields import MinorUnitsField, from_minor_units
from catalog.models import Incoterm, Unit
from storefront.countries import country_name

MAX_QUANTITY = 10_000_000


class InquiryStatus(models.TextChoices):
    NEW = "new", _("New")
    REPLIED = "replied", _("Replied")
    QUOTED = "quoted", _("Quoted")
    WON = "won", _("Won")
    LOST = "lost", _("Lost")
    CLOSED = "closed", _("Closed")
    SPAM = "spam", _("Spam")


# The declared pipeline: which status an inquiry may move to from each status.
# Replying (the Reply form) moves it to "replied"; the maker then records a quote and the outcome.
STATUS_TRANSITIONS = {
    InquiryStatus.NEW: {InquiryStatus.REPLIED, InquiryStatus.CLOSED, InquiryStatus.SPAM},
    InquiryStatus.REPLIED: {
        InquiryStatus.QUOTED,
        InquiryStatus.WON,
        InquiryStatus.LOST,
        InquiryStatus.CLOSED,
        InquiryStatus.SPAM,
    },
    InquiryStatus.QUOTED: {InquiryStatus.WON, InquiryStatus.LOST, InquiryStatus.CLOSED},
    InquiryStatus.WON: {InquiryStatus.QUOTED, InquiryStatus.LOST},
    InquiryStatus.LOST: {InquiryStatus.QUOTED, InquiryStatus.WON},
    InquiryStatus.CLOSED: {InquiryStatus.REPLIED},
    InquiryStatus.SPAM: {InquiryStatus.NEW},
}


def hash_ip(ip_address):
    """A stable pseudonym for an address (for rate limits and abuse reports); the raw IP is never stored."""
    return hashlib.sha256(f"{ip_address or ''}:{settings.SECRET_KEY}".encode()).hexdigest()


class InquirySequence(models.Model):
    """One row per year; locking it hands out the next reference number, so two posts never share one."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("inquiry number sequence")

    def __str__(self):
        return f"{self.year}: {self.last_number}"

    @classmethod
    def next_reference(cls, year):
        """Must run inside the transaction that saves the inquiry, so a rollback gives the number back."""
        sequence, _created = cls.objects.select_for_update().get_or_create(year=year)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        return f"INQ-{year}-{sequence.last_number:06d}"


class InquiryQuerySet(models.QuerySet):
    def for_vendor_keys(self, keys):
        """Inquiries of these makers (translation keys); `None` means every maker (curators)."""
        if keys is None:
            return self
        return self.filter(vendor_translation_key__in=list(keys))

    def pending_notification(self):
        return self.filter(notified_at__isnull=True).exclude(status=InquiryStatus.SPAM)


class Inquiry(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=InquiryStatus.choices, default=InquiryStatus.NEW
    )

    # What it is about. Names and terms are copied, so editing or deleting a page changes nothing here.
    product = models.ForeignKey(
        "catalog.ProductPage",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    vendor = models.ForeignKey(
        "catalog.VendorPage",
        verbose_name=_("maker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    vendor_translation_key = models.UUIDField(_("maker key"), null=True, blank=True, editable=False)
    product_name = models.CharField(_("product name"), max_length=255, blank=True)
    vendor_name = models.CharField(_("maker name"), max_length=255, blank=True)
    product_moq = models.PositiveIntegerField(_("product MOQ when asked"), null=True, blank=True)
    product_unit = models.CharField(_("product unit when asked"), max_length=20, blank=True)
    language_code = models.CharField(_("language"), max_length=10, default="en")

    # The buyer and the request.
    name = models.CharField(_("name"), max_length=120)
    company = models.CharField(_("company"), max_length=160)
    email = models.EmailField(_("e-mail"), max_length=254)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    quantity = models.PositiveIntegerField(
        _("quantity"), validators=[MinValueValidator(1), MaxValueValidator(MAX_QUANTITY)]
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, default=Unit.PIECES)
    target_price = MinorUnitsField(_("target unit price (USD)"), null=True, blank=True)
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=Incoterm.choices, default=Incoterm.FOB)
    destination = models.CharField(_("destination"), max_length=160)
    message = models.TextField(_("message"), max_length=5000)

    ip_hash = models.CharField(_("address hash"), max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    notified_at = models.DateTimeField(_("maker notified at"), null=True, blank=True, editable=False)
    notify_attempts = models.PositiveSmallIntegerField(_("notification attempts"), default=0, editable=False)
    last_error = models.TextField(_("last notification error"), blank=True, editable=False)
    # Set while one process sends the e-mails, so no other sends them too (storefront.mail.send_once).
    notify_claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["vendor_translation_key", "-created_at"], name="inquiry_vendor_created"),
            models.Index(fields=["status", "-created_at"], name="inquiry_status_created"),
            models.Index(fields=["country"], name="inquiry_country"),
            models.Index(fields=["created_at"], name="inquiry_created"),
            models.Index(
                fields=["created_at"],
                name="inquiry_pending_notification",
                condition=models.Q(notified_at__isnull=True),
            ),
        ]

    def __str__(self):
        return self.reference

    @classmethod
    def create_with_reference(cls, **fields):
        """Save a new inquiry with the next reference of this year (Jakarta time)."""
        created_at = fields.pop("created_at", None) or timezone.now()
        with transaction.atomic():
            reference = InquirySequence.next_reference(timezone.localtime(created_at).year)
            return cls.objects.create(reference=reference, created_at=created_at, **fields)

    @property
    def is_notified(self):
        return self.notified_at is not None

    def get_country_display(self):
        return country_name(self.country)

    def get_target_price_display(self):
        amount = from_minor_units(self.target_price)
        return f"USD {amount}" if amount is not None else "—"

    @property
    def target_price_amount(self):
        return from_minor_units(self.target_price)

    def allowed_statuses(self):
        return [self.status, *sorted(STATUS_TRANSITIONS.get(self.status, ()))]

    def get_language_display(self):
        """The buyer's language in words ("Japanese"), in the language of the page showing it."""
        return language_name(self.language_code)


def language_name(code):
    from django.utils.translation import get_language_info

    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


class InquiryReply(models.Model):
    """A maker's answer to an inquiry, e-mailed to the buyer; kept even when the mail server refuses it."""

    inquiry = models.ForeignKey(
        Inquiry, verbose_name=_("inquiry"), on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("reply"), max_length=10000)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, editable=False)
    # The e-mail to the buyer (storefront.mail.send_once): empty until the mail server took it.
    mailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True, editable=False)
    mail_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0, editable=False)
    mail_error = models.TextField(_("last e-mail error"), blank=True, editable=False)
    mail_claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("inquiry reply")
        verbose_name_plural = _("inquiry replies")
        ordering = ["sent_at", "id"]
        indexes = [
            models.Index(
                fields=["sent_at"], name="inquiry_reply_unmailed", condition=models.Q(mailed_at__isnull=True)
            ),
        ]

    def __str__(self):
        return f"{self.inquiry.reference} {self.sent_at:%Y-%m-%d %H:%M}"
