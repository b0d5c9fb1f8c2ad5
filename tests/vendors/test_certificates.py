"""Certificates a buyer can trust: numbers checked per kind, private scans, expiry, the curators'
"verified" mark, the issuers' searches, and the makers' e-mail before a certificate expires."""

import re
from datetime import date, timedelta

import pytest

from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from catalog.certificates import KINDS, CertificateKind
from catalog.models import CertificationType, ProductCertification, VendorCertification, VendorPage
from tests import factories
from tests.catalog.test_validation import vendor_form

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 scan of the halal certificate of Atelier Alpha\n%%EOF"

# A wrong and a right number for each kind, and a word of the message naming the right format.
NUMBERS = {
    CertificateKind.NIB: ("912000123456", "9120001234567", "13 digit"),
    CertificateKind.PIRT: ("P-IRT 12345", "P-IRT No. 2063507010123-29", "1234567890123-45"),
    CertificateKind.BPOM: ("MD 12345", "BPOM RI MD 224510001234", "MD 224510001234"),
    CertificateKind.HALAL: ("HALAL-2024", "ID35110000123456", "ID35110000123456"),
    CertificateKind.SNI: ("SNI", "0123/LSPRO-ABC/2024", "0123/LSPRO-ABC/2024"),
    CertificateKind.DJKI: ("IDM12", "IDM000123456", "IDM000123456"),
}


def cert_type(kind):
    found, _ = CertificationType.objects.get_or_create(
        slug=f"test-{kind}",
        locale=Locale.get_default(),
        defaults={"name": f"{kind} certificate", "short_name": kind.upper()[:20], "kind": kind},
    )
    return found


def edit_vendor(client, vendor, rows, **fields):
    data = vendor_form(
        title=vendor.title,
        slug=vendor.slug,
        legal_name=vendor.legal_name,
        nib=vendor.nib,
        **fields,
    )
    data.update(
        nested_form_data({"certifications": inline_formset(rows, initial=sum("id" in r for r in rows))})
    )
    return client.post(f"/admin/pages/{vendor.pk}/edit/", data)


def latest_rows(vendor):
    return list(VendorPage.objects.get(pk=vendor.pk).get_latest_revision_as_object().certifications.all())


def row(kind, number, **extra):
    return {"certification_type": cert_type(kind).pk, "number": number, "valid_until": "", **extra}


def private_document(maker, title="Halal certificate scan"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(PDF, name="sertifikat-halal.pdf"), collection=maker.documents
    )


def with_certificate(vendor, kind=CertificateKind.HALAL, **fields):
    """The maker's page published with one certificate, as a curator's approval leaves it."""
    fields.setdefault("number", NUMBERS[kind][1])
    vendor.certifications.add(VendorCertification(certification_type=cert_type(kind), **fields))
    vendor.save_revision().publish()
    return VendorCertification.objects.get(vendor=vendor)


# --- Numbers ---------------------------------------------------------------------------------------


def test_a_wrong_number_is_refused_in_indonesian_naming_the_format_and_keeps_what_was_typed(
    client_a, maker_a
):
    for kind, (wrong, _right, example) in NUMBERS.items():
        response = edit_vendor(
            client_a, maker_a.vendor, [row(kind, wrong)], tagline="Porselen Dinoyo sejak 1957"
        )
        assert response.status_code == 200, kind
        page = response.content.decode()
        assert example in page, kind
        assert wrong in page and "Porselen Dinoyo sejak 1957" in page, kind
    # Indonesian for a maker, e.g. the halal message.
    response = edit_vendor(client_a, maker_a.vendor, [row(CertificateKind.HALAL, "HALAL-2024")])
    assert "Nomor sertifikat halal" in response.content.decode()
    assert latest_rows(maker_a.vendor) == []


def test_right_numbers_of_every_kind_are_saved(client_a, maker_a):
    rows = [row(kind, right) for kind, (_wrong, right, _example) in NUMBERS.items()]
    response = edit_vendor(client_a, maker_a.vendor, rows)
    assert response.status_code == 302
    assert sorted(r.number for r in latest_rows(maker_a.vendor)) == sorted(n[1] for n in NUMBERS.values())


def test_a_trademark_needs_a_djki_registration_number(client_a, maker_a):
    data = {
        "trademarks": inline_formset([{"mark": "ALPHA", "registration_number": "12345", "nice_class": 21}])
    }
    response = edit_vendor(client_a, maker_a.vendor, [], **data)
    assert response.status_code == 200
    assert "IDM000123456" in response.content.decode()


# --- The curators' mark ------------------------------------------------------------------------------


def test_a_maker_cannot_mark_a_certificate_verified(client_a, maker_a):
    edit = client_a.get(f"/admin/pages/{maker_a.vendor.pk}/edit/").content.decode()
    assert "verified_on" not in edit
    response = edit_vendor(
        client_a, maker_a.vendor, [row(CertificateKind.HALAL, "ID35110000123456", verified_on="2026-01-05")]
    )
    assert response.status_code == 302
    assert [r.verified_on for r in latest_rows(maker_a.vendor)] == [None]


def test_a_curator_marks_it_verified_and_buyers_see_it(curator_client, client, maker_a):
    document = private_document(maker_a)
    cert = with_certificate(maker_a.vendor, valid_until=date(2030, 6, 30), document=document)
    vendor = maker_a.vendor
    edit = curator_client.get(f"/admin/pages/{vendor.pk}/edit/").content.decode()
    assert "certifications-0-verified_on" in edit
    rows = [
        {
            "id": cert.pk,
            "certification_type": cert.certification_type_id,
            "number": cert.number,
            "valid_until": "2030-06-30",
            "document": document.pk,
            "verified_on": "2026-11-20",
        }
    ]
    response = edit_vendor(curator_client, vendor, rows, **{"action-publish": "1"})
    assert response.status_code == 302
    client.logout()
    page = client.get(factories.fresh(vendor).url).content.decode()
    verified = re.search(r'class="cert__verified">([^<]*)<', page)
    assert verified is not None and "Verified by the trade office on" in verified.group(1)
    assert "2026" in verified.group(1) and "20" in verified.group(1), verified.group(1)
    assert KINDS[CertificateKind.HALAL].verify_url in page


def _verified_row(cert, **changes):
    data = {
        "id": cert.pk,
        "certification_type": cert.certification_type_id,
        "number": cert.number,
        "valid_until": cert.valid_until.isoformat() if cert.valid_until else "",
        "document": cert.document_id or "",
    }
    data.update(changes)
    return data


def test_changing_the_number_or_the_scan_clears_the_mark(client_a, maker_a):
    document = private_document(maker_a)
    cert = with_certificate(maker_a.vendor, verified_on=date(2026, 11, 20), document=document)

    # Another expiry date only: the trade office's check still holds.
    edit_vendor(client_a, maker_a.vendor, [_verified_row(cert, valid_until="2031-01-31")])
    assert [r.verified_on for r in latest_rows(maker_a.vendor)] == [date(2026, 11, 20)]

    edit_vendor(client_a, maker_a.vendor, [_verified_row(cert, number="ID35110000999999")])
    assert [r.verified_on for r in latest_rows(maker_a.vendor)] == [None]

    other_scan = private_document(maker_a, "New scan")
    edit_vendor(client_a, maker_a.vendor, [_verified_row(cert, document=other_scan.pk)])
    assert [r.verified_on for r in latest_rows(maker_a.vendor)] == [None]


def test_an_expired_certificate_is_not_shown_as_valid_nor_verified(client, maker_a):
    yesterday = timezone.localdate() - timedelta(days=1)
    with_certificate(maker_a.vendor, valid_until=yesterday, verified_on=date(2024, 1, 5))
    page = client.get(factories.fresh(maker_a.vendor).url).content.decode()
    assert "expired on" in page
    assert "valid until" not in page
    assert "Verified by the trade office" not in page


def test_product_pages_show_validity_the_mark_and_the_issuers_search(client, maker_a):
    product = maker_a.product
    product.certifications.add(
        ProductCertification(
            certification_type=cert_type(CertificateKind.BPOM),
            number="MD 224510001234",
            valid_until=date(2030, 1, 31),
            verified_on=date(2026, 10, 1),
        )
    )
    product.save_revision().publish()
    page = client.get(factories.fresh(product).url).content.decode()
    assert "valid until" in page
    assert "Verified by the trade office on" in page
    assert 'href="https://cekbpom.pom.go.id/"' in page


# --- Private scans ----------------------------------------------------------------------------------


def test_a_scan_opens_for_its_maker_and_curators_only(client, maker_a, maker_b, curator):
    document = private_document(maker_a)
    url = document.url
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and PDF not in b"".join(anonymous)
    client.force_login(maker_b.user)
    other = client.get(url)
    assert other.status_code in (302, 403) and PDF not in b"".join(other)
    for user in (maker_a.user, curator):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert "private" in response["Cache-Control"]


def test_a_maker_lists_and_chooses_only_its_own_scans(client, maker_a, maker_b):
    private_document(maker_a, "Alpha halal scan")
    private_document(maker_b, "Beta halal scan")
    client.force_login(maker_a.user)
    for url in ("/admin/documents/", "/admin/documents/chooser/"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Alpha halal scan" in body and "Beta halal scan" not in body, url


def test_a_maker_can_attach_only_its_own_private_scans(client, maker_a, maker_b, curator):
    client.force_login(maker_a.user)
    others = private_document(maker_b, "Beta's halal scan")
    halal = CertificateKind.HALAL
    response = edit_vendor(client, maker_a.vendor, [row(halal, "ID35110000123456", document=others.pk)])
    assert response.status_code == 200
    assert latest_rows(maker_a.vendor) == []

    mine = private_document(maker_a)
    response = edit_vendor(client, maker_a.vendor, [row(halal, "ID35110000123456", document=mine.pk)])
    assert response.status_code == 302
    assert [r.document_id for r in latest_rows(maker_a.vendor)] == [mine.pk]


def test_a_scan_must_be_in_a_private_collection(client, maker_a, curator):
    client.force_login(curator)
    public = get_document_model().objects.create(
        title="Price list",
        file=ContentFile(b"%PDF-1.4", name="prices.pdf"),
        collection=Collection.get_first_root_node(),
    )
    response = edit_vendor(
        client, maker_a.vendor, [row(CertificateKind.HALAL, "ID35110000123456", document=public.pk)]
    )
    assert response.status_code == 200
    assert "private documents collection" in response.content.decode()


# --- The e-mail before expiry ------------------------------------------------------------------------


def test_makers_are_warned_once_thirty_days_ahead(maker_a, maker_b, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://etalase.example.org"
    today = timezone.localdate()
    soon = today + timedelta(days=20)
    with_certificate(maker_a.vendor, valid_until=soon)
    maker_b.product.certifications.add(
        ProductCertification(
            certification_type=cert_type(CertificateKind.PIRT),
            number="2063507010123-29",
            valid_until=today + timedelta(days=45),
        )
    )
    maker_b.product.save_revision().publish()

    call_command("notify_expiring_certificates", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert maker_a.user.email in message.to
    assert "ID35110000123456" in message.body
    assert message.body.count("ID35110000123456") == 1  # once, though every locale has a copy
    assert "Sertifikat" in message.subject  # Indonesian, for the maker

    call_command("notify_expiring_certificates", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1  # not every day

    # Renewed, and close to expiry again: a new warning for the new date.
    VendorCertification.objects.filter(number="ID35110000123456").update(valid_until=soon + timedelta(days=5))
    call_command("notify_expiring_certificates", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 2
