"""A curator's "Approve and Publish" publishes a maker's page in every locale or in none, even with an
autosave of the same editor arriving at the same moment; the maker is told only once it is live.

The racing requests run in threads with their own database connections, so those tests commit for
real (transactional tests); a hook holds each request, once it has read the page, until the other
has read it too (or a second has passed, when the first is made to wait for the page instead).
"""

import threading
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client

from wagtail import hooks
from wagtail.models import Page, WorkflowState
from wagtail.signals import page_published

from catalog.models import ProductPage, VendorPage
from catalog.onboarding import onboard_vendor
from catalog.review import ensure_review_setup
from tests import factories
from tests.catalog.test_validation import product_form

MAKER_EMAIL = "kabut@example.com"
APPROVE = {"action-workflow-action": "true", "workflow-action-name": "approve"}
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


def submitted_maker():
    """A new maker whose first profile (a draft, with its locale copies) waits for the curators."""
    factories.site()
    groups = ensure_review_setup()
    maker = onboard_vendor("Atelier Kabut Porselen", MAKER_EMAIL, "lowokwaru", "crafts")
    vendor = maker.vendor
    vendor.tagline = "Hand-painted porcelain from Dinoyo"
    vendor.save_revision(user=maker.user)
    groups["workflow"].start(vendor, maker.user)
    curator = get_user_model().objects.create_user("kurator", "kurator@example.com", "pw")
    curator.groups.add(groups["curators"])
    mail.outbox.clear()
    return vendor, curator


def edit_form(client, page):
    """The curator's edit form as the browser would send it."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    page_html = BeautifulSoup(response.content.decode(), "html.parser")
    form = page_html.find("form", attrs={"data-edit-form": True})
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file"} or field.name == "button":
            continue
        if field.get("type") in {"checkbox", "radio"} and not field.has_attr("checked"):
            continue
        if field.name == "select":
            chosen = field.find_all("option", selected=True)
            data[name] = (
                [option.get("value", "") for option in chosen]
                if field.has_attr("multiple")
                else (chosen[0].get("value", "") if chosen else "")
            )
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "")
    return data


def copies(vendor):
    return {
        page.locale.language_code: page.live
        for page in Page.objects.filter(translation_key=vendor.translation_key).select_related("locale")
    }


def maker_mail():
    return [message for message in mail.outbox if MAKER_EMAIL in message.to]


def approve_while_autosaving(approve, autosave):
    """Send both requests from threads of their own, in the order that lost the English page: both
    read the page, then the approval runs to its end, then the autosave goes on with what it read."""
    both_read = threading.Barrier(2, timeout=1)
    approved = threading.Event()

    def hold(request, page):
        try:
            both_read.wait()
        except threading.BrokenBarrierError:
            pass  # the other request is waiting for this one's lock on the page: go on alone
        if not request.accepts("text/html"):  # the autosave
            approved.wait(timeout=1)

    responses = {}

    def run(name, send):
        try:
            responses[name] = send()
        finally:
            if name == "approve":
                approved.set()
            connection.close()

    with hooks.register_temporarily("before_edit_page", hold):
        threads = [
            threading.Thread(target=run, args=("approve", approve)),
            threading.Thread(target=run, args=("autosave", autosave)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return responses["approve"], responses["autosave"]


def curator_client(curator):
    client = Client(raise_request_exception=False)
    client.force_login(curator)
    return client


@pytest.mark.parametrize(
    "autosave",
    [
        pytest.param(APPROVE, id="autosave-carrying-the-approval"),
        pytest.param({"tagline": "Hand-painted porcelain from Dinoyo, since 1957"}, id="autosave-of-an-edit"),
    ],
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approval_racing_an_autosave_publishes_every_locale(autosave):
    vendor, curator = submitted_maker()
    assert set(copies(vendor).values()) == {False}
    approver, autosaver = curator_client(curator), curator_client(curator)
    form = edit_form(approver, vendor)
    url = f"/admin/pages/{vendor.pk}/edit/"

    approve, save = approve_while_autosaving(
        lambda: approver.post(url, {**form, **APPROVE}),
        lambda: autosaver.post(url, {**form, **autosave}, **AUTOSAVE),
    )

    assert approve.status_code == 302, approve.content[:2000]
    assert save.status_code in (200, 400), save.content[:2000]  # saved, or refused with a reason
    if save.status_code == 400:
        assert save.json()["error_message"]
    # English, Indonesian, Chinese, Japanese and Arabic: all live.
    assert copies(vendor) == {"en": True, "id": True, "zh-hans": True, "ja": True, "ar": True}
    assert WorkflowState.objects.get(object_id=str(vendor.pk)).status == WorkflowState.STATUS_APPROVED
    buyer = Client()
    for page in Page.objects.filter(translation_key=vendor.translation_key):
        assert buyer.get(urlparse(page.full_url).path).status_code == 200, page.url
    assert len(maker_mail()) == 1  # "approved", once


@pytest.mark.django_db
def test_a_second_approval_of_an_ended_review_changes_nothing(client):
    vendor, curator = submitted_maker()
    client.force_login(curator)
    form = edit_form(client, vendor)
    url = f"/admin/pages/{vendor.pk}/edit/"
    assert client.post(url, {**form, **APPROVE}).status_code == 302
    revisions = vendor.revisions.count()

    again = client.post(url, {**form, **APPROVE}, follow=True)

    assert again.status_code == 200
    assert "already ended" in again.content.decode()
    assert vendor.revisions.count() == revisions
    assert set(copies(vendor).values()) == {True}


@pytest.mark.django_db
def test_an_approval_that_fails_to_publish_a_copy_leaves_every_locale_unpublished(
    client, django_capture_on_commit_callbacks
):
    vendor, curator = submitted_maker()
    client.raise_request_exception = False
    client.force_login(curator)
    form = edit_form(client, vendor)
    revisions = vendor.revisions.count()

    def fail_on_a_copy(sender, instance, alias=False, **kwargs):
        if alias and instance.locale.language_code == "ja":
            raise RuntimeError("the Japanese copy could not be published")

    page_published.connect(fail_on_a_copy)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/admin/pages/{vendor.pk}/edit/", {**form, **APPROVE, "tagline": "Porcelain, since 1957"}
            )
    finally:
        page_published.disconnect(fail_on_a_copy)

    assert response.status_code == 500
    assert set(copies(vendor).values()) == {False}
    vendor = VendorPage.objects.get(pk=vendor.pk)
    assert vendor.workflow_in_progress
    # Nor the curator's edit that came with the approval: the review goes on where it was.
    assert vendor.revisions.count() == revisions
    assert vendor.get_latest_revision_as_object().tagline == "Hand-painted porcelain from Dinoyo"
    assert maker_mail() == []  # no "approved" e-mail for a page that is not live


@pytest.mark.django_db
def test_the_approved_email_is_sent_after_the_page_is_live(client, django_capture_on_commit_callbacks):
    vendor, curator = submitted_maker()
    client.force_login(curator)
    form = edit_form(client, vendor)

    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        response = client.post(f"/admin/pages/{vendor.pk}/edit/", {**form, **APPROVE})
        assert response.status_code == 302
        assert maker_mail() == []  # not while the approval is still uncommitted

    for callback in after_commit:
        callback()
    assert len(maker_mail()) == 1
    assert set(copies(vendor).values()) == {True}


@pytest.mark.django_db
def test_an_abandoned_draft_does_not_block_a_new_product_of_the_same_name(client):
    vendor, _curator = submitted_maker()
    maker = get_user_model().objects.get(email=MAKER_EMAIL)
    client.force_login(maker)
    add_url = f"/admin/pages/add/catalog/productpage/{vendor.pk}/"
    # The editor's first autosave of a new page creates it as a draft; then the maker walked away.
    started = client.post(add_url, product_form(summary="Started, then left"), HTTP_ACCEPT="application/json")
    assert started.status_code == 200, started.content[:500]
    draft = ProductPage.objects.get(slug="porcelain-mug-set", locale__language_code="en")
    assert not draft.live

    response = client.post(add_url, product_form(**{"action-submit": "1"}))

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    new = ProductPage.objects.get(slug="porcelain-mug-set", locale__language_code="en")
    assert new.pk != draft.pk and new.summary == "Four glazed mugs in a gift box"
    # The draft is kept, under another address, with what the maker wrote.
    draft = ProductPage.objects.get(pk=draft.pk)
    assert draft.slug != "porcelain-mug-set" and draft.get_latest_revision_as_object().slug == draft.slug
    assert draft.summary == "Started, then left"
    # The new product's locale copies have its address too.
    copies_of_new = Page.objects.filter(translation_key=new.translation_key)
    assert {page.slug for page in copies_of_new} == {"porcelain-mug-set"}


@pytest.mark.django_db
def test_a_draft_in_review_keeps_its_address(client):
    vendor, _curator = submitted_maker()
    maker = get_user_model().objects.get(email=MAKER_EMAIL)
    client.force_login(maker)
    add_url = f"/admin/pages/add/catalog/productpage/{vendor.pk}/"
    assert client.post(add_url, product_form(**{"action-submit": "1"})).status_code == 302

    response = client.post(add_url, product_form(**{"action-submit": "1"}))

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors  # "already in use"
