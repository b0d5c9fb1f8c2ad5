"""Page cache: whole public pages kept in the cache and served again without the database.

The HTML of a public page is the same for every buyer, so one stored copy serves them all, and
nginx or a CDN may keep it too:
- Nothing per visitor is in it. The header's sample-box count and a CSRF token for the page's forms
  come from `orders:state`, read by site.js; the add-sample form without JavaScript goes by GET to a
  page that asks the buyer to confirm, with a token (orders/views.py). A page whose rendering asked
  for a CSRF token, set a cookie or marked itself private is not stored.
- Anonymous buyers and buyers with a session (a sample box) get the stored page; its headers are
  `Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE, s-maxage=PAGE_CACHE_CDN_MAX_AGE`, with no
  `Set-Cookie` and no `Vary: Cookie`. Signed-in people (editors and makers: the userbar, drafts)
  carry the SIGNED_IN_COOKIE set on their first answer after signing in and are never served a
  stored page, nor is anyone with a flash message waiting (the page shows it, uncached).
- Never stored: an editor's page, a view-restricted page or a preview (Wagtail marks both private),
  and nothing that is not a page: /admin/, /stripe/, the sample box, checkout, orders, the inquiry
  form and search are views of their own, sent with Django's never-cache headers.

Keys use recognised parameters only. A page type lists the query parameters that change its HTML
(`query_parameters`: the catalogue's filters, sort and page, the stories' topic, maker and page);
before the page is served, every other parameter (`?utm_source=…`, `?fbclid=…`, junk) and every
empty one is taken out of the request, so the page renders exactly what its key says, and
`?utm_source=x` is the same stored page as none. A key is the host, the path and the recognised
parameters, sorted: made-up parameters cannot fill the cache, nor put their text into a page
served to others (its pagination and language links, a form's `next`).

Purging is targeted (`purge_pages`, `pages_showing`). Publishing, unpublishing, moving or deleting
a page purges the pages that show it, in every locale: a product's own page, its maker, the
catalogue, the stories and collections that include it and the home page if it features it (or
lists the newest). Each path has a stamp in the cache, stored with the pages under it; purging a
URL gives its path a new stamp, so every query string of it (the catalogue's filters) is stale at
once, and the same URLs go to the HTTP caches in WAGTAILFRONTENDCACHE through Wagtail's frontend
cache. What every page shows (the main menu, the home page's title in the breadcrumbs, categories,
certification types, site settings, sites, locales, view restrictions) purges every stored page:
a new "epoch". Both are done again after the transaction commits, so a page rendered meanwhile from
the old rows is not kept.

A new release (any change to the project's code, templates or translations, or the static manifest)
uses keys of its own, so pages rendered by the old templates are never served.

The middleware sits above the session, so a hit is one cache round trip (the epoch, the path's
stamp and the page together): no database, no session, no template. `X-Cache` says HIT, MISS or
BYPASS (not looked up: a POST, a signed-in editor, a flash message).

The cache's "generation" is another matter: what is derived from many pages (the main menu, the
catalogue's counts, the search vocabulary) is kept in the cache under it, and any visible change
starts a new one; it does not decide whether a stored page is fresh.
"""

import hashlib
import os
import secrets
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http import HttpResponse, QueryDict
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model_string
from wagtail.models import COMMENTS_RELATION_NAME, Page, ReferenceIndex, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

GENERATION_KEY = "page-cache:generation"
EPOCH_KEY = "page-cache:epoch"
SERVED_PAGE = "page_cache_page"  # set on the request by the before_serve_page hook
# Set for people signed in (editors, makers), whose pages show the userbar and may show drafts.
SIGNED_IN_COOKIE = "signed_in"

# Besides pages, what every page shows: a change to any of these makes every stored page stale.
SHOWN_ON_PAGES = (
    "catalog.Category",
    "catalog.CertificationType",
    "home.SiteSettings",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scope = _request_generation.set("")  # read at most once per request (current_generation)
        try:
            response = self.respond(request)
        finally:
            _request_generation.reset(scope)
        return response

    def respond(self, request):
        if not settings.PAGE_CACHE:
            return self.get_response(request)
        if not _may_use_cache(request):
            return _signed_in_cookie(request, _not_stored(request, self.get_response(request), "BYPASS"))

        cache = caches[settings.PAGE_CACHE_ALIAS]
        key, stamp_key = _page_key(request), _stamp_key(request.path)
        found = cache.get_many([GENERATION_KEY, EPOCH_KEY, stamp_key, key])
        epoch, stamp, entry = found.get(EPOCH_KEY), found.get(stamp_key), found.get(key)
        if entry is not None and epoch is not None and stamp is not None and entry[:2] == (epoch, stamp):
            return _hit(entry)
        if found.get(GENERATION_KEY) is not None:
            _request_generation.set(found[GENERATION_KEY])

        # Read before rendering: a purge while the page renders leaves what is stored stale.
        epoch = epoch or _ensure(cache, EPOCH_KEY)
        stamp = stamp or _ensure(cache, stamp_key)
        response = self.get_response(request)
        if not _storable(request, response):
            return _signed_in_cookie(request, _not_stored(request, response, "MISS"))
        _public(response)
        # Keyed again: serving the page took out the parameters it does not list (`?q=` on a product).
        entry = (epoch, stamp, list(response.items()), response.content)
        cache.set(_page_key(request), entry, settings.PAGE_CACHE_SECONDS)
        response["X-Cache"] = "MISS"
        return response


def _may_use_cache(request):
    """Anyone the page cannot be about: not signed in, no flash message waiting. A session (a sample
    box) is fine: nothing of it is on the page."""
    return (
        request.method in ("GET", "HEAD")
        and not request.COOKIES.get(SIGNED_IN_COOKIE)
        and not request.COOKIES.get(CookieStorage.cookie_name)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _ensure(cache, key):
    cache.add(key, secrets.token_hex(8), timeout=None)
    return cache.get(key)


def _page_key(request):
    """The key of the page this request asks for: before routing, the page type is not known yet,
    so parameters recognised by any page type count (`recognised_query`)."""
    query = recognised_query(request.GET, recognised_parameters())
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"page-cache:{release()}:{hashlib.sha256(url.encode()).hexdigest()}"


def _stamp_key(path):
    """The key of a path's stamp: every stored page of the path (any host, any query string) carries it."""
    return f"page-cache:path:{hashlib.sha256(path.encode()).hexdigest()}"


def recognised_query(query, names):
    """The query string of the parameters of `query` (a QueryDict) named in `names` and not empty,
    sorted by name; in their own order within a name."""
    kept = QueryDict(mutable=True)
    for name in sorted(set(query) & set(names)):
        if values := [value for value in query.getlist(name) if value]:
            kept.setlist(name, values)
    return kept.urlencode()


@cache
def recognised_parameters():
    """Every parameter some page type lists as changing its HTML."""
    return frozenset(name for model in get_page_models() for name in getattr(model, "query_parameters", ()))


def keep_recognised_parameters(request, page):
    """Take out of the request every query parameter `page` does not list (and the empty ones), so
    whatever renders it — its context, `{% querystring %}`, `request.get_full_path` — sees only what
    its cache key holds."""
    query = recognised_query(request.GET, getattr(page.specific_class, "query_parameters", ()))
    if query != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)


def _hit(entry):
    _epoch, _stamp, headers, content = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "HIT"
    return response


def _storable(request, response):
    """Whether this answer is a public page the same for everyone who may be served it."""
    return (
        getattr(request, SERVED_PAGE, None) is not None
        and request.method == "GET"
        and not getattr(request, "is_preview", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies  # a session, a CSRF cookie, a consumed flash message
        and response.get("Content-Type", "").startswith("text/html")
        and not _is_private(response)
        and not _varies_on_more_than_cookie(response)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form with this visitor's token
        and not _signed_in(request, response)
    )


def _public(response):
    patch_cache_control(
        response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE, s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE
    )
    # The session may have been read (whether someone is signed in: the userbar), but nothing of it
    # is on the page: it is the same whatever cookies are sent.
    vary = [value for value in _items(response, "Vary") if value.lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif "Vary" in response:
        del response["Vary"]


def _signed_in(request, response):
    user = getattr(request, "user", None)
    # Without a session cookie nobody is signed in; not asking spares reading an empty session.
    name = settings.SESSION_COOKIE_NAME
    has_session = name in request.COOKIES or name in response.cookies
    return has_session and user is not None and user.is_authenticated


def _signed_in_cookie(request, response):
    """Mark a signed-in browser, so the next request skips the stored pages; unmark it once signed out."""
    signed_in = _signed_in(request, response)
    if signed_in and SIGNED_IN_COOKIE not in request.COOKIES:
        response.set_cookie(
            SIGNED_IN_COOKIE,
            "1",
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )
    elif not signed_in and SIGNED_IN_COOKIE in request.COOKIES and hasattr(request, "user"):
        response.delete_cookie(SIGNED_IN_COOKIE, samesite=settings.SESSION_COOKIE_SAMESITE)
    return response


def _not_stored(request, response, state):
    """Other HTML is for this visitor only: a page rendered for them (an editor, a flash message) or
    a view without a Cache-Control of its own gets Django's never-cache headers."""
    html = response.get("Content-Type", "").startswith("text/html")
    if html and getattr(request, SERVED_PAGE, None) is not None and not _is_private(response):
        del response["Cache-Control"]
    if html and "Cache-Control" not in response:
        add_never_cache_headers(response)
        patch_vary_headers(response, ["Cookie"])
    response["X-Cache"] = state
    return response


def _items(response, header):
    return [item.strip() for item in response.get(header, "").split(",") if item.strip()]


def _directives(response, header):
    return {item.split("=")[0].strip().lower() for item in _items(response, header)}


def _is_private(response):
    return bool(_directives(response, "Cache-Control") & {"private", "no-cache", "no-store"})


def _varies_on_more_than_cookie(response):
    # The key is the URL alone, so an answer that depends on another request header cannot be shared.
    return bool(_directives(response, "Vary") - {"cookie", "accept-encoding"})


@cache
def release():
    """A digest of the project's code, templates and translations and the static manifest, read once."""
    base = Path(settings.BASE_DIR)
    roots = {Path(settings.PROJECT_DIR), *map(Path, settings.LOCALE_PATHS)}
    for app in apps.get_app_configs():
        path = Path(app.path)
        if path.is_relative_to(base) and not path.is_relative_to(sys.prefix):
            roots.add(path)
    digest = hashlib.sha256()
    for root in sorted(roots):
        for directory, subdirectories, files in os.walk(root):
            subdirectories[:] = sorted(name for name in subdirectories if name != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".html", ".txt", ".xml", ".mo")):
                    path = Path(directory, name)
                    digest.update(str(path.relative_to(base)).encode())
                    digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


# --- Purging ----------------------------------------------------------------------------------------


# Within a request (PageCacheMiddleware sets "" for "not read yet"), the generation read first:
# the catalogue's counts, the main menu and the page itself then agree, for one cache read.
# None outside requests (commands, tasks), which read the cache every time.
_request_generation = ContextVar("page_cache_generation", default=None)


def current_generation():
    """The generation pages are rendered under now (made when there is none yet).

    Anything derived from many pages can be cached under it too: it changes whenever they may.
    """
    known = _request_generation.get()
    if known:
        return known
    cache = caches[settings.PAGE_CACHE_ALIAS]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        generation = cache.get(GENERATION_KEY)
    if known is not None:
        _request_generation.set(generation)
    return generation


def new_generation():
    """Start a new generation: what is kept under the old one is read again."""
    generation = secrets.token_hex(8)
    caches[settings.PAGE_CACHE_ALIAS].set(GENERATION_KEY, generation, timeout=None)
    if _request_generation.get() is not None:  # the rest of this request sees the change too
        _request_generation.set(generation)


def _new_epoch():
    caches[settings.PAGE_CACHE_ALIAS].set(EPOCH_KEY, secrets.token_hex(8), timeout=None)
    new_generation()


# Set while purges_deferred() runs: saves purge nothing one by one, everything is purged at the end.
_purges_deferred = ContextVar("page_cache_purges_deferred", default=False)


@contextmanager
def purges_deferred():
    """For a bulk change (seed_demo, an import) that saves and publishes hundreds of pages: no purge
    after each save (working out which pages show a page costs several queries), one purge of every
    stored page at the end instead. The CDN's copies expire after PAGE_CACHE_CDN_MAX_AGE."""
    token = _purges_deferred.set(True)
    try:
        yield
    finally:
        _purges_deferred.reset(token)
        purge_everything()


def _now_and_on_commit(action):
    # Again once the change is committed: what was rendered or loaded meanwhile came from the old rows.
    action()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(action)


def purge_everything():
    """Make every stored page stale (and start a new generation). The CDN's copies expire after
    PAGE_CACHE_CDN_MAX_AGE."""
    _now_and_on_commit(_new_epoch)


def purge_urls(urls):
    """The one way pages leave the caches: each URL's path in the page cache (all its query
    strings), and the URLs in the HTTP caches configured in WAGTAILFRONTENDCACHE (none when it is
    empty) through Wagtail's frontend cache."""
    urls = sorted(set(urls))
    if not urls:
        return
    stamps = {_stamp_key(urlsplit(url).path or "/"): secrets.token_hex(8) for url in urls}
    caches[settings.PAGE_CACHE_ALIAS].set_many(stamps, timeout=None)
    if settings.WAGTAILFRONTENDCACHE:
        purge_urls_from_cache(urls)  # each locale's URL is in `urls`: WAGTAILFRONTENDCACHE_LANGUAGES is []


def page_urls(pages):
    """Every URL of `pages` (each page's full URL and its `get_cached_paths()`), as Wagtail's
    frontend cache works them out."""
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


def purge_pages(pages):
    """Purge the URLs of `pages`, worked out now (before a move or a delete changes them): now, and
    again once the transaction commits, when the CDN is told and may fetch them again."""
    urls = page_urls(pages)
    if transaction.get_connection().in_atomic_block:
        stamps = {_stamp_key(urlsplit(url).path or "/"): secrets.token_hex(8) for url in urls}
        caches[settings.PAGE_CACHE_ALIAS].set_many(stamps, timeout=None)
    transaction.on_commit(lambda: purge_urls(urls))


def _model(label):
    return apps.get_model(label)


def pages_showing(page):
    """The pages whose HTML shows `page`, in every locale, or None when every page may: the home page
    and the pages just under it (the sections, whose titles are in every breadcrumb below them, and
    the pages of the main menu), which change seldom.

    The page itself; the listing it is in (its parent: a product's maker, a story's index); and by
    type:
    - product: the catalogue, the stories and collections that include it;
    - maker: its products (they name it), the catalogue (its cards too), the stories featuring it and
      the events it takes part in;
    - story: the products and makers it features ("Featured in");
    - event: the makers taking part ("Meet us at");
    - the home page when it features the product, maker, story or collection, or lists the newest
      (features none of that kind), and always for events (it lists the upcoming ones).
    """
    HomePage = _model("home.HomePage")
    page = page.specific_deferred
    parent = page.get_parent()
    if isinstance(page, HomePage) or parent is None or parent.specific_class in (HomePage, Page):
        return None
    keys = {page.translation_key, parent.translation_key}
    in_every_locale = Page.objects.filter(translation_key__in=keys)
    listings, home_kind = Page.objects.none(), None
    StoryFeature = _model("stories.StoryFeature")
    stories_featuring = Page.objects.filter(
        pk__in=StoryFeature.objects.filter(page__translation_key=page.translation_key).values("story_id")
    )
    if isinstance(page, _model("catalog.ProductPage")):
        home_kind = "products"
        listings = (
            Page.objects.type(_model("catalog.ProductIndexPage"))
            | stories_featuring
            | Page.objects.filter(
                pk__in=_model("stories.CollectionProduct")
                .objects.filter(product__translation_key=page.translation_key)
                .values("collection_id")
            )
        )
    elif isinstance(page, _model("catalog.VendorPage")):
        home_kind = "makers"
        listings = (
            Page.objects.type(_model("catalog.ProductIndexPage"))
            | Page.objects.descendant_of(page)
            | stories_featuring
            | Page.objects.filter(
                pk__in=_model("stories.EventParticipant")
                .objects.filter(vendor__translation_key=page.translation_key)
                .values("event_id")
            )
        )
    elif isinstance(page, _model("stories.StoryPage")):
        home_kind = "stories"
        listings = Page.objects.filter(
            pk__in=StoryFeature.objects.filter(story__translation_key=page.translation_key).values("page_id")
        )
    elif isinstance(page, _model("stories.CollectionPage")):
        home_kind = "collections"
    elif isinstance(page, _model("stories.EventPage")):
        home_kind = "events"
        listings = Page.objects.filter(
            pk__in=_model("stories.EventParticipant")
            .objects.filter(event__translation_key=page.translation_key)
            .values("vendor_id")
        )
    shown = {row.pk: row for row in in_every_locale | listings}
    # What shows them, in every locale too: a story in Japanese featuring an English product's copy.
    more = {row.translation_key for row in shown.values()} - keys
    for row in Page.objects.filter(translation_key__in=more):
        shown.setdefault(row.pk, row)
    if home_kind:
        chosen_on = HomePage.keys_chosen_on_each(home_kind)
        for home in HomePage.objects.all():
            chosen = chosen_on.get(home.pk)
            if not chosen or page.translation_key in chosen:
                shown.setdefault(home.pk, home)
    return list(shown.values())


def _purging():
    return settings.PAGE_CACHE or settings.WAGTAILFRONTENDCACHE


def purge_page(page, *, descendants=False):
    """Purge what shows `page` (and, for a move, the pages under it)."""
    if not _purging():
        return
    shown = pages_showing(page)
    if shown is None:
        purge_everything()
        shown = [page]  # the CDN's copies of the others expire after PAGE_CACHE_CDN_MAX_AGE
    if descendants:
        shown = [*shown, *page.get_descendants()]
    purge_pages(shown)


# What saving a draft, a comment or a lock writes to a page's row: nothing a visitor sees.
DRAFT_FIELDS = frozenset(
    {
        *("latest_revision", "latest_revision_created_at", "draft_title", "has_unpublished_changes"),
        *(COMMENTS_RELATION_NAME, "locked", "locked_at", "locked_by"),
    }
)


def content_changed(sender=None, created=False, instance=None, update_fields=None, **kwargs):
    """Something visitors see was saved or deleted: what is kept under the generation is read again (a new
    generation), and the pages showing it are purged."""
    if created and issubclass(sender, BaseSiteSetting):
        return  # made with its defaults by the first page that read it: that page already showed them
    if _purges_deferred.get():
        return
    if kwargs.get("signal") is post_save and _unseen_page_save(instance, update_fields):
        return
    _now_and_on_commit(new_generation)
    deleted = kwargs.get("signal") is post_delete
    if isinstance(instance, Page):
        if not deleted:  # a deleted live page was unpublished first
            purge_page(instance)
    elif sender._meta.label == get_image_model_string():
        if not (created or deleted):  # a new image is on no page yet; a deleted one: image_deleting
            purge_pages_showing_image(instance)
    else:
        purge_everything()


def image_deleting(instance, **kwargs):
    if not _purges_deferred.get():
        purge_pages_showing_image(instance)


def purge_pages_showing_image(image):
    """Purge what shows the pages that use `image` (Wagtail's reference index knows them)."""
    if not _purging():
        return
    page_type = Page._meta.label_lower.split(".")
    references = ReferenceIndex.get_references_to(image).filter(
        base_content_type__app_label=page_type[0], base_content_type__model=page_type[1]
    )
    page_ids = [int(pk) for pk in references.values_list("object_id", flat=True)]
    for page in Page.objects.filter(pk__in=page_ids):
        purge_page(page)


def _unseen_page_save(instance, update_fields):
    """Whether saving this page changes nothing visitors see: it is not live (a draft, a new page,
    or one being unpublished, which `page_unpublished` reports), or only its draft was saved.

    Editors and makers save drafts all day; each one used to make every stored page stale.
    """
    if not isinstance(instance, Page):
        return False
    return not instance.live or (update_fields is not None and set(update_fields) <= DRAFT_FIELDS)


def note_served_page(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: only responses that serve a page may be stored, and a page is served
    with the query parameters of its key only."""
    setattr(request, SERVED_PAGE, page)
    keep_recognised_parameters(request, page)


def page_moving(instance, **kwargs):
    """pre_page_move: the old URLs of the page and everything under it, and the old listings."""
    if not _purges_deferred.get():
        purge_page(instance, descendants=True)


def page_moved(instance, **kwargs):
    """post_page_move: the new URLs and listings; what is kept under the generation (the menu) changes."""
    if _purges_deferred.get():
        return
    _now_and_on_commit(new_generation)
    purge_page(instance, descendants=True)


def connect_signals():
    # Per model rather than for every sender: a post_delete receiver for all models would turn off
    # Django's fast deletes everywhere.
    shown = [apps.get_model(label) for label in (*SHOWN_ON_PAGES, get_image_model_string())]
    for model in {Page, *get_page_models(), *shown}:
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-cache-delete-{label}")
    # Moves update the tree with queryset updates (no post_save); publishing saves child rows after
    # the page's own post_save. Deleting a live page unpublishes it first.
    for signal in (page_published, page_unpublished):
        signal.connect(content_changed, dispatch_uid="page-cache")
    post_page_move.connect(page_moved, dispatch_uid="page-cache")
    image_model = apps.get_model(get_image_model_string())
    pre_delete.connect(image_deleting, sender=image_model, dispatch_uid="page-cache-image-delete")
    pre_page_move.connect(page_moving, dispatch_uid="page-cache")
