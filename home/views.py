"""Site-wide views: search, robots.txt, security.txt, health check and the error pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Locale


@require_GET
def search(request):
    from catalog.models import ProductPage, VendorPage
    from catalog.queries import product_cards, search_within, vendor_cards

    query = request.GET.get("q", "").strip()[:100]
    locale = Locale.get_active()
    products = vendors = []
    if query:
        products = search_within(ProductPage, product_cards(locale), locale, query, limit=24)
        vendors = search_within(VendorPage, vendor_cards(locale), locale, query, limit=12)
    page_obj = Paginator(products, 24).get_page(1)
    return render(
        request,
        "home/search_results.html",
        {"query": query, "products": products, "vendors": vendors, "page_obj": page_obj},
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /stripe/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def security_txt(request):
    lines = [
        f"Contact: mailto:{settings.SECURITY_CONTACT_EMAIL}",
        "Expires: 2027-12-31T23:59:59Z",
        "Preferred-Languages: en, id",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
@require_GET
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
