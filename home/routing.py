"""Page routing in two queries instead of two per tree level.

Wagtail routes `/en/makers/atelier/vase/` one level at a time: each page looks up its child by slug
and loads it as its specific type, so a product page four levels down costs eight queries before
its template starts. Every page already stores its full `url_path`, and Wagtail caches the url_path
of each locale's home page (`Site.get_site_root_paths()`), so the whole chain can be read at once:

1. one query for every page on the way (`url_path IN (...)`), as plain `Page` rows;
2. one query for the page found, as its specific type, with the related rows its template needs
   (`route_select_related` / `route_prefetch_related` on the page class).

The pages' locales are not joined in: each page gets its locale from `locales_by_id()`. That, and
the main menu every header shows (`menu_pages`), this process keeps while the page cache's
generation lasts.

The result goes where Wagtail looks for it first (`request._wagtail_route_for_request`), and then
Wagtail's own `serve` view runs unchanged: hooks, view restrictions, `page.serve()`. Pages whose
class routes by itself (`RoutablePageMixin`, any other `route()` override) still get that call,
with the rest of the path, exactly as Wagtail would make it. When there is no site or no home page
for the active language, nothing is set and Wagtail routes as usual.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q, Subquery
from django.http import Http404, HttpRequest
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

ROW_FIELDS = (
    "id", "path", "depth", "numchild", "url_path", "slug", "title", "seo_title", "live",
    "content_type_id", "locale_id", "alias_of_id", "translation_key", "show_in_menus",
)  # fmt: skip


def serve(request, path):
    """Drop-in for `wagtail.views.serve`: route first, the fast way, then let Wagtail serve."""
    from wagtail import views as wagtail_views  # needs the app registry, so not at import time

    if not hasattr(request, "_wagtail_route_for_request"):
        site = Site.find_for_request(request)
        root_path = site and localized_root_path(site, request)
        if root_path:
            try:
                request._wagtail_route_for_request = route(request, root_path, path)
            except Http404:
                request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def site_root_paths(request):
    """Wagtail's cached list of the sites' home pages, kept in this process while the page cache's
    generation lasts (a change to a site or a home page starts a new one).

    Kept where Wagtail's own `Page.get_url(request)` looks for it; pages read while routing get
    it too (`route`), for the URLs they are asked for without a request (`page.url`).
    """
    from home.page_cache import generation_memo

    if request is not None and hasattr(request, "_wagtail_cached_site_root_paths"):
        return request._wagtail_cached_site_root_paths
    root_paths = generation_memo("site-root-paths", Site.get_site_root_paths)
    if request is not None:
        request._wagtail_cached_site_root_paths = root_paths
    return root_paths


def locales_by_id():
    """Every locale by id, kept in this process while the page cache's generation lasts (saving or
    deleting a locale starts a new one). Pages and cards are read with their `locale_id` and given
    their locale from here: no join to the locales table in each query, which PostgreSQL spends
    longer planning than running."""
    from home.page_cache import generation_memo

    return generation_memo("locales", lambda: {locale.pk: locale for locale in Locale.objects.all()})


def localized_root_path(site, request=None):
    """The url_path of `site`'s home page in the active language, from Wagtail's cached list."""
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    for root in site_root_paths(request):
        if root.site_id == site.id and root.language_code == language:
            return root.root_path
    return None


def route(request, root_path, path):
    """The `RouteResult` for `path` under the home page at `root_path`; raises Http404."""
    components = [component for component in path.split("/") if component]
    url_paths = [root_path + "".join(f"{c}/" for c in components[:n]) for n in range(len(components) + 1)]
    rows = _tree_rows(root_path, url_paths)
    found = {page.url_path: page for page in rows}
    chain = []
    for url_path in url_paths:
        page = found.get(url_path)
        if page is None or (chain and not _routes_like_a_page(chain[-1])):
            break
        chain.append(page)
    if not chain:
        raise Http404
    page = _load_specific(chain[-1])
    root_paths = site_root_paths(request)
    for row in (page, *rows):
        row._wagtail_cached_site_root_paths = root_paths
    ancestors = chain[:-1]
    page._routed_ancestors = ancestors
    page._routed_restricted = chain[-1].restricted
    if ancestors:
        page._cached_parent_obj = ancestors[-1]
    if len(chain) == len(url_paths):  # the path ends at this page: the other rows are its translations
        others = [row for row in rows if row.translation_key == page.translation_key and row.pk != page.pk]
        page._live_translations = [page, *(row for row in others if row.live)]
    request._menu_pages = menu_pages(root_path)
    return page.route(request, components[len(chain) - 1 :])


def _menu_q():
    """Content pages marked for the main menu: the About page, or set to show in menus."""
    from home.models import StandardPage

    content_page = Q(content_type=ContentType.objects.get_for_model(StandardPage))
    return content_page & (Q(show_in_menus=True) | Q(slug="about"))


def menu_pages(root_path):
    """The main menu below the home page at `root_path`: its live, public content pages marked for
    the menu, one level down.

    Every page's header shows it, and only publishing, unpublishing or moving a page, or a view
    restriction, changes it: each of those starts a new page cache generation, so this process
    keeps the menu while the generation lasts.
    """
    from home.page_cache import generation_memo

    def load():
        rows = _mark_restricted(
            Page.objects.filter(_menu_q(), url_path__startswith=root_path, live=True)
            .order_by("path")
            .only(*ROW_FIELDS)
        )
        root_paths = site_root_paths(None)
        depth = root_path.count("/") + 1
        menu = [row for row in rows if not row.restricted and row.url_path.count("/") == depth]
        for row in menu:
            row._wagtail_cached_site_root_paths = root_paths
        return tuple(menu)

    return generation_memo(f"menu-pages:{root_path}", load)


def _tree_rows(root_path, url_paths):
    """One query for what routing and the page's header need to know about the tree.

    - the pages on the way from the home page (`root_path`) to the last of `url_paths`;
    - the translations of that last page (the language switcher and hreflang links).

    Each row is marked `restricted` when a view restriction applies to it or to an ancestor.
    """
    # A scalar subquery (evaluated once), so both branches of the OR below can use an index.
    target_key = Subquery(Page.objects.filter(url_path=url_paths[-1]).values("translation_key")[:1])
    return _mark_restricted(
        Page.objects.filter(Q(url_path__in=url_paths) | Q(translation_key=target_key))
        .order_by()  # routing looks rows up by url_path; the language links keep the settings' order
        .only(*ROW_FIELDS)
    )


def _mark_restricted(rows):
    """The rows, each with its locale and `restricted`: whether a view restriction applies to it or
    an ancestor."""
    restricted = restricted_paths()
    locales = locales_by_id()
    rows = list(rows)
    for row in rows:
        row.locale = locales[row.locale_id]
        row.restricted = row.path.startswith(restricted)  # False for an empty tuple
    return rows


def _routes_like_a_page(page):
    """Whether `page` hands a path on to its children as `Page.route` does (no own sub-URLs)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return model is not None and model.route is Page.route


def _load_specific(page):
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    if model is None:
        return page
    queryset = model._default_manager.all()
    related = (*getattr(model, "route_select_related", ()), *(("alias_of",) if page.alias_of_id else ()))
    if related:
        queryset = queryset.select_related(*related)
    prefetch = getattr(model, "route_prefetch_related", ())
    if callable(prefetch):  # a classmethod when it names models defined after the page
        prefetch = prefetch()
    if prefetch:
        queryset = queryset.prefetch_related(*prefetch)
    specific = queryset.get(pk=page.pk)
    locales = locales_by_id()
    specific.locale = locales[specific.locale_id]
    if specific.alias_of_id:
        specific.alias_of.locale = locales[specific.alias_of.locale_id]
    return specific


class RoutedPageMixin:
    """Page types routed by `serve` above: they reuse the ancestors it read on the way."""

    # Read with the page by `route`, besides its locale (and, for an alias, its source page and locale).
    route_select_related = ()
    route_prefetch_related = ()

    def get_view_restrictions(self):
        ancestors = getattr(self, "_routed_ancestors", None)
        if ancestors is None or self.alias_of_id or any(page.alias_of_id for page in ancestors):
            return super().get_view_restrictions()  # aliases: Wagtail follows them to their source
        if getattr(self, "_routed_restricted", None) is False:
            return []  # routing found no restriction on the page or above it
        # The page and every ancestor up to the tree root, by their tree paths: one query.
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        return PageViewRestriction.objects.filter(page__path__in=paths)

    def get_url_parts(self, request=None):
        """Wagtail's, with each site root's URL asked of Wagtail once per generation (`home.page_urls`)."""
        from home.page_urls import page_urls

        if not isinstance(request, HttpRequest) or not self.url_path:  # (or another cache object)
            return super().get_url_parts(request=request)
        return page_urls(request).parts(self.url_path)

    @property
    def routed_ancestors(self):
        """Ancestors from the locale's home page down, as plain pages: read while routing, else now."""
        ancestors = getattr(self, "_routed_ancestors", None)
        if ancestors is None:
            ancestors = list(Page.objects.ancestor_of(self).filter(depth__gt=1).only(*ROW_FIELDS))
            self._routed_ancestors = ancestors
        return ancestors


RESTRICTED_PATHS_SECONDS = 60 * 60


def restricted_paths():
    """The tree paths of the pages with a view restriction (a page's restriction covers the pages
    below it, whose paths start with its own), as a tuple: few or none on this site.

    They are cached under the page cache's generation, which a new, changed or deleted restriction
    and a moved page renew. Routing and listings then leave restricted branches out with plain
    prefix filters, instead of each query carrying a subquery over every restriction.
    """
    from home.page_cache import current_generation, generation_memo

    def load():
        key = f"restricted-paths:{current_generation()}"
        paths = cache.get(key)
        if paths is None:
            paths = tuple(sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))))
            cache.set(key, paths, RESTRICTED_PATHS_SECONDS)
        return paths

    return generation_memo("restricted-paths", load)


def public_pages_q():
    """Filter for pages with no view restriction on them or an ancestor: `PageQuerySet.public()`
    without the query it makes first, as plain conditions on the tree path."""
    condition = Q()
    for path in restricted_paths():
        condition &= ~Q(path__startswith=path)
    return condition
