"""Site-wide views: search, robots.txt, security.txt, health check and the error pages."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe

from wagtail.models import Locale

from storefront.text import search_query

from .search import FEW_RESULTS, did_you_mean, search_all, suggest_all


def _search(locale, query):
    """(results, fallback): hits in `locale`; with none there, the default locale's pages."""
    results = search_all(locale, query)
    if not results and locale.language_code != settings.LANGUAGE_CODE:
        return search_all(Locale.get_default(), query), True
    return results, False


def _count(results):
    return sum(len(hits) for _section, hits, _more_url in results)


@require_GET
def search(request):
    """Results grouped by kind in the visitor's locale; with no hit there, the default locale's pages.

    A search finding little offers a closer spelling of its words ("Did you mean porcelain?") when
    that spelling finds something, and when the search found nothing at all, shows that spelling's
    results (`corrected`).
    """
    query = search_query(request.GET.get("q"))
    locale = Locale.get_active()
    results, fallback, suggestion, corrected = [], False, "", False
    if query:
        results, fallback = _search(locale, query)
        if _count(results) < FEW_RESULTS and (suggestion := did_you_mean(locale, query)):
            suggested, suggested_fallback = _search(locale, suggestion)
            if not suggested:
                suggestion = ""  # no link to a search that finds nothing either
            elif not results:
                results, fallback, corrected = suggested, suggested_fallback, True
    by_key = {section.key: hits for section, hits, _more_url in results}
    return render(
        request,
        "home/search_results.html",
        {
            "query": query,
            "results": results,
            "products": by_key.get("products", []),
            "vendors": by_key.get("makers", []),
            "fallback": fallback,
            "result_count": _count(results),
            "suggestion": suggestion,
            "suggestion_url": f"{reverse('search')}?{urlencode({'q': suggestion})}" if suggestion else "",
            "corrected": corrected,
            "catalogue_url": f"/{locale.language_code}/products/",
        },
    )


@require_GET
def search_suggestions(request):
    """Autocomplete: a few titles that start with what the visitor has typed."""
    query = search_query(request.GET.get("q"))
    if len(query) < 2:
        return JsonResponse({"suggestions": []})
    response = JsonResponse({"suggestions": suggest_all(Locale.get_active(), query)})
    response["Cache-Control"] = "public, max-age=300"
    return response


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
@require_safe  # load balancers probe with HEAD as often as with GET
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
