"""A maker's users reach only their own pages and images in the admin; curators reach every maker's."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset

from catalog.models import ProductPage, VendorIndexPage, VendorPage
from tests import factories
from tests.catalog.test_validation import edit_form, vendor_form

pytestmark = pytest.mark.django_db

REFUSED = (302, 403, 404)


def assert_refused(response, *secrets):
    """Refused: 403/404, or Wagtail's "no permission" redirect back to the dashboard or the login form."""
    final = response
    if response.status_code == 302:
        location = response["Location"].split("?")[0]
        assert location in ("/admin/", "/admin/login/"), location
    else:
        assert final.status_code in REFUSED, final.status_code
    body = final.content.decode()
    for secret in secrets:
        assert secret not in body


def get_refused(client, url, *secrets):
    response = client.get(url)
    # Some old URLs (revisions/) redirect to their new home first; follow those to the real answer.
    while response.status_code == 302 and response["Location"].startswith("/admin/pages/"):
        response = client.get(response["Location"])
    assert_refused(response, *secrets)
    return response


PAGE_GETS = [
    "/admin/pages/{id}/edit/",
    "/admin/pages/{id}/edit/preview/",
    "/admin/pages/{id}/view_draft/",
    "/admin/pages/{id}/delete/",
    "/admin/pages/{id}/unpublish/",
    "/admin/pages/{id}/move/",
    "/admin/pages/{id}/copy/",
    "/admin/pages/{id}/revisions/",
    "/admin/pages/{id}/history/",
    "/admin/pages/{id}/workflow_history/",
    "/admin/pages/{id}/privacy/",
    "/admin/pages/{id}/add_subpage/",
]


def test_other_makers_page_views_are_refused(client_a, maker_b):
    for url in PAGE_GETS:
        get_refused(client_a, url.format(id=maker_b.vendor.pk), "Bengkel Beta Rotan makes porcelain")
        get_refused(client_a, url.format(id=maker_b.product.pk), "A vase by Bengkel Beta Rotan")
    # The Indonesian copy is B's too.
    copy_id = VendorPage.objects.get(
        translation_key=maker_b.vendor.translation_key, locale__language_code="id"
    )
    get_refused(client_a, f"/admin/pages/{copy_id.pk}/edit/", "Bengkel Beta Rotan makes porcelain")


def test_the_maker_onboarded_first_is_as_closed_to_the_next_one(client, maker_a, maker_b):
    # Rights that reached "every maker page so far" would let B, onboarded after A, into A's pages.
    client.force_login(maker_b.user)
    for url in PAGE_GETS:
        get_refused(client, url.format(id=maker_a.vendor.pk), "Atelier Alpha Porselen makes porcelain")
        get_refused(client, url.format(id=maker_a.product.pk), "A vase by Atelier Alpha Porselen")


def test_other_makers_revision_view_and_compare_are_refused(client_a, maker_b):
    revision = maker_b.product.latest_revision
    get_refused(
        client_a, f"/admin/pages/{maker_b.product.pk}/revisions/{revision.pk}/view/", "A vase by Bengkel"
    )
    get_refused(
        client_a,
        f"/admin/pages/{maker_b.product.pk}/revisions/compare/earliest...latest/",
        "A vase by Bengkel",
    )


def test_posts_on_other_makers_pages_change_nothing(client_a, maker_a, maker_b):
    product = maker_b.product
    makers = VendorIndexPage.objects.get(locale__language_code="en")
    assert_refused(client_a.post(f"/admin/pages/{product.pk}/delete/"))
    assert_refused(client_a.post(f"/admin/pages/{product.pk}/unpublish/"))
    assert_refused(client_a.post(f"/admin/pages/{product.pk}/move/{maker_a.vendor.pk}/confirm/"))
    assert_refused(
        client_a.post(
            f"/admin/pages/{product.pk}/copy/",
            {"new_title": "Stolen vase", "new_slug": "stolen-vase", "new_parent_page": maker_a.vendor.pk},
        )
    )
    assert_refused(client_a.post(f"/admin/pages/{maker_b.vendor.pk}/delete/"))
    assert_refused(client_a.post(f"/admin/pages/add/catalog/productpage/{maker_b.vendor.pk}/", {}))
    assert_refused(client_a.post(f"/admin/pages/add/catalog/vendorpage/{makers.pk}/", {}))

    product.refresh_from_db()
    assert product.live
    assert product.get_parent().pk == maker_b.vendor.pk
    assert not Page.objects.filter(slug="stolen-vase").exists()
    assert ProductPage.objects.child_of(maker_b.vendor).count() == 1


def test_other_makers_images_are_refused(client_a, maker_b):
    image = maker_b.image
    get_refused(client_a, f"/admin/images/{image.pk}/", "Bengkel Beta Rotan workshop photo")
    get_refused(client_a, f"/admin/images/{image.pk}/delete/", "Bengkel Beta Rotan workshop photo")
    assert_refused(client_a.post(f"/admin/images/{image.pk}/delete/"))
    assert_refused(client_a.post(f"/admin/images/{image.pk}/", {"title": "Mine now"}))
    get_refused(client_a, f"/admin/images/chooser/{image.pk}/", "Bengkel")
    get_refused(client_a, f"/admin/images/chooser/{image.pk}/select_format/", "Bengkel")
    image.refresh_from_db()
    assert image.title == "Bengkel Beta Rotan workshop photo"


@pytest.mark.usefixtures("search_index")  # so that the searches search
def test_image_listings_show_only_own_images(client_a):
    for url in [
        "/admin/images/",
        "/admin/images/?q=Bengkel",
        "/admin/images/chooser/",
        "/admin/images/chooser/results/?q=Bengkel",
    ]:
        response = client_a.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Bengkel Beta Rotan workshop photo" not in body, url
        if "q=" not in url:
            assert "Atelier Alpha Porselen workshop photo" in body, url


@pytest.mark.usefixtures("search_index")
def test_page_listings_show_only_own_pages(client_a, maker_a, maker_b):
    makers_en = VendorIndexPage.objects.get(locale__language_code="en")
    for url in [
        "/admin/pages/",
        f"/admin/pages/{makers_en.pk}/",
        f"/admin/pages/{maker_a.vendor.pk}/",
        "/admin/pages/search/?q=Bengkel",
        "/admin/pages/search/?q=vase",
        f"/admin/choose-page/{makers_en.pk}/",
        "/admin/choose-page/search/?q=Bengkel",
        "/admin/choose-page/search/?q=vase",
    ]:
        response = client_a.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Bengkel Beta Rotan" not in body, url
    own = client_a.get(f"/admin/pages/{maker_a.vendor.pk}/").content.decode()
    assert "Atelier Alpha Porselen Vase" in own
    found = client_a.get("/admin/pages/search/?q=vase").content.decode()
    assert "Atelier Alpha Porselen Vase" in found


def test_maker_can_add_edit_and_upload_in_its_own_space(client_a, maker_a):
    from tests.catalog.test_validation import product_form

    response = client_a.post(
        f"/admin/pages/add/catalog/productpage/{maker_a.vendor.pk}/", product_form(title="Alpha mug set")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    mug = ProductPage.objects.get(slug="porcelain-mug-set", locale__language_code="en")
    assert mug.get_parent().pk == maker_a.vendor.pk
    edit = client_a.get(f"/admin/pages/{mug.pk}/edit/")
    assert edit.status_code == 200
    response = client_a.post(
        f"/admin/pages/{mug.pk}/edit/", edit_form(mug, title="Alpha mug set", summary="Now with saucers")
    )
    assert response.status_code == 302
    mug.refresh_from_db()
    assert mug.get_latest_revision_as_object().summary == "Now with saucers"

    from tests.vendors.conftest import png_upload

    response = client_a.post(
        "/admin/images/multiple/add/", {"files[]": png_upload("kiln.png"), "title": "kiln"}
    )
    assert response.status_code == 200, response.content.decode()[:500]
    uploaded = get_image_model().objects.get(title="kiln")
    assert uploaded.collection_id == maker_a.collection.pk


def test_reports_a_maker_can_open_do_not_show_other_makers(client_a, maker_b):
    for url in [
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/localize/reports/translations/",
    ]:
        response = client_a.get(url)
        if response.status_code == 200:
            assert "Bengkel Beta Rotan" not in response.content.decode(), url
        else:
            assert_refused(response)


def test_menus_hide_what_a_maker_cannot_use(client_a, maker_a):
    body = client_a.get("/admin/").content.decode()
    # "Pages" opens the maker's own page, not the tree root shared by every locale.
    assert f"/admin/pages/{maker_a.vendor.pk}/" in body
    for hidden in [
        "/admin/snippets/",
        "/admin/reports/",
        "/admin/users/",
        "/admin/settings/",
    ]:
        assert hidden not in body, hidden
    # Documents are there for the scans of its own certificates (tests/vendors/test_certificates.py).


def test_curator_sees_both_makers(curator_client, maker_a, maker_b):
    makers_en = VendorIndexPage.objects.get(locale__language_code="en")
    body = curator_client.get(f"/admin/pages/{makers_en.pk}/").content.decode()
    assert "Atelier Alpha Porselen" in body and "Bengkel Beta Rotan" in body
    for url in [
        "/admin/images/",
        "/admin/api/main/images/",
        f"/admin/bulk/wagtailimages/image/delete/?id={maker_b.image.pk}",
    ]:
        images = curator_client.get(url).content.decode()
        assert "Bengkel Beta Rotan workshop photo" in images, url
    assert "Atelier Alpha Porselen workshop photo" in curator_client.get("/admin/images/").content.decode()
    assert curator_client.get(f"/admin/pages/{maker_b.product.pk}/edit/").status_code == 200
    assert VendorPage.objects.filter(locale__language_code="en").count() == 2


# --- Images: a maker sees, chooses and uses only its own (review finding 3) ---------------------------

NOT_YOURS = "Gambar ini tidak ada di koleksi Anda"  # the form error, in the maker's Indonesian


def test_admin_api_lists_only_own_images_and_documents(client_a, maker_a, maker_b):
    listing = client_a.get("/admin/api/main/images/").content.decode()
    assert "Atelier Alpha Porselen workshop photo" in listing
    assert "Bengkel Beta Rotan workshop photo" not in listing
    assert client_a.get(f"/admin/api/main/images/{maker_b.image.pk}/").status_code == 404
    document = get_document_model().objects.create(
        title="Bengkel Beta Rotan price list",
        file=ContentFile(b"%PDF-1.4", name="beta-prices.pdf"),
        collection=maker_b.collection,
    )
    listing = client_a.get("/admin/api/main/documents/").content.decode()
    assert "Bengkel Beta Rotan price list" not in listing and "beta-prices" not in listing
    assert client_a.get(f"/admin/api/main/documents/{document.pk}/").status_code == 404


def own_vendor_form(vendor, **fields):
    return vendor_form(title=vendor.title, slug=vendor.slug, legal_name=vendor.legal_name, **fields)


def test_a_makers_page_refuses_another_makers_image_with_a_message(client_a, maker_a, maker_b):
    vendor = maker_a.vendor
    for field in ["logo", "cover_image"]:
        response = client_a.post(
            f"/admin/pages/{vendor.pk}/edit/", own_vendor_form(vendor, **{field: maker_b.image.pk})
        )
        assert response.status_code == 200, field
        assert NOT_YOURS in response.content.decode(), field
    product = maker_a.product
    photo = {"image": maker_b.image.pk, "alt_text": "A vase", "caption": ""}
    data = edit_form(product, title=product.title, slug=product.slug, gallery_images=inline_formset([photo]))
    response = client_a.post(f"/admin/pages/{product.pk}/edit/", data)
    assert response.status_code == 200
    assert NOT_YOURS in response.content.decode()

    vendor.refresh_from_db()
    product.refresh_from_db()
    assert vendor.get_latest_revision_as_object().logo_id is None
    assert vendor.get_latest_revision_as_object().cover_image_id is None
    assert not product.get_latest_revision_as_object().gallery_images.exists()


def test_a_makers_page_takes_its_own_image(client_a, maker_a):
    vendor = maker_a.vendor
    response = client_a.post(
        f"/admin/pages/{vendor.pk}/edit/", own_vendor_form(vendor, logo=maker_a.image.pk)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    vendor.refresh_from_db()
    assert vendor.get_latest_revision_as_object().logo_id == maker_a.image.pk


# --- Metadata: no other maker's titles, e-mails or moderation (review finding 11) ---------------------


def _b_is_busy(maker_b):
    """B edits its product and sends it for review; B also has a draft nobody else has seen."""
    product = maker_b.product
    product.summary = "A new glaze"
    product.save_revision(user=maker_b.user, log_action=True)
    product.get_workflow().start(product, maker_b.user)
    draft = ProductPage(
        title="Bengkel Beta Rotan secret lamp",
        slug="secret-lamp",
        summary="Soon",
        hs_code="9405.11",
        moq=10,
        lead_time_days=30,
        live=False,
    )
    maker_b.vendor.add_child(instance=draft)
    draft.save_revision(user=maker_b.user, log_action=True)
    return draft


def test_explorer_shows_no_other_makers_email_title_or_moderation(client_a, maker_a, maker_b):
    draft = _b_is_busy(maker_b)
    makers_en = VendorIndexPage.objects.get(locale__language_code="en")
    for url in ["/admin/pages/", f"/admin/pages/{makers_en.pk}/", f"/admin/pages/{maker_a.vendor.pk}/"]:
        response = client_a.get(url, follow=True)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "beta@example.com" not in body, url
        assert "Bengkel" not in body, url
    for page in [maker_b.vendor, maker_b.product, draft]:
        for url in [f"/admin/pages/{page.pk}/", f"/admin/pages/{page.pk}/results/"]:
            response = client_a.get(url)
            assert response.status_code == 404, url
            assert (
                "Bengkel" not in response.content.decode()
                and "beta@example.com" not in response.content.decode()
            )


def test_choosers_and_bulk_actions_show_no_other_makers_titles(client_a, maker_a, maker_b):
    draft = _b_is_busy(maker_b)
    for url in [
        f"/admin/choose-page/{maker_b.vendor.pk}/",
        f"/admin/choose-page/chosen-multiple/?id={draft.pk}",
        f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}",
        f"/admin/bulk/wagtailcore/page/move/?id={maker_b.product.pk}",
        f"/admin/bulk/wagtailcore/page/unpublish/?id={maker_b.product.pk}",
        f"/admin/bulk/wagtailimages/image/delete/?id={maker_b.image.pk}",
        f"/admin/bulk/wagtailimages/image/add_to_collection/?id={maker_b.image.pk}",
        f"/admin/pages/{draft.pk}/move/{maker_a.vendor.pk}/confirm/",
    ]:
        response = client_a.get(url)
        assert response.status_code == 404, url
        assert "Bengkel" not in response.content.decode(), url


def test_history_and_usage_of_orders_without_own_samples_are_not_found(client_a, maker_a, maker_b):
    others = factories.make_sample_order("Berta Brandt", "berta@buyer.example", [maker_b])
    own = factories.make_sample_order("Anna Alt", "anna@buyer.example", [maker_a])
    for view in ["history", "history-results", "usage", "inspect", "edit"]:
        response = client_a.get(f"/admin/sample_orders/{view}/{others.pk}/")
        assert response.status_code == 404, view
        assert others.reference not in response.content.decode(), view
    for view in ["history", "usage"]:
        response = client_a.get(f"/admin/sample_orders/{view}/{own.pk}/")
        assert response.status_code == 200, view
        assert own.reference in response.content.decode(), view


def test_reports_and_their_filters_are_the_curators(client_a, curator, maker_b):
    _b_is_busy(maker_b)
    for url in [
        "/admin/reports/site-history/",
        "/admin/reports/site-history/?user=" + str(maker_b.user.pk),
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/page-types-usage/",
        "/admin/pages/usage/catalog/productpage/",
        "/admin/localize/reports/translations/",
        "/admin/forms/",
    ]:
        response = client_a.get(url)
        assert_refused(response, "beta@example.com", "Bengkel")
    client_a.force_login(curator)
    assert "beta@example.com" in client_a.get("/admin/reports/site-history/").content.decode()
