"""Simplified Chinese numbers grouped by thousands: 20,000 (Django groups by four, unseparated)."""

from django.conf.locale.zh_Hans.formats import *  # noqa: F403

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
