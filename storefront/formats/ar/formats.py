"""Arabic numbers: Django's separators (20.000, 3,80), Western digits, grouped by thousands."""

from django.conf.locale.ar.formats import *  # noqa: F403

NUMBER_GROUPING = 3
