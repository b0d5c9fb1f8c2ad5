"""Editors write stories but cannot publish them or touch makers; a curator's approval makes them live."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from stories.models import StoryIndexPage, StoryPage
from stories.setup import ensure_editorial_setup

pytestmark = pytest.mark.django_db


@pytest.fixture
def editorial(sections):
    call_command("setup_editorial", verbosity=0)
    user_model = get_user_model()
    editor = user_model.objects.create_user("editor", "editor@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    curator = user_model.objects.create_user("curator", "curator@example.com", "pw")
    curator.groups.add(Group.objects.get(name="Curators"))
    return {**sections, "editor": editor, "curator": curator}


def _story_form(**overrides):
    data = {
        "title": "Rattan hampers go to Rotterdam",
        "slug": "rattan-hampers-go-to-rotterdam",
        "intro": "A hamper maker from Balearjosari ships its first container.",
        "topic": "export",
        "date": "2026-04-02",
        "hero_image": "",
        "body": streamfield(
            [("quote", {"text": "We packed 200 hampers in one week.", "attribution": "Pak Slamet"})]
        ),
        "related_vendors": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_setup_is_safe_to_run_twice_and_covers_every_locale(editorial):
    before = GroupPagePermission.objects.count()
    ensure_editorial_setup()
    assert GroupPagePermission.objects.count() == before
    workflow = Workflow.objects.get(name="Editorial review")
    assert Workflow.objects.filter(name="Editorial review").count() == 1
    story_indexes = StoryIndexPage.objects.all()
    assert story_indexes.count() == 5  # one per locale
    for index in story_indexes:
        assert WorkflowPage.objects.get(page_id=index.pk).workflow == workflow
    editors = Group.objects.get(name="Editors")
    assert not GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").exists()
    assert editors.permissions.filter(codename="submit_translation").exists()


def test_editor_cannot_open_a_makers_page_in_the_admin(client, editorial, vendor):
    client.force_login(editorial["editor"])
    assert client.get("/admin/").status_code == 200
    response = client.get(f"/admin/pages/{vendor.pk}/edit/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert f"/admin/pages/{vendor.pk}/edit/" not in response["Location"]
    response = client.post(f"/admin/pages/{vendor.pk}/edit/", {"title": "Hijacked"})
    assert response.status_code in (302, 403)
    vendor.refresh_from_db()
    assert vendor.title != "Hijacked"


def test_submitted_story_goes_live_only_after_a_curator_approves_it(client, editorial):
    index = editorial["stories"]
    client.force_login(editorial["editor"])
    add_url = f"/admin/pages/add/stories/storypage/{index.pk}/"
    assert client.get(add_url).status_code == 200

    response = client.post(add_url, _story_form())  # "Save draft"
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="rattan-hampers-go-to-rotterdam", locale=index.locale)
    assert not story.live
    # wagtail-localize gave the draft its copies in the other locales; none of them is live either.
    assert not StoryPage.objects.filter(translation_key=story.translation_key, live=True).exists()

    # Publishing is not the editor's to do: the request is refused or leaves it a draft.
    client.post(f"/admin/pages/{story.pk}/edit/", _story_form(**{"action-publish": "action-publish"}))
    story.refresh_from_db()
    assert not story.live

    response = client.post(
        f"/admin/pages/{story.pk}/edit/", _story_form(**{"action-submit": "action-submit"})
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live
    state = story.current_workflow_state
    assert state is not None and state.workflow.name == "Editorial review"
    assert client.get(f"/en/stories/{story.slug}/").status_code == 404
    assert "Rattan hampers go to Rotterdam" not in client.get(index.url).content.decode()
    assert "Rattan hampers go to Rotterdam" not in client.get("/id/stories/").content.decode()

    # The editor is not among the reviewers.
    task_state = state.current_task_state
    action_url = f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/"
    client.post(action_url, {"comment": ""})
    story.refresh_from_db()
    assert not story.live

    client.force_login(editorial["curator"])
    response = client.post(action_url, {"comment": "Lovely photos."})
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    client.logout()
    html = client.get(story.url).content.decode()
    assert "We packed 200 hampers in one week." in html
    assert "Rattan hampers go to Rotterdam" in client.get(index.url).content.decode()
    # Its Indonesian copy (an alias until someone translates it) goes live with it, marked "In English".
    listing_id = client.get("/id/stories/").content.decode()
    assert "Rattan hampers go to Rotterdam" in listing_id


def test_editor_can_write_in_the_indonesian_story_section_too(client, editorial):
    index_id = StoryIndexPage.objects.get(locale__language_code="id")
    client.force_login(editorial["editor"])
    response = client.post(
        f"/admin/pages/add/stories/storypage/{index_id.pk}/",
        _story_form(
            title="Keranjang rotan ke Rotterdam", slug="keranjang-rotan", intro="Cerita ekspor pertama."
        ),
    )
    assert response.status_code == 302
    assert StoryPage.objects.filter(slug="keranjang-rotan", locale__language_code="id", live=False).exists()


def test_editor_cannot_add_a_story_under_the_makers_section(client, editorial):
    client.force_login(editorial["editor"])
    response = client.get(f"/admin/pages/{editorial['makers'].pk}/add_subpage/")
    assert response.status_code in (302, 403)
