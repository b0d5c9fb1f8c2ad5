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
