"""Locale middleware that leaves the URLs outside the language prefix alone."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Wagtail's catch-all page route makes every "/<lang>/anything" look valid, so Django would answer
# a 404 under /admin/ or /stripe/ with a redirect to "/en/admin/…". These never take a prefix.
UNPREFIXED = ("/admin/", "/documents/", "/stripe/", "/static/", "/media/", "/sitemap.xml", "/robots.txt")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)


class SiteMiddleware:
    """Finds the request's Wagtail site from the cache instead of a query per request.

    `Site.find_for_request()` keeps its answer on the request (`_wagtail_site`); this fills it
    from `home.sites`, so Wagtail, settings and templates all get the cached site.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .sites import site_for_request

        # The admin, webhooks and files outside the language prefix look the site up if they need it.
        if not request.path_info.startswith(UNPREFIXED):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)
