"""Money as integer minor units: edited as a decimal amount, stored as an integer (never a float)."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

MINOR_UNITS_PER_MAJOR = 100  # USD, the catalogue's currency; IDR prices are not taken here.
# The largest amount a MinorUnitsField holds: PostgreSQL's integer column (SQLite's would take more,
# so both databases refuse the same amounts).
MAX_MINOR_UNITS = 2_147_483_647


def to_minor_units(amount):
    return int((Decimal(amount) * MINOR_UNITS_PER_MAJOR).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor_units(minor):
    if minor is None:
        return None
    return (Decimal(minor) / MINOR_UNITS_PER_MAJOR).quantize(Decimal("0.01"))


def money(minor_units, currency="USD"):
    """12345 → 'US$123.45'; separators as the reader's locale writes them (US$1.234,50 in id)."""
    amount = from_minor_units(minor_units)
    if amount is None:
        return ""
    symbol = {"USD": "US$"}.get(currency, f"{currency} ")
    return f"{symbol}{number_format(amount, 2, use_l10n=True, force_grouping=True)}"


class MoneyFormField(forms.DecimalField):
    def __init__(self, **kwargs):
        for key in ("max_value", "min_value", "max_digits", "decimal_places"):
            kwargs.pop(key, None)
        super().__init__(min_value=Decimal("0"), max_digits=12, decimal_places=2, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return from_minor_units(value)
        return value

    def clean(self, value):
        amount = super().clean(value)
        if amount is None:
            return None
        try:
            minor = to_minor_units(amount)
        except InvalidOperation as exc:
            raise ValidationError(_("Enter an amount such as 12.50.")) from exc
        if minor > MAX_MINOR_UNITS:
            raise ValidationError(
                _("Enter an amount of at most %(limit)s."),
                code="max_value",
                params={"limit": f"{from_minor_units(MAX_MINOR_UNITS):,}"},
            )
        return minor


class MinorUnitsField(models.PositiveIntegerField):
    """An amount in minor units (cents). Forms show and take it in major units (12.50)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": MoneyFormField, **kwargs})
