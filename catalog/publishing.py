"""Publishing a page and its locale copies as one change: page actions serialised, e-mails after commit.

Wagtail's edit view reads the page, then saves, approves and publishes it in several commits. Two
requests for one page could interleave: "Approve and Publish" and an autosave sent by the same
click (the approval's hidden fields go into the autosave's form data too) each read the page as a
draft; the approval published it and updated its locale copies (aliases), then the autosave saved
the page row it had read, as a draft, over the published one, and failed in the workflow action it
could no longer perform. So here:

- a POST to a page's edit, workflow-action, unpublish or revert view runs in one transaction that
  first locks the page's row: the second request waits, then reads the page as the first left it,
  and an error anywhere leaves the page, its copies and its workflow as they were;
- an autosave never performs a workflow action, and an approval or rejection of a task that has
  since ended is refused with a message instead of being saved as an edit;
- Wagtail's "approved" e-mail goes out once the approval and the publishing are committed;
- a page the user started and abandoned (never published, not in review) gives up its slug to the
  new page the user is creating, instead of blocking it with "slug already in use".
"""

import functools

from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.views.pages.unpublish import UnpublishView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail.signals import workflow_approved

# Wagtail connects its approval notifier under this dispatch_uid (wagtail.admin.signal_handlers);
# connected first under the same one, ours is the one Django keeps.
APPROVAL_EMAIL_DISPATCH_UID = "workflow_state_approved_email_notification"
WORKFLOW_FIELDS = ("action-workflow-action", "workflow-action-name")


class PageActionLock:
    """A POST runs in one transaction holding the page's row: page actions on one page never interleave.

    On SQLite, where SELECT … FOR UPDATE does nothing, the transaction begins IMMEDIATE (settings):
    it waits for the database's one writer instead.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=kwargs.get("page_id")).values_list("pk"))
            return super().dispatch(request, *args, **kwargs)


class EditGuard:
    """Autosave never approves or rejects; an approval or rejection of an ended review changes nothing."""

    def post(self, request, *args, **kwargs):
        asks_workflow_action = any(request.POST.get(name) for name in WORKFLOW_FIELDS)
        if asks_workflow_action and self.expects_json_response:
            return self.json_error_response(
                "workflow_action",
                _("Autosave does not approve or reject. Reload the page to see the review's outcome."),
            )
        if request.POST.get("action-workflow-action") and self.page.current_workflow_task is None:
            messages.error(
                request,
                _("This review has already ended; nothing was changed. Here is the page as it is now."),
            )
            return redirect(self.get_edit_url())
        return super().post(request, *args, **kwargs)


class PageEditView(PageActionLock, EditGuard, EditView):
    pass


class PageWorkflowActionView(PageActionLock, WorkflowActionView):
    pass


class PageUnpublishView(PageActionLock, UnpublishView):
    pass


class PageRevisionsRevertView(PageActionLock, EditGuard, RevisionsRevertView):
    pass


class ApprovalEmailAfterCommit(WorkflowStateApprovalEmailNotifier):
    """Wagtail's "approved" e-mail, sent when the approval and the publishing it made are committed."""

    def __call__(self, instance=None, **kwargs):
        send = functools.partial(WorkflowStateApprovalEmailNotifier.__call__, self, instance, **kwargs)
        transaction.on_commit(send, robust=True)
        return True


approval_email_after_commit = ApprovalEmailAfterCommit()


def connect_approval_email():
    """Called from the app's ready(), before wagtail.admin's: Django keeps the first receiver per uid."""
    workflow_approved.connect(
        approval_email_after_commit, sender=WorkflowState, dispatch_uid=APPROVAL_EMAIL_DISPATCH_UID
    )


def is_abandoned_draft(page, user):
    return (
        page.owner_id == user.pk
        and not page.live
        and page.first_published_at is None
        and page.alias_of_id is None
        and not page.workflow_in_progress
    )


def _move_aside(page, slug):
    parent = page.get_parent()
    page.slug = find_available_slug(parent, f"{slug}-draft-{page.pk}")
    page.set_url_path(parent)
    page.save(update_fields=["slug", "url_path"], clean=False)


@transaction.atomic
def free_slug_from_abandoned_draft(request, parent_page, page_class):
    """The `before_create_page` hook: a new page's slug held by the user's abandoned draft is freed.

    The draft (never public, so its address was never known) and its locale copies take
    "<slug>-draft-<id>"; the user still finds it, with its content, in the explorer.
    """
    slug = request.POST.get("slug", "").strip() if request.method == "POST" else ""
    if not slug:
        return None
    for sibling in parent_page.get_children().filter(slug=slug).specific():
        if not is_abandoned_draft(sibling, request.user):
            continue
        _move_aside(sibling, slug)
        for copy in Page.objects.filter(alias_of=sibling):
            _move_aside(copy, copy.slug)
        if sibling.get_latest_revision() is not None:
            # The editor opens the latest revision: it must show the slug the draft now has.
            sibling.save_revision(user=None, log_action=False, clean=False)
    return None
