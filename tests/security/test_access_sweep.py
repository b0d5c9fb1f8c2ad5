"""Maker A, signed in to the admin, asks for every admin URL about maker B's objects: none of B's data shows.

The URLs are not listed by hand: the sweep walks the URL resolver for every pattern under /admin/
(Wagtail's, wagtail-localize's and ours), puts B's ids (and the pages, workflow and locales B's
objects share with A) in each argument, and asks for each listing, chooser, search and report also
with B's words as the search, as a CSV export and with B's ids as `?id=`. A URL added later is swept
too; an argument the sweep does not know fails the test until it is taught what to put there.

A leak is any of B's titles, e-mail addresses, buyers or file names in a response, whatever its
status. Refusals (403, 404, a redirect to the dashboard or the login form) pass, as does a page
that shows A only what is A's.
"""

import itertools
import json
import re
from urllib.parse import urlencode

import pytest

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models import Q
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    Locale,
    Page,
    Task,
    TaskState,
    WorkflowState,
)
from wagtail_localize.models import OverridableSegment, StringSegment, Translation, TranslationSource

from catalog.models import ProductPage
from inquiries.models import Inquiry
from orders.models import SampleOrder, ShippingZone
from tests import factories

pytestmark = pytest.mark.django_db

ADMIN_PREFIX = "admin/"
# Pages every maker's pages hang from: their explorer, chooser and usage views are swept as well.
SHARED_PAGE_DEPTH = 3  # root (1), home pages (2), the makers sections (3)
# Objects B owns none of (locales, workflows, categories) are swept with this many of them.
SHARED_OBJECTS = 3
# URLs a sweep must not ask for: signing out would leave the rest of the sweep signed out.
NOT_SWEPT = {"wagtailadmin_logout", "wagtailadmin_error_test"}  # and the admin's deliberate 500
# The actions a workflow URL and a page API URL take; neither knows the other's.
WORKFLOW_ACTIONS = ["approve", "reject", "cancel"]
PAGE_API_ACTIONS = ["copy", "move", "delete", "publish", "unpublish", "convert_alias", "copy_for_translation"]


@pytest.fixture(scope="module")
def b_objects(shared_makers):
    """Everything maker B owns that the admin has a URL for, each with words only B's data contains."""
    a, b = shared_makers["a"], shared_makers["b"]
    # What makers share (a category, a certification type, a shipping zone): their usage lists B's draft.
    factories.make_certification_type()
    ShippingZone.objects.create(name="Everywhere", flat_rate=4500, is_default=True)
    draft = ProductPage(
        category=factories.make_category("Rattan lamps"),
        title="Bengkel Beta Rotan secret lamp",
        slug="secret-lamp",
        summary="Unreleased",
        hs_code="9405.11",
        moq=10,
        lead_time_days=30,
        live=False,
    )
    b.vendor.add_child(instance=draft)
    draft.save_revision(user=b.user, log_action=True)
    draft.get_workflow().start(draft, b.user)  # in moderation: a curator has yet to approve it
    translated = factories.translate_page(
        b.product, "id", {"A vase by Bengkel Beta Rotan": "Vas Bengkel Beta Rotan"}
    )

    kiln = get_image_model().objects.create(
        title="Bengkel Beta Rotan kiln",
        file=get_test_image_file("bengkel-kiln-unreleased.png"),
        collection=b.collection,
        uploaded_by_user=b.user,
    )
    document = get_document_model().objects.create(
        title="Bengkel Beta Rotan price list",
        file=ContentFile(b"%PDF-1.4 prices", name="bengkel-price-list.pdf"),
        collection=b.collection,
        uploaded_by_user=b.user,
    )
    inquiry = factories.make_inquiry(
        b.vendor,
        b.product,
        name="Bruno Bexley",
        company="Bexley Imports",
        email="bruno@bexley-imports.example",
        country="GB",
        quantity=500,
        destination="Felixstowe",
        message="We would like 500 vases for our spring collection.",
    )
    only_b = factories.make_sample_order("Berta Brandt", "berta@brandt-trading.example", [b], status="paid")
    shared = factories.make_sample_order("Mia Mixed", "mia@mixed-buyer.example", [a, b], status="paid")
    EditingSession.objects.create(
        user=b.user,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(b.product.pk),
        last_seen_at=timezone.now(),
        is_editing=True,
    )

    # B's maker page and product in English and Indonesian (a copy and a translation) and the draft.
    id_vendor = b.vendor.get_translation(factories.locale("id"))
    page_ids = [b.vendor.pk, b.product.pk, draft.pk, id_vendor.pk, translated.pk]
    secrets = {
        b.vendor.title,  # also its collection's and its group's name
        b.product.title,
        draft.title,
        b.image.title,
        kiln.title,
        "bengkel-kiln-unreleased",
        document.title,
        "bengkel-price-list",
        b.user.email,
        "Bruno Bexley",
        inquiry.email,
        "Berta Brandt",
        only_b.email,
        "Vas Bengkel",
        inquiry.reference,
        only_b.reference,
    }
    return {
        "a": a,
        "b": b,
        "pages": page_ids,
        "images": [b.image.pk, kiln.pk],
        "documents": [document.pk],
        "inquiries": [inquiry.pk],
        # The shared order is A's too: A opens it, but never sees B's line in it.
        "orders": [only_b.pk, shared.pk],
        "secrets": sorted(secrets),
    }


def admin_patterns(patterns=None, prefix="", namespace="", arguments=()):
    """(route, URL name, pattern, argument names) for every named URL pattern under /admin/."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        inner_arguments = (*arguments, *argument_names(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from admin_patterns(entry.url_patterns, prefix + str(entry.pattern), inner, inner_arguments)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if route.lstrip("^").startswith(ADMIN_PREFIX) and entry.name and entry.name not in NOT_SWEPT:
                yield route, f"{namespace}:{entry.name}" if namespace else entry.name, entry, inner_arguments


def argument_names(pattern):
    """The arguments one part of a URL pattern takes, a path() route or a re_path() regex."""
    return list(getattr(pattern, "converters", None) or pattern.regex.groupindex)


def view_model(pattern):
    callback = pattern.callback
    model = getattr(callback, "view_initkwargs", {}).get("model")
    if model is None:
        model = getattr(getattr(callback, "view_class", None), "model", None)
    return model if isinstance(model, type) else None


class Sweep:
    """What to put in each URL argument so that the URL is about one of B's objects."""

    MODEL_PAIRS = [
        ("app_label", "model_name"),
        ("app_name", "model_name"),
        ("content_type_app_name", "content_type_model_name"),
    ]

    def __init__(self, objects):
        b = objects["b"]
        pages = objects["pages"]
        default = Locale.get_default()
        shared = list(
            Page.objects.filter(depth__lte=SHARED_PAGE_DEPTH)
            .filter(Q(depth=1) | Q(locale=default))
            .values_list("pk", flat=True)
        )
        page_keys = [str(pk) for pk in pages]
        # Each page's latest revision, kept with its page: a revision URL names both.
        self.revision_page = {
            page.latest_revision_id: page.pk
            for page in Page.objects.filter(pk__in=pages)
            if page.latest_revision_id
        }
        workflow_states = WorkflowState.objects.filter(object_id__in=page_keys)
        sources = TranslationSource.objects.filter(
            object_id__in=Page.objects.filter(pk__in=pages).values("translation_key")
        )
        self.by_model = {
            Page: pages,
            get_image_model(): objects["images"],
            get_document_model(): objects["documents"],
            Inquiry: objects["inquiries"],
            SampleOrder: objects["orders"],
            Collection: [b.collection.pk],
            Group: [b.group.pk],
            type(b.user): [b.user.pk],
        }
        everything = sorted(set(itertools.chain.from_iterable(self.by_model.values())))
        revisions = list(self.revision_page)
        self.arguments = {
            "page_id": pages,
            "parent_page_id": pages + shared,
            "page_to_move_id": pages,
            "page_pk": pages,
            "destination_id": [objects["a"].vendor.pk],
            "revision_id": revisions,
            "revision_id_a": revisions,
            "revision_id_b": revisions,
            "image_id": objects["images"],
            "document_id": objects["documents"],
            "doc_id": objects["documents"],
            "collection_id": [b.collection.pk],
            "uploaded_file_id": everything,
            "object_id": pages,
            "session_id": list(EditingSession.objects.filter(user=b.user).values_list("pk", flat=True)),
            "task_state_id": list(
                TaskState.objects.filter(workflow_state__in=workflow_states).values_list("pk", flat=True)
            ),
            "workflow_state_id": list(workflow_states.values_list("pk", flat=True)),
            "task_id": list(
                Task.objects.filter(task_states__workflow_state__in=workflow_states)
                .distinct()
                .values_list("pk", flat=True)
            ),
            "workflow_pk": list(workflow_states.values_list("workflow_id", flat=True).distinct()),
            "translation_id": list(
                Translation.objects.filter(source__in=sources).values_list("pk", flat=True)
            ),
            "translation_source_id": list(sources.values_list("pk", flat=True)),
            "string_segment_id": list(
                StringSegment.objects.filter(source__in=sources).values_list("pk", flat=True)[:SHARED_OBJECTS]
            ),
            "overridable_segment_id": list(
                OverridableSegment.objects.filter(source__in=sources).values_list("pk", flat=True)[
                    :SHARED_OBJECTS
                ]
            ),
            "filter_spec": ["original"],
            "mode": ["desktop"],
            "redirect_id": everything,
            "uidb64": ["MQ"],
            "token": ["set-password"],
        }
        self.everything = everything
        self.model_pairs = list(
            dict.fromkeys(
                [(m._meta.app_label, m._meta.model_name) for m in self.by_model]
                + [("catalog", "productpage"), ("catalog", "vendorpage")]
            )
        )

    def pks(self, model):
        """B's objects of `model`; for a model B owns none of (locales, workflows, categories), the first
        few: their usage and history views list what uses them."""
        if model is None:
            return self.everything
        for owned, pks in self.by_model.items():
            if issubclass(model, owned):
                return pks
        return list(model._default_manager.order_by("pk").values_list("pk", flat=True)[:SHARED_OBJECTS])

    def kwargs_for(self, name, pattern, names):
        """Each set of arguments (and the model they are about) to ask for this pattern with."""
        choices = []
        pair = next((p for p in self.MODEL_PAIRS if set(p) <= set(names)), None)
        if pair:
            models = [apps.get_model(app_label, model_name) for app_label, model_name in self.model_pairs]
            if name.startswith("wagtailadmin_pages:"):  # the page views take page types only
                models = [model for model in models if issubclass(model, Page)]
            choices.append(
                [
                    {pair[0]: model._meta.app_label, pair[1]: model._meta.model_name, "_model": model}
                    for model in models
                ]
            )
        for argument in names:
            if (pair and argument in pair) or argument == "action":  # the bulk action: for the model, below
                continue
            if argument == "pk":
                choices.append([{"pk": pk} for pk in self.pks(view_model(pattern))])
                continue
            if argument == "action_name":
                actions = PAGE_API_ACTIONS if name.startswith("wagtailadmin_api:") else WORKFLOW_ACTIONS
                choices.append([{argument: action} for action in actions])
                continue
            if argument not in self.arguments:
                pytest.fail(
                    f"The sweep does not know what to put in `{argument}` of {name}: "
                    "add B's ids for it to Sweep.arguments"
                )
            choices.append([{argument: value} for value in self.arguments[argument]])
        for combination in itertools.product(*choices):
            kwargs = {}
            for part in combination:
                kwargs.update(part)
            model = kwargs.pop("_model", None)
            if not self._belongs_together(kwargs, model, pattern):
                continue
            if "action" in names:
                for action in bulk_action_registry.get_bulk_actions_for_model(
                    kwargs[pair[0]], kwargs[pair[1]]
                ):
                    yield {**kwargs, "action": action.action_type}, model
            else:
                yield kwargs, model or view_model(pattern)

    def _belongs_together(self, kwargs, model, pattern):
        page = kwargs.get("page_id", kwargs.get("pk"))
        for argument in ("revision_id", "revision_id_a", "revision_id_b"):
            if argument in kwargs and self.revision_page[kwargs[argument]] != page:
                return False
        if "pk" in kwargs and model is not None and view_model(pattern) is None:
            return kwargs["pk"] in self.pks(model)
        return True

    def queries(self, name, kwargs, model):
        """A listing, chooser or report is also searched for B's words and exported; a bulk action and
        a chooser's "chosen" view get B's ids as `?id=`, which is where they read them."""
        if "action" in kwargs:
            return ["?" + urlencode([("id", pk) for pk in self.pks(model)[:4]] + [("next", "/admin/")])]
        if kwargs:
            return [""]
        queries = ["", "?" + urlencode({"q": "Bengkel"}), "?export=csv"]
        if "chosen" not in name:
            return queries
        groups = [self.pks(model)] if model is not None else list(self.by_model.values())
        for ids in groups:
            queries.append("?" + urlencode([("id", pk) for pk in ids[:4]] + [("next", "/admin/")]))
        return queries

    def urls(self):
        """Every admin URL about B's objects, with query strings that search, export and choose them.

        A pattern that yields no URL (its arguments have no value, or its name reverses to another
        pattern of the same name only) is kept in `unswept`."""
        seen = set()
        self.unswept = []
        for route, name, pattern, names in admin_patterns():
            swept = False
            for kwargs, model in self.kwargs_for(name, pattern, names):
                try:
                    path = reverse(name, kwargs=kwargs)
                except NoReverseMatch:  # another pattern of the same name takes other arguments
                    continue
                swept = True
                for query in self.queries(name, kwargs, model):
                    if path + query not in seen:
                        seen.add(path + query)
                        yield name, path + query
            if not swept:
                self.unswept.append(f"{route} ({name})")


def read(response):
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    text = body.decode("utf-8", errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        text += json.dumps(json.loads(body or b"null"), ensure_ascii=False)  # unescaped \u sequences
    return text + " " + response.get("Location", "")


def leaks_of(client, sweep, secrets):
    pattern = re.compile("|".join(re.escape(secret) for secret in secrets), re.IGNORECASE)
    leaks, errors = [], []
    for name, url in sweep.urls():
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"{response.status_code} {url} ({name})")
            continue
        found = sorted({match.group(0) for match in pattern.finditer(read(response))})
        if found:
            leaks.append(f"{response.status_code} {url} ({name}): {', '.join(found)}")
    return leaks, errors


@pytest.mark.usefixtures("search_index")  # so that the searches find what B's words match
def test_maker_a_reaches_nothing_of_maker_b_through_any_admin_url(client, b_objects, maker_a, maker_b):
    client.force_login(b_objects["a"].user)
    client.raise_request_exception = False
    sweep = Sweep(b_objects)
    leaks, errors = leaks_of(client, sweep, b_objects["secrets"])
    assert not sweep.unswept, "Admin URLs the sweep could not build:\n" + "\n".join(sweep.unswept)
    assert not leaks, "Maker A sees maker B's data at:\n" + "\n".join(leaks)
    assert not errors, "Server errors:\n" + "\n".join(errors)


@pytest.mark.usefixtures("search_index")
def test_the_sweep_reaches_bs_data(client, b_objects, django_user_model):
    """The sweep asks for URLs that do show B's objects: signed in as a superuser, the same URLs show them."""
    client.force_login(
        django_user_model.objects.create_superuser("root@example.com", "root@example.com", "pw")
    )
    sweep = Sweep(b_objects)
    urls = dict((url, name) for name, url in sweep.urls())
    b = b_objects["b"]
    must_show = [
        reverse("wagtailadmin_pages:edit", args=[b.product.pk]),
        reverse("wagtailimages:edit", args=[b_objects["images"][1]]),
        reverse("wagtaildocs:edit", args=[b_objects["documents"][0]]),
        reverse("inquiry_admin:inspect", args=[b_objects["inquiries"][0]]),
        reverse("sample_orders:inspect", args=[b_objects["orders"][0]]),
        reverse("wagtailimages_chooser:choose_results") + "?q=Bengkel",
    ]
    for url in must_show:
        assert url in urls, f"the sweep never asks for {url}"
        body = read(client.get(url))
        assert any(secret in body for secret in b_objects["secrets"]), url
    assert len(urls) > 500, len(urls)
