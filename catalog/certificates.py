"""The kinds of Indonesian compliance document a maker can list: how each number is written and
where a buyer can look it up. The one place for both (formats and issuers' search pages from
the shared DOMAIN.md, "Indonesian compliance documents").

A CertificationType snippet says which kind it is (`CertificationType.kind`); its certificates'
numbers are checked against that kind's format, and the public page links the kind's search page.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateKind(models.TextChoices):
    NIB = "nib", _("NIB (business identification number)")
    PIRT = "p-irt", _("P-IRT / SPP-IRT (home-industry food)")
    BPOM = "bpom", _("BPOM MD / ML (processed-food registration)")
    HALAL = "halal", _("Halal certificate (BPJPH)")
    SNI = "sni", _("SNI product certificate (SPPT-SNI)")
    DJKI = "djki", _("Registered trademark (DJKI)")
    OTHER = "other", _("Other (number not checked)")


@dataclass(frozen=True)
class Kind:
    pattern: str  # matched against the whole number, upper-cased, spaces squeezed to one
    message: str  # the expected format with an example: what the maker reads when a number is wrong
    verify_url: str  # the issuer's public search, for buyers ("How to verify")


KINDS = {
    CertificateKind.NIB: Kind(
        r"\d{13}",
        _("An NIB is exactly 13 digits (numbers only), e.g. 9120001234567."),
        "https://oss.go.id/",
    ),
    # "P-IRT No. 1234567890123-45": at least 15 digits, the last two (the expiry year) after a dash.
    CertificateKind.PIRT: Kind(
        r"(?:(?:SPP-)?P-?IRT(?: NO\.?)?:? ?)?\d{13,16}-?\d{2}",
        _(
            "A P-IRT number has at least 15 digits, the last two after a dash, "
            "e.g. 1234567890123-45 (“P-IRT No.” in front is optional)."
        ),
        # Issued by the city's health office (Dinas Kesehatan); its register is public there.
        "https://dinkes.malangkota.go.id/",
    ),
    # "BPOM RI MD 2xxxxxxxxxxx": MD (made in Indonesia) or ML (imported), then 12 digits.
    CertificateKind.BPOM: Kind(
        r"(?:BPOM(?: RI)? ?)?M[DL] ?\d{12}",
        _(
            "A BPOM number is MD or ML followed by 12 digits, e.g. MD 224510001234 "
            "(“BPOM RI” in front is optional)."
        ),
        "https://cekbpom.pom.go.id/",
    ),
    # BPJPH certificates start with "ID", e.g. ID8111000xxxxxxx.
    CertificateKind.HALAL: Kind(
        r"ID ?\d{10,20}",
        _("A halal certificate number is ID followed by its digits, e.g. ID35110000123456."),
        "https://halal.go.id/",
    ),
    # Set by the certifying body (LSPro): no single format, so letters, digits and separators.
    CertificateKind.SNI: Kind(
        r"(?=.*\d)[A-Z0-9][A-Z0-9./ -]{3,59}",
        _(
            "Write the SNI certificate number as printed by the certification body (letters, "
            "digits, / . -), e.g. 0123/LSPRO-ABC/2024."
        ),
        "https://bsn.go.id/",
    ),
    # DJKI registrations: IDM (trademark) or IDJ (service mark) and 9 digits, e.g. IDM000123456.
    CertificateKind.DJKI: Kind(
        r"IDM ?\d{9}|IDJ ?\d{9}",
        _(
            "A DJKI registration number is IDM (or IDJ for a service mark) followed by 9 digits, "
            "e.g. IDM000123456."
        ),
        "https://pdki-indonesia.dgip.go.id/",
    ),
}


def normalise(number):
    return " ".join((number or "").split()).upper()


def validate_number(kind, number):
    """Raise a ValidationError naming the expected format when `number` is not one of `kind`'s."""
    spec = KINDS.get(kind)
    if spec is None:
        return
    if not re.fullmatch(spec.pattern, normalise(number)):
        raise ValidationError(spec.message, code=f"invalid_{kind.replace('-', '_')}")


def validate_trademark_number(value):
    validate_number(CertificateKind.DJKI, value)


def verify_url(kind):
    spec = KINDS.get(kind)
    return spec.verify_url if spec else ""
