"""Times as the admin shows them: in the site's zone (TIME_ZONE, Asia/Jakarta), with the zone named."""

from django.utils import timezone
from django.utils.formats import date_format

EMPTY = "—"


def local_datetime(value):
    """ "3 Desember 2026 14.05 WIB" (in the active language), or "—" for no time at all."""
    if value is None:
        return EMPTY
    local = timezone.localtime(value)
    return f"{date_format(local, 'DATETIME_FORMAT')} {local.tzname()}"
