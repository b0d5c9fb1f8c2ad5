"""A maker's account reaches only its own maker in the admin: pages, images, documents and who edited them.

Wagtail's page and collection permissions decide what a maker may change; what they leave open is
what a maker may *look at*: a screen about another maker's page or image that a permission check
lets through because it only asks whether the page lies under the user's "explorable root" (the
tree root, for a maker who writes in every locale), the admin API's image and document lists, the
bulk-action confirmations, the explorer's "owner" and "edited by" filters and the curators'
reports. This module closes those with Wagtail's own permission policies:

- `scope_admin_view` wraps every admin URL (storefront/urls.py, with Wagtail's
  `decorate_urlpatterns`): for a maker, a URL naming a page the maker may not explore, or an image
  or document it may not choose, is not found;
- the admin API's image and document endpoints list what the user may choose, as the choosers do;
- the page explorer's filters offer only the people who own or edited pages the user may explore;
- the curators' reports refuse makers.

Curators and editors keep Wagtail's behaviour.
"""

import functools

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, PageLogEntry
from wagtail.permissions import policy_registry

from . import publishing
from .admin_views import is_vendor_user

# URL arguments that name a page, an image or a document, as Wagtail's admin URLs spell them.
PAGE_ARGUMENTS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id"}
IMAGE_ARGUMENTS = {"image_id"}
DOCUMENT_ARGUMENTS = {"document_id", "doc_id"}
# The curators' reports list every maker's pages, editors and workflows; makers have no form pages.
CURATOR_ONLY_PREFIXES = (
    "wagtailadmin_reports:",
    "wagtailadmin_pages:type_use",
    "wagtail_localize:translations_report",
    "wagtailforms:",
)
# Views without a model of their own that read page ids from `?id=`.
PAGE_ID_VIEWS = {"wagtailadmin_choose_page_chosen_multiple"}
MEDIA_ACTIONS = ["choose", "change"]


def explorable_pages(user):
    return policy_registry.get_by_type(Page).explorable_instances(user)


def reachable_media(model, user):
    """The images (or documents) a user may choose or change: what Wagtail's choosers offer it."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, MEDIA_ACTIONS)


def _view_model(view):
    model = getattr(view, "view_initkwargs", {}).get("model")
    return model if isinstance(model, type) else None


def _named(kwargs, names):
    return [value for name, value in kwargs.items() if name in names]


def _all_reachable(queryset, ids):
    ids = {str(value) for value in ids}
    try:
        found = {str(pk) for pk in queryset.filter(pk__in=ids).values_list("pk", flat=True)}
    except (TypeError, ValueError):
        return False
    return found == ids


def _bulk_model(kwargs):
    if "app_label" in kwargs and "model_name" in kwargs:
        try:
            return ContentType.objects.get_by_natural_key(
                kwargs["app_label"], kwargs["model_name"]
            ).model_class()
        except ContentType.DoesNotExist:
            return None
    return None


def may_reach(request, view, view_name, kwargs):
    """Whether the objects this admin URL names (in its path or as `?id=`) are the maker's own."""
    user = request.user
    image_model, document_model = get_image_model(), get_document_model()
    pages = _named(kwargs, PAGE_ARGUMENTS)  # may be a section above the maker's page, to browse down
    chosen_pages = []  # chosen or bulk-edited: the maker's own pages only
    images = _named(kwargs, IMAGE_ARGUMENTS)
    documents = _named(kwargs, DOCUMENT_ARGUMENTS)
    model = _view_model(view) or _bulk_model(kwargs) or (Page if view_name in PAGE_ID_VIEWS else None)
    named = [kwargs["pk"]] if "pk" in kwargs else []
    selected = request.GET.getlist("id")
    if model is not None and issubclass(model, image_model):
        images += named + selected
    elif model is not None and issubclass(model, document_model):
        documents += named + selected
    elif model is not None and issubclass(model, Page):
        chosen_pages += selected
    explorable = explorable_pages(user)
    return (
        (not pages or _all_reachable(explorable, pages))
        and (not chosen_pages or _all_reachable(explorable.exclude(depth=1), chosen_pages))
        and (not images or _all_reachable(reachable_media(image_model, user), images))
        and (not documents or _all_reachable(reachable_media(document_model, user), documents))
    )


def scope_admin_view(view):
    """Wrap an admin view so that a maker's account gets "not found" for anything of another maker's."""

    @functools.wraps(view)
    def scoped(request, *args, **kwargs):
        if is_vendor_user(request.user):
            match = getattr(request, "resolver_match", None)
            view_name = match.view_name if match is not None else ""
            if view_name.startswith(CURATOR_ONLY_PREFIXES):
                return permission_denied(request)
            if not may_reach(request, view, view_name, kwargs):
                raise Http404
        return view(request, *args, **kwargs)

    return scoped


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: those the user may choose (Wagtail's own lists every collection)."""

    def get_queryset(self):
        return (
            super().get_queryset().filter(pk__in=reachable_media(self.model, self.request.user).values("pk"))
        )


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return (
            super().get_queryset().filter(pk__in=reachable_media(self.model, self.request.user).values("pk"))
        )


class ScopedPageFilterSet(GenericPageFilterSet):
    """The explorer's filters, offering a maker only the owners and editors of pages it may explore."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        if request is None or not is_vendor_user(request.user):
            return
        pages = explorable_pages(request.user)
        users = get_user_model().objects.all()
        self.filters["owner"].queryset = users.filter(pk__in=pages.values("owner_id"))
        edits = PageLogEntry.objects.filter(action="wagtail.edit", page__in=pages.values("pk"))
        self.filters["edited_by"].queryset = users.filter(pk__in=edits.values("user_id"))


class ScopedPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the explorer's filters scoped (ScopedPageFilterSet)
    and a page's publishing actions serialised (catalog/publishing.py)."""

    filterset_class = ScopedPageFilterSet
    edit_view_class = publishing.PageEditView
    workflow_action_view_class = publishing.PageWorkflowActionView
    unpublish_view_class = publishing.PageUnpublishView
    revisions_revert_view_class = publishing.PageRevisionsRevertView
