"""Editors, curators and the "Editorial review" workflow for stories and events; safe to re-run."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from catalog.permissions import CURATORS_GROUP

from .models import EventIndexPage, StoryIndexPage

EDITORS_GROUP = "Editors"
STORIES_COLLECTION = "Stories"
WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Curators approve stories and events"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
CURATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
EDITOR_IMAGE_PERMISSIONS = ["add_image", "choose_image", "change_image"]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def editorial_sections():
    """The story and event indexes of every locale (aliases included: editors write there too)."""
    return list(StoryIndexPage.objects.all()) + list(EventIndexPage.objects.all())


def stories_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=STORIES_COLLECTION).first() or root.add_child(
        name=STORIES_COLLECTION
    )


def _grant_pages(group, pages, codenames):
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_page_permission(codename)
            )


@transaction.atomic
def ensure_editorial_setup():
    """Create or repair the Editors and Curators groups and the "Editorial review" workflow.

    Editors add and change (never publish) pages in the story and event sections of every
    locale, use the "Stories" image collection and submit translations; nothing else. Every
    story or event they submit waits for a curator's approval before it goes live.
    """
    access_admin = _permission("wagtailadmin", "access_admin")
    sections = editorial_sections()
    collection = stories_collection()

    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    # Wagtail's initial data gives "Editors" add/change on the root page and on the root
    # collection, which would let them edit every maker's page and image; only the grants
    # below remain.
    GroupPagePermission.objects.filter(group=editors).exclude(page__in=[p.pk for p in sections]).delete()
    GroupCollectionPermission.objects.filter(group=editors).exclude(collection=collection).delete()
    editors.permissions.add(access_admin)
    translate = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if translate is not None:
        editors.permissions.add(translate)
    _grant_pages(editors, sections, EDITOR_PAGE_PERMISSIONS)
    for codename in EDITOR_IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=collection, permission=_permission("wagtailimages", codename)
        )

    curators, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    curators.permissions.add(access_admin)
    _grant_pages(curators, sections, CURATOR_PAGE_PERMISSIONS)
    for codename in EDITOR_IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=curators, collection=collection, permission=_permission("wagtailimages", codename)
        )

    workflow = ensure_workflow(curators)
    for page in sections:
        WorkflowPage.objects.update_or_create(
            page=Page.objects.get(pk=page.pk), defaults={"workflow": workflow}
        )
    return {"editors": editors, "curators": curators, "workflow": workflow, "collection": collection}


def ensure_workflow(curators):
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.active = True
    task.save()
    task.groups.add(curators)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save()
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    return workflow
