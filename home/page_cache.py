"""Page cache: whole public pages kept in the cache and served again without the database.

What is stored: the 200 answer to a GET of a Wagtail page (home, standard pages, the catalogue,
makers, a maker, a product, stories, collections, events) asked for by a visitor with no session
cookie and no flash-message cookie, when rendering set no cookie and did not mark the answer private.
So never: an editor (the userbar) or a buyer with a sample box (the header count), both of whom have
a session; a view-restricted page or a preview (Wagtail marks both private); and nothing that is not
a page: /admin/, /stripe/, the sample box, checkout, orders, the inquiry form and search are views
of their own.

Keys use recognised parameters only. A page type lists the query parameters that change its HTML
(`query_parameters`: the catalogue's filters, sort and page, the stories' topic, maker and page);
before the page is served, every other parameter (`?utm_source=…`, `?fbclid=…`, junk) and every
empty one is taken out of the request, so the page renders exactly what its key says, and
`?utm_source=x` is the same stored page as none. A key is the host, the path and the recognised
parameters, sorted: made-up parameters cannot fill the cache, nor put their text into a page
served to others (its pagination and language links, a form's `next`).

What makes a shared copy safe:
- CSRF: the tokens of the page's forms are cut out before it is stored, and each hit gets the
  visitor's own token from get_token(), so the CSRF middleware sets the cookie and the add-sample
  form works without JavaScript.
- Purge: each stored page carries the cache's "generation" it was rendered under. Saving, publishing,
  unpublishing, moving or deleting any page, or anything pages show (categories, certification types,
  site settings, images, sites, locales, view restrictions), sets a new generation, again after the
  transaction commits, so every page rendered before is stale at once. A product's title appears on
  listings, its maker's page and the home page; one generation for all keeps that simple and right.
  With Redis this reaches every app server, the import command and the task worker.
- A new release (any change to the project's code, templates or translations, or the static
  manifest) uses keys of its own, so pages rendered by the old templates are never served.

The hit path runs just below the CSRF middleware: one cache round trip (the generation and the page
together), no database, no session, no template.

Headers: a stored page without a form is `public, max-age=PAGE_CACHE_MAX_AGE` (plus
`s-maxage=PAGE_CACHE_CDN_MAX_AGE` when a CDN purge backend is configured); one with a CSRF token is
`private, max-age=PAGE_CACHE_MAX_AGE`, so no shared cache hands one visitor's token to another. Both
`Vary: Cookie`. Other HTML without a Cache-Control of its own gets Django's never-cache headers.
`X-Cache` says HIT, MISS or BYPASS (not looked up: a session, a POST …).

When WAGTAILFRONTENDCACHE is configured, a published, unpublished, moved or deleted page is also
purged from the CDN with its ancestors, children and the listings, after the transaction commits.
"""

import hashlib
import os
import re
import secrets
import sys
import time
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model_string
from wagtail.models import COMMENTS_RELATION_NAME, Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

GENERATION_KEY = "page-cache:generation"
SERVED_PAGE = "page_cache_page"  # set on the request by the before_serve_page hook

# Pages that list others: the CDN purges them whenever a page changes.
LISTINGS = ("catalog.ProductIndexPage", "stories.StoryIndexPage")

# Besides pages, what pages show: a change to any of these makes every stored page stale.
SHOWN_ON_PAGES = (
    "catalog.Category",
    "catalog.CertificationType",
    "home.SiteSettings",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
)

_CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
_PLACEHOLDER = b"\x00csrf\x00"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scope = _request_generation.set("")  # read at most once per request (current_generation)
        try:
            return self.respond(request)
        finally:
            _request_generation.reset(scope)

    def respond(self, request):
        if not settings.PAGE_CACHE:
            return self.get_response(request)
        if not _may_use_cache(request):
            return _not_stored(self.get_response(request), "BYPASS")

        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = _page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation, entry = found.get(GENERATION_KEY), found.get(key)
        if entry is not None and generation is not None and entry[0] == generation:
            return _hit(request, entry)
        if generation is not None:
            _request_generation.set(generation)

        if generation is None:
            generation = current_generation()
        response = self.get_response(request)
        entry = _entry(request, response, generation)
        if entry is None:
            return _not_stored(response, "MISS")
        # Keyed again: serving the page took out the parameters it does not list (`?q=` on a product).
        cache.set(_page_key(request), entry, settings.PAGE_CACHE_SECONDS)
        response["X-Cache"] = "MISS"
        return response


def _may_use_cache(request):
    """Only visitors the page cannot be about: no session (box, login), no pending flash message."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _page_key(request):
    """The key of the page this request asks for: before routing, the page type is not known yet,
    so parameters recognised by any page type count (`recognised_query`)."""
    query = recognised_query(request.GET, recognised_parameters())
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"page-cache:{release()}:{hashlib.sha256(url.encode()).hexdigest()}"


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


def _hit(request, entry):
    _generation, headers, parts = entry
    content = get_token(request).encode().join(parts) if len(parts) > 1 else parts[0]
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "HIT"
    return response


def _entry(request, response, generation):
    """What to store for this response: (generation, headers, content cut at the CSRF tokens), or None."""
    page = getattr(request, SERVED_PAGE, None)
    if (
        page is None
        or generation is None
        or request.method != "GET"
        or getattr(request, "is_preview", False)
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or not response.get("Content-Type", "").startswith("text/html")
        or _is_private(response)
        or _varies_on_more_than_cookie(response)
        or (getattr(request, "session", None) is not None and request.session.modified)
    ):
        return None
    parts = _cut_csrf_tokens(request, response.content)
    if parts is None:
        return None

    directives = {"max_age": settings.PAGE_CACHE_MAX_AGE}
    if len(parts) > 1:  # carries a CSRF token: for this visitor's browser only
        directives["private"] = True
    else:
        directives["public"] = True
        if settings.WAGTAILFRONTENDCACHE:
            directives["s_maxage"] = settings.PAGE_CACHE_CDN_MAX_AGE
    patch_cache_control(response, **directives)
    patch_vary_headers(response, ["Cookie"])
    return generation, list(response.items()), parts


def _not_stored(response, state):
    if "Cache-Control" not in response and response.get("Content-Type", "").startswith("text/html"):
        add_never_cache_headers(response)
        patch_vary_headers(response, ["Cookie"])
    response["X-Cache"] = state
    return response


def _directives(response, header):
    items = response.get(header, "").split(",")
    return {item.split("=")[0].strip().lower() for item in items if item.strip()}


def _is_private(response):
    return bool(_directives(response, "Cache-Control") & {"private", "no-cache", "no-store"})


def _varies_on_more_than_cookie(response):
    # The key is the URL alone, so an answer that depends on another request header cannot be shared.
    return bool(_directives(response, "Vary") - {"cookie", "accept-encoding"})


def _cut_csrf_tokens(request, content):
    """The content split where its CSRF tokens were; None when a token went where it cannot be found."""
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # get_token() was not called: no token
        return [content]
    tokens = set(_CSRF_INPUT.findall(content))
    if not tokens:
        return None
    for token in tokens:
        content = content.replace(token, _PLACEHOLDER)
    return content.split(_PLACEHOLDER)


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
# the catalogue's counts, the restricted paths and the page itself then agree, for one cache read.
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


# This process's copies of what every page reads and only changes that start a new generation can
# change: {key: (generation, loaded at, value)}.
_memo = {}


def generation_memo(key, load):
    """`load()`, kept in this process while the generation stays the same.

    For what every request reads and rarely changes, and whose every change starts a new generation
    (sites, site settings, the sites' root paths and their URLs, locales, the main menu, view
    restrictions, the stories that feature a page, makers and categories): after the generation,
    which a request reads anyway, no cache round trip for each of them, and no unpickling. Without
    a shared cache (local memory, one per process) another process's change does not reach this
    process's generation, so a copy is also loaded again after PAGE_CACHE_SECONDS, as stored pages
    are.
    """
    generation = current_generation()
    found = _memo.get(key)
    if (
        found is not None
        and found[0] == generation
        and time.monotonic() - found[1] < settings.PAGE_CACHE_SECONDS
    ):
        return found[2]
    value = load()
    remember(key, value, generation)
    return value


def remember(key, value, generation=None):
    """Keep `value` as `generation_memo(key, …)` would have loaded it now."""
    _memo[key] = (generation or current_generation(), time.monotonic(), value)


def new_generation():
    """Make every stored page stale."""
    generation = secrets.token_hex(8)
    caches[settings.PAGE_CACHE_ALIAS].set(GENERATION_KEY, generation, timeout=None)
    if _request_generation.get() is not None:  # the rest of this request sees the change too
        _request_generation.set(generation)


# What saving a draft, a comment or a lock writes to a page's row: nothing a visitor sees.
DRAFT_FIELDS = frozenset(
    {
        *("latest_revision", "latest_revision_created_at", "draft_title", "has_unpublished_changes"),
        *(COMMENTS_RELATION_NAME, "locked", "locked_at", "locked_by"),
    }
)


def content_changed(sender=None, created=False, instance=None, update_fields=None, **kwargs):
    if created and issubclass(sender, BaseSiteSetting):
        return  # made with its defaults by the first page that read it: that page already showed them
    if kwargs.get("signal") is post_save and _unseen_page_save(instance, update_fields):
        return
    new_generation()
    # Again once the change is committed: a page rendered meanwhile from the old rows was stored
    # under the generation set above.
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(new_generation)


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


def _purge_from_cdn(pages):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages)  # URLs are worked out now, before a move or delete changes them
    transaction.on_commit(batch.purge)  # after the new generation, so the CDN refetches new pages


def _pages_showing(page):
    listings = Page.objects.live().type(*(apps.get_model(label) for label in LISTINGS))
    return [page, *page.get_ancestors().live(), *page.get_children().live(), *listings]


def purge_cdn_for_page(instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        _purge_from_cdn(_pages_showing(instance))


def purge_cdn_before_move(instance, **kwargs):
    # The old URLs of the page and everything under it, and the old parent's listing.
    if settings.WAGTAILFRONTENDCACHE:
        _purge_from_cdn([*_pages_showing(instance), *instance.get_descendants()])


def connect_signals():
    # Per model rather than for every sender: a post_delete receiver for all models would turn off
    # Django's fast deletes everywhere.
    shown = [apps.get_model(label) for label in (*SHOWN_ON_PAGES, get_image_model_string())]
    for model in {Page, *get_page_models(), *shown}:
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page-cache-delete-{label}")
    # Moves update the tree with queryset updates (no post_save); publishing saves child rows after
    # the page's own post_save. Deleting a live page unpublishes it first, which purges the CDN.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid="page-cache")
        signal.connect(purge_cdn_for_page, dispatch_uid="page-cache-cdn")
    pre_page_move.connect(purge_cdn_before_move, dispatch_uid="page-cache-cdn")
