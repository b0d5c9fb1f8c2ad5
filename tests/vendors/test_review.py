"""A maker's edit waits for a curator, who compares, requests changes the maker can read, then approves."""

import pytest

from wagtail.models import WorkflowState

from catalog.models import ProductPage
from tests.catalog.test_validation import edit_form

pytestmark = pytest.mark.django_db

COMMENT = "Tolong sebutkan warna glasir (please name the glaze colour)"


def edit_product(client, product, summary, price, **actions):
    """The edit form as the admin sends it (saved price tiers keep their ids), the first tier at `price`."""
    data = edit_form(product, {0: price}, title=product.title, slug=product.slug, summary=summary, **actions)
    return client.post(f"/admin/pages/{product.pk}/edit/", data)


def public_html(client, product):
    response = client.get(product.url)
    assert response.status_code == 200
    return response.content.decode()


def test_edit_goes_live_only_after_a_curator_approves(client, maker_a, curator):
    product = maker_a.product
    client.force_login(maker_a.user)
    edit_page = client.get(f"/admin/pages/{product.pk}/edit/").content.decode()
    assert "Curator review" in edit_page  # the "Submit to Curator review" action
    assert 'name="action-publish"' not in edit_page

    response = edit_product(client, product, "Celadon-glazed vase", "9.75", **{"action-submit": "1"})
    assert response.status_code == 302
    # A maker cannot publish even by asking for it.
    edit_product(client, product, "Celadon-glazed vase", "9.75", **{"action-publish": "1"})
    client.logout()
    assert "Celadon-glazed vase" not in public_html(client, product)
    assert "A vase by Atelier Alpha Porselen" in public_html(client, product)

    state = WorkflowState.objects.get(object_id=str(product.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Curator review"

    client.force_login(curator)
    dashboard = client.get("/admin/").content.decode()
    assert product.title in dashboard  # "Awaiting your review"
    diff = client.get(f"/admin/pages/{product.pk}/revisions/compare/live...latest/")
    assert diff.status_code == 200
    assert "Celadon-glazed vase" in diff.content.decode()

    reject = client.post(
        f"/admin/pages/workflow/action/{product.pk}/reject/{state.current_task_state.pk}/",
        {"comment": COMMENT},
    )
    assert reject.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(maker_a.user)
    # Wagtail shows the curator's comment on the page's history, workflow detail and edit view.
    for url in ["history/", f"workflow_history/detail/{state.pk}/", "edit/"]:
        assert COMMENT in client.get(f"/admin/pages/{product.pk}/{url}").content.decode(), url
    dashboard = client.get("/admin/").content.decode()
    assert COMMENT in dashboard

    response = edit_product(
        client, product, "Celadon-glazed vase, jade green", "9.75", **{"action-submit": "1"}
    )
    assert response.status_code == 302
    client.logout()
    assert "jade green" not in public_html(client, product)

    client.force_login(curator)
    state = WorkflowState.objects.get(object_id=str(product.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    approve = client.post(
        f"/admin/pages/workflow/action/{product.pk}/approve/{state.current_task_state.pk}/", {"comment": ""}
    )
    assert approve.status_code in (200, 302)
    client.logout()
    html = public_html(client, product)
    assert "Celadon-glazed vase, jade green" in html
    assert "9.75" in html
    assert ProductPage.objects.get(pk=product.pk).live


def test_makers_cannot_approve_their_own_work(client, maker_a, maker_b):
    product = maker_a.product
    client.force_login(maker_a.user)
    edit_product(client, product, "Self-approved vase", "1.00", **{"action-submit": "1"})
    state = WorkflowState.objects.get(object_id=str(product.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    for user in (maker_a.user, maker_b.user):
        client.force_login(user)
        client.post(f"/admin/pages/workflow/action/{product.pk}/approve/{state.current_task_state.pk}/", {})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    client.logout()
    assert "Self-approved vase" not in public_html(client, product)
