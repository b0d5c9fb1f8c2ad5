"""Destination countries a buyer can pick at sample checkout (ISO 3166-1 alpha-2 → name)."""

from django.utils.translation import gettext_lazy as _

# The markets Malang's makers ship samples to; curators price them through shipping zones.
COUNTRIES = [
    ("AE", _("United Arab Emirates")),
    ("AU", _("Australia")),
    ("BE", _("Belgium")),
    ("BN", _("Brunei")),
    ("CA", _("Canada")),
    ("CH", _("Switzerland")),
    ("CN", _("China")),
    ("DE", _("Germany")),
    ("DK", _("Denmark")),
    ("EG", _("Egypt")),
    ("ES", _("Spain")),
    ("FR", _("France")),
    ("GB", _("United Kingdom")),
    ("HK", _("Hong Kong")),
    ("ID", _("Indonesia")),
    ("IN", _("India")),
    ("IT", _("Italy")),
    ("JP", _("Japan")),
    ("KR", _("South Korea")),
    ("KW", _("Kuwait")),
    ("MY", _("Malaysia")),
    ("NL", _("Netherlands")),
    ("NZ", _("New Zealand")),
    ("PH", _("Philippines")),
    ("QA", _("Qatar")),
    ("SA", _("Saudi Arabia")),
    ("SE", _("Sweden")),
    ("SG", _("Singapore")),
    ("TH", _("Thailand")),
    ("TR", _("Türkiye")),
    ("TW", _("Taiwan")),
    ("US", _("United States")),
    ("VN", _("Vietnam")),
]
COUNTRY_CODES = {code for code, _name in COUNTRIES}


def country_name(code):
    return dict(COUNTRIES).get(code, code)
