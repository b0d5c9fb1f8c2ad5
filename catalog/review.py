"""Curators, Editors and Translators groups and the "Curator review" workflow for makers; safe to re-run.

Group names are shared with the stories app's editorial setup: both use get_or_create and only add
grants, so either can run first.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import VendorIndexPage
from .permissions import CURATORS_GROUP

EDITORS_GROUP = "Editors"
TRANSLATORS_GROUP = "Translators"
WORKFLOW_NAME = "Curator review"
TASK_NAME = "Curators approve makers' changes"


CURATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
CURATOR_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image", "delete_image"]
# Curators check makers' certificate scans (every maker's private documents collection).
CURATOR_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document", "delete_document"]
CURATOR_MODEL_PERMISSIONS = [
    ("catalog", "add_category"),
    ("catalog", "change_category"),
    ("catalog", "delete_category"),
    ("catalog", "add_certificationtype"),
    ("catalog", "change_certificationtype"),
    ("catalog", "delete_certificationtype"),
    ("catalog", "verify_vendor"),
    ("wagtail_localize", "submit_translation"),
    ("wagtailcore", "add_locale"),
    ("wagtailcore", "change_locale"),
]


def home_pages():
    """The home page of each locale: the only page type allowed just below the root (Wagtail's
    welcome page, a plain Page, is replaced by the home page when the site is set up)."""
    return Page.objects.filter(depth=2).not_exact_type(Page)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, pages, codenames):
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=_permission("wagtailcore", codename)
            )


def ensure_curators():
    curators, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    curators.permissions.add(_permission("wagtailadmin", "access_admin"))
    for app_label, codename in CURATOR_MODEL_PERMISSIONS:
        curators.permissions.add(_permission(app_label, codename))
    _grant_pages(curators, home_pages(), CURATOR_PAGE_PERMISSIONS)
    root = Collection.get_first_root_node()
    for codename in CURATOR_IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=curators, collection=root, permission=_permission("wagtailimages", codename)
        )
    for codename in CURATOR_DOCUMENT_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=curators, collection=root, permission=_permission("wagtaildocs", codename)
        )
    return curators


def ensure_translators():
    """Translators write the non-default locales through wagtail-localize; curators approve makers' copies."""
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS_GROUP)
    translators.permissions.add(
        _permission("wagtailadmin", "access_admin"), _permission("wagtail_localize", "submit_translation")
    )
    homes = home_pages().exclude(locale=Locale.get_default())
    _grant_pages(translators, homes, TRANSLATOR_PAGE_PERMISSIONS)
    return translators


def ensure_curator_workflow(curators):
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first() or GroupApprovalTask.objects.create(
        name=TASK_NAME
    )
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.add(curators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    # Every locale's makers section, so an SME's Indonesian edits are reviewed as well.
    for index in VendorIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(
            page=Page.objects.get(pk=index.pk), defaults={"workflow": workflow}
        )
    return workflow


@transaction.atomic
def ensure_review_setup():
    """Create or repair the base groups and the makers' review workflow; returns them by name."""
    curators = ensure_curators()
    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    editors.permissions.add(_permission("wagtailadmin", "access_admin"))
    translators = ensure_translators()
    workflow = ensure_curator_workflow(curators)
    return {"curators": curators, "editors": editors, "translators": translators, "workflow": workflow}
