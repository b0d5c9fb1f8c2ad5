"""Validators for Indonesian business identifiers and customs codes."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_nib(value):
    """NIB (Nomor Induk Berusaha) from OSS-RBA: exactly 13 digits."""
    if not re.fullmatch(r"\d{13}", value or ""):
        raise ValidationError(
            _("An NIB is exactly 13 digits (numbers only), e.g. 9120001234567."), code="invalid_nib"
        )


def validate_hs_code(value):
    """HS code: 6 to 10 digits; dots between groups (6913.10) are allowed."""
    digits = (value or "").replace(".", "")
    if not re.fullmatch(r"[\d.]+", value or "") or not 6 <= len(digits) <= 10 or not digits.isdigit():
        raise ValidationError(
            _("An HS code has 6 to 10 digits, e.g. 6913.10 or 691310."), code="invalid_hs_code"
        )


def validate_whatsapp(value):
    if not re.fullmatch(r"\+?\d{8,15}", (value or "").replace(" ", "").replace("-", "")):
        raise ValidationError(
            _("Enter a WhatsApp number with country code, e.g. +62 812 3456 7890."), code="invalid_phone"
        )


def validate_price_tiers(tiers):
    """Tiers are (min_quantity, unit_price_minor) pairs in form order.

    Quantities must rise from one tier to the next and no price may be below zero; a buyer
    reading the table top to bottom should see larger orders, never a repeated or falling step.
    Returns (row index, field name, message) for each row at fault.
    """
    errors = []
    previous = None
    for index, (quantity, price) in enumerate(tiers):
        if price is not None and price < 0:
            errors.append((index, "unit_price", _("A price cannot be below zero.")))
        if quantity is not None and previous is not None and quantity <= previous:
            errors.append(
                (
                    index,
                    "min_quantity",
                    _("Each price tier must start at a larger quantity than the one above it."),
                )
            )
        if quantity is not None:
            previous = quantity
    return errors
