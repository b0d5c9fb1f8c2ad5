"""Page URLs as Wagtail makes them, with each site root's URL asked of Wagtail once.

Wagtail makes a page's URL by reversing its serve view with the page's url_path below its site's
root (a language's home page), in that root's language: the root's own URL followed by the rest of
the url_path, quoted as `reverse()` quotes it. Each reverse switches the active language there and
back; a product page asks for two dozen URLs (canonical, hreflang, breadcrumbs, JSON-LD, the
maker's links, the menu) and a catalogue page for thirty. Here each root's URL is asked of Wagtail
once (a blank page given the root's url_path) and kept while the page cache's generation lasts,
as the sites and their root paths are; each page's URL is that and its own path.

    urls = page_urls(request)     # one per request
    urls(page.url_path)           # page.get_url(request)
    urls.full_url(page.url_path)  # page.get_full_url(request)
    urls.parts(page.url_path)     # page.get_url_parts(request)

Routed page types use it for their own `get_url_parts` (`home.routing.RoutedPageMixin`).
"""

from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS

from wagtail.models import Page, Site

from home.routing import site_root_paths

SAFE = RFC3986_SUBDELIMS + "/~:@"  # what `reverse()` leaves unquoted in a path


def _below(root_path, url_path):
    """The part of a page's URL below its site root's: its url_path past the root's, quoted."""
    return quote(url_path[len(root_path) :], safe=SAFE)


def page_urls(request):
    """The request's `PageUrls`, made on first use."""
    if not isinstance(request, HttpRequest):
        return PageUrls()
    if not hasattr(request, "_page_urls"):
        request._page_urls = PageUrls(request)
    return request._page_urls


class PageUrls:
    def __init__(self, request=None):
        from home.page_cache import generation_memo

        self.request = request
        self.root_paths = site_root_paths(request)
        site = Site.find_for_request(request) if request is not None else None
        self.site_id = site and site.pk  # a root's URL is a path on its own site, a full URL elsewhere
        # {(root path, active language, the request's site): the root's URL parts and URL}, from
        # Wagtail; kept while the sites and pages stay as they are (the page cache's generation).
        self.roots = generation_memo("page-url-roots", dict)

    def parts(self, url_path):
        """`get_url_parts(request)` of the page at `url_path`: (site id, site root URL, page path)."""
        found = self._root(url_path)
        if found is None:
            return self._wagtail(url_path).get_url_parts(request=self.request)
        root_path, (site_id, root_url, root_page_path), _root_url = found
        if root_page_path is None:
            return (site_id, root_url, root_page_path)  # not routable (no serve view): as Wagtail says
        return (site_id, root_url, root_page_path + _below(root_path, url_path))

    def __call__(self, url_path):
        """`get_url(request)` of the page at `url_path`: a path, or a full URL for another site."""
        found = self._root(url_path)
        if found is None:
            return self._wagtail(url_path).get_url(request=self.request)
        root_path, _parts, root_url = found
        return root_url and root_url + _below(root_path, url_path)

    def full_url(self, url_path):
        """`get_full_url(request)` of the page at `url_path`."""
        parts = self.parts(url_path)
        if parts is None or parts[1] is None and parts[2] is None:
            return None
        return parts[1] + parts[2]

    def _root(self, url_path):
        """(root path, its URL parts, its URL) of the one site root above `url_path`; None when there
        is none, or several sites', or Wagtail drops trailing slashes: then Wagtail's way."""
        roots = [root for root in self.root_paths if url_path.startswith(root.root_path)]
        if len({root.site_id for root in roots}) != 1 or not getattr(settings, "WAGTAIL_APPEND_SLASH", True):
            return None
        root_path = roots[0].root_path
        key = (root_path, translation.get_language(), self.site_id)
        found = self.roots.get(key)
        if found is None:
            root = self._wagtail(root_path)
            parts = root.get_url_parts(request=self.request)
            if parts is None:
                return None
            found = self.roots[key] = (root_path, parts, root.get_url(request=self.request))
        return found

    def _wagtail(self, url_path):
        page = Page(url_path=url_path)
        page._wagtail_cached_site_root_paths = self.root_paths
        return page
