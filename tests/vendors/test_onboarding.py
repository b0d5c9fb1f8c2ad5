"""Onboarding an SME by command or the curators' form: everything once, nothing twice, clear refusals."""

import re
from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.http import HttpRequest

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.users.models import UserProfile

from catalog.models import VendorPage

pytestmark = pytest.mark.django_db

ARGS = [
    "Keramik Contoh Dinoyo",
    "--email",
    "Owner@Example.com",
    "--district",
    "lowokwaru",
    "--sector",
    "crafts",
]


def onboard(*args):
    out = StringIO()
    call_command("onboard_vendor", *args, stdout=out)
    return out.getvalue()


def test_running_twice_gives_one_page_per_locale_one_group_one_collection_one_user(client, review):
    first = onboard(*ARGS)
    second = onboard(*ARGS)
    assert "Onboarded" in first and "Already onboarded" in second

    pages = VendorPage.objects.filter(slug="keramik-contoh-dinoyo")
    assert sorted(pages.values_list("locale__language_code", flat=True)) == [
        "ar",
        "en",
        "id",
        "ja",
        "zh-hans",
    ]
    english = pages.get(locale__language_code="en")
    assert not english.live
    assert (english.legal_name, english.district, english.sector) == (
        "Keramik Contoh Dinoyo",
        "lowokwaru",
        "crafts",
    )
    assert english.get_parent().specific_class.__name__ == "VendorIndexPage"

    groups = Group.objects.filter(name__startswith="Vendor: ")
    assert list(groups.values_list("name", flat=True)) == ["Vendor: Keramik Contoh Dinoyo"]
    group = groups.get()
    collections = Collection.objects.filter(name="Keramik Contoh Dinoyo")
    assert collections.count() == 1
    assert {p.image_collection_id for p in pages} == {collections.get().pk}
    # And one private collection for its certificate scans, which only it and the curators may open.
    documents = Collection.objects.get(name="Keramik Contoh Dinoyo — documents")
    restriction = documents.get_view_restrictions().get()
    assert set(restriction.groups.values_list("name", flat=True)) == {group.name, "Curators"}

    users = get_user_model().objects.filter(email="owner@example.com")
    assert users.count() == 1
    user = users.get()
    assert user.username == "owner@example.com"
    assert not user.has_usable_password()
    assert list(user.groups.all()) == [group]
    assert UserProfile.get_for_user(user).preferred_language == "id"

    granted = set(
        GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")
    )
    assert granted == {(page.pk, codename) for page in pages for codename in ("add_page", "change_page")}
    assert set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection__name", "permission__codename"
        )
    ) == {
        *(("Keramik Contoh Dinoyo", c) for c in ("add_image", "choose_image", "change_image")),
        *(
            ("Keramik Contoh Dinoyo — documents", c)
            for c in ("add_document", "choose_document", "change_document")
        ),
    }
    assert group.permissions.filter(codename="access_admin").exists()

    # The printed link lets the owner choose a password, then log in to the admin.
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+", second).group(0)
    path = "/" + link.split("/", 3)[3]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else path
    response = client.post(
        set_password_url, {"new_password1": "kiln-Fire-2026!", "new_password2": "kiln-Fire-2026!"}
    )
    assert response.status_code == 302
    assert client.login(request=HttpRequest(), username="owner@example.com", password="kiln-Fire-2026!")
    assert client.get("/admin/").status_code == 200


def test_send_email_mails_the_link_instead(review):
    out = onboard(*ARGS, "--send-email")
    assert "password_reset/confirm" not in out
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner@example.com"]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["Toko X", "--email", "x@example.com", "--district", "batu", "--sector", "crafts"],
            "Unknown district",
        ),
        (
            ["Toko X", "--email", "x@example.com", "--district", "sukun", "--sector", "jewels"],
            "Unknown sector",
        ),
        (
            ["Toko X", "--email", "not-an-email", "--district", "sukun", "--sector", "crafts"],
            "not a valid e-mail",
        ),
        (["  ", "--email", "x@example.com", "--district", "sukun", "--sector", "crafts"], "brand name"),
    ],
)
def test_bad_input_is_refused_and_creates_nothing(review, args, message):
    with pytest.raises(CommandError, match=message):
        onboard(*args)
    assert not VendorPage.objects.exists()
    assert not Group.objects.filter(name__startswith="Vendor: ").exists()


def test_an_email_that_owns_a_maker_cannot_take_another(review):
    onboard(*ARGS)
    with pytest.raises(CommandError, match="already owns another maker"):
        onboard(
            "Rotan Contoh", "--email", "owner@example.com", "--district", "blimbing", "--sector", "furniture"
        )
    assert not VendorPage.objects.filter(slug="rotan-contoh").exists()
    with pytest.raises(CommandError, match="already managed by another account"):
        onboard(
            ARGS[0], "--email", "someone-else@example.com", "--district", "lowokwaru", "--sector", "crafts"
        )


def test_curators_onboard_from_the_admin_and_makers_cannot(client, curator, maker_a):
    client.force_login(maker_a.user)
    assert "Onboard a maker" not in client.get("/admin/").content.decode()
    refused = client.get("/admin/makers/onboard/")
    assert refused.status_code in (302, 403)

    client.force_login(curator)
    assert "/admin/makers/onboard/" in client.get("/admin/").content.decode()
    response = client.post(
        "/admin/makers/onboard/",
        {
            "brand_name": "Tembikar Contoh",
            "email": "tembikar@example.com",
            "district": "klojen",
            "sector": "crafts",
        },
    )
    assert response.status_code == 200
    assert "/admin/password_reset/confirm/" in response.content.decode()
    assert VendorPage.objects.filter(slug="tembikar-contoh").count() == 5

    taken = client.post(
        "/admin/makers/onboard/",
        {
            "brand_name": "Tembikar Lain",
            "email": "alpha@example.com",
            "district": "klojen",
            "sector": "crafts",
        },
    )
    assert "already owns another maker" in taken.content.decode()
    assert not VendorPage.objects.filter(slug="tembikar-lain").exists()
