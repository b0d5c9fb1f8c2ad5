"""URL map: admin, webhooks, sitemap and health checks outside the language prefix; buyer pages inside it."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as documents_serve
from wagtail.utils.urlpatterns import decorate_urlpatterns

from catalog.admin_scope import scope_admin_view
from home import views as home_views
from home.sitemaps import SITEMAPS

urlpatterns = [
    # Every admin URL, Wagtail's and the apps' (register_admin_urls), refuses a maker other makers' objects.
    path("admin/", include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, scope_admin_view))),
    # Wagtail's document view (collection privacy checked first), kept out of every shared cache:
    # makers' certificate scans are private.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        never_cache(documents_serve.serve),
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", home_views.security_txt, name="security_txt"),
    path("healthz", home_views.healthz, name="healthz"),
    path("stripe/", include("orders.webhook_urls")),
]

if settings.SERVE_LOCAL_MEDIA and settings.MEDIA_URL.startswith("/"):
    # The embedded default (dev settings, DEBUG on or off): media from local disk through Django's
    # static view; static files come from WhiteNoise. Documents only through Wagtail's view above,
    # which checks their collection's privacy.
    from django.views.static import serve as serve_file

    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [
        re_path(rf"^{media_prefix}documents/", home_views.page_not_found),
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("search/suggest/", home_views.search_suggestions, name="search_suggestions"),
    path("inquiries/", include("inquiries.urls")),
    path("", include("orders.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
