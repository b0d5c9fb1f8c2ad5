"""The admin inbox: each maker's users see only their own inquiries; curators see all."""

import pytest

from inquiries.demo import create_demo_inquiries
from inquiries.models import Inquiry, InquiryStatus

INDEX = "/admin/inquiries/"


@pytest.fixture
def two_inquiries(product, other_product, post_inquiry):
    post_inquiry(product, message="Kabut: please quote 250 burners in gift boxes for our shop.")
    post_inquiry(other_product, message="Tasik: please quote 60 hampers with cotton liners, black.")
    return Inquiry.objects.get(product=product), Inquiry.objects.get(product=other_product)


def test_maker_sees_only_its_own_inquiries_in_list_and_exports(client, maker_user, two_inquiries):
    own, other = two_inquiries
    client.force_login(maker_user)

    listing = client.get(INDEX)
    assert listing.status_code == 200
    assert own.reference in listing.content.decode()
    assert other.reference not in listing.content.decode()

    csv = client.get(INDEX, {"export": "csv"})
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode()
    assert own.reference in body and "Kabut: please quote" in body
    assert other.reference not in body and "Tasik" not in body

    xlsx = client.get(INDEX, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_maker_reads_its_own_inquiry_but_not_another_makers(client, maker_user, two_inquiries):
    own, other = two_inquiries
    client.force_login(maker_user)

    inspect = client.get(f"{INDEX}inspect/{own.pk}/")
    assert inspect.status_code == 200
    assert "Kabut: please quote 250 burners" in inspect.content.decode()

    for path in ("inspect", "edit", "history"):
        response = client.get(f"{INDEX}{path}/{other.pk}/", follow=True)
        assert response.status_code == 404
        assert other.reference not in response.content.decode()
    assert client.post(f"{INDEX}edit/{other.pk}/", {"status": "spam"}, follow=True).status_code == 404
    other.refresh_from_db()
    assert other.status == InquiryStatus.NEW


def test_maker_moves_its_inquiry_along_the_status_pipeline_only(client, maker_user, two_inquiries):
    own, _other = two_inquiries
    client.force_login(maker_user)

    response = client.post(f"{INDEX}edit/{own.pk}/", {"status": "replied"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == InquiryStatus.REPLIED

    back = client.post(f"{INDEX}edit/{own.pk}/", {"status": "new"})
    assert back.status_code == 200  # form re-shown with an error
    own.refresh_from_db()
    assert own.status == InquiryStatus.REPLIED


def test_maker_may_not_add_or_delete(client, maker_user, two_inquiries):
    own, _other = two_inquiries
    client.force_login(maker_user)

    assert client.get(f"{INDEX}new/").status_code in (302, 403)
    assert client.post(f"{INDEX}delete/{own.pk}/").status_code in (302, 403)
    assert Inquiry.objects.filter(pk=own.pk).exists()


def test_admin_user_without_a_maker_cannot_open_the_inbox(client, django_user_model, two_inquiries):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(INDEX)
    assert response.status_code in (302, 403)
    assert two_inquiries[0].reference not in response.content.decode()


def test_curator_sees_every_inquiry_and_can_filter_by_status(client, curator, two_inquiries):
    own, other = two_inquiries
    Inquiry.objects.filter(pk=other.pk).update(status=InquiryStatus.SPAM)
    client.force_login(curator)

    html = client.get(INDEX).content.decode()
    assert own.reference in html and other.reference in html

    spam_only = client.get(INDEX, {"status": "spam"}).content.decode()
    assert other.reference in spam_only and own.reference not in spam_only


def test_message_html_is_escaped_in_the_admin(client, curator, product, post_inquiry):
    post_inquiry(product, message='<img src=x onerror="alert(1)"> please quote 500 pieces soon')
    client.force_login(curator)

    html = client.get(f"{INDEX}inspect/{Inquiry.objects.get().pk}/").content.decode()
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_csv_export_defuses_spreadsheet_formulas(client, curator, product, post_inquiry):
    post_inquiry(product, company='=HYPERLINK("http://evil.example")')
    client.force_login(curator)

    body = b"".join(client.get(INDEX, {"export": "csv"}).streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_dashboard_counts_new_inquiries_of_the_users_makers(client, maker_user, two_inquiries):
    client.force_login(maker_user)

    html = client.get("/admin/").content.decode()
    assert "1 new inquiry" in html


def test_demo_inquiries_are_created_once(product, other_product):
    assert create_demo_inquiries() == 6
    assert create_demo_inquiries() == 0
    assert Inquiry.objects.count() == 6
    assert Inquiry.objects.filter(notified_at__isnull=True).count() == 0
