"""The curators' translation dashboard: per locale, which live pages are translated, stale or missing.

A page of the default locale has, in each other locale, either no real translation (no copy, or
only wagtail-localize's alias, which shows the source text) or a translation. A translation is
stale when the source page was published after the translation was last synced: after its
TranslationSource was last extracted (`last_updated_at`, set when the page is submitted for
translation and by "Sync translated pages") or after the translated page was last saved,
whichever is older; a sync may refresh the source without saving every locale's page, so both
dates count. (wagtail-localize 1.14 leaves Translation's own `*_last_updated_at` fields empty.)

States are computed in the database with correlated subqueries, so the counts of every locale
take one query and a page of the list two, however many pages there are.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Least
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from .permissions import is_curator

MISSING = "missing"
STALE = "stale"
UP_TO_DATE = "up_to_date"
STATES = {
    UP_TO_DATE: gettext_lazy("Up to date"),
    STALE: gettext_lazy("Stale"),
    MISSING: gettext_lazy("Missing"),
}
PER_PAGE = 50


def source_pages(default_locale):
    """The pages translators work from: live pages of the default locale that are not aliases."""
    return Page.objects.live().filter(locale=default_locale, alias_of__isnull=True, depth__gt=1)


def _copies(locale):
    """The page's copy in `locale` (a translation or an alias), for a subquery."""
    return Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)


def _source():
    return TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    )


def state_in(locale):
    """Each source page's translation state in `locale`, as a database expression."""
    copies = _copies(locale)
    synced_at = Subquery(_source().values("last_updated_at")[:1])
    saved_at = Subquery(
        copies.values(saved_at=Coalesce("latest_revision_created_at", "last_published_at"))[:1]
    )
    # Least() of a NULL is NULL on SQLite but the other value on PostgreSQL: say what is meant.
    last_sync = Least(Coalesce(synced_at, saved_at), Coalesce(saved_at, synced_at))
    return Case(
        When(~Exists(copies.filter(alias_of__isnull=True)), then=Value(MISSING)),
        When(Q(last_published_at__gt=last_sync), then=Value(STALE)),
        default=Value(UP_TO_DATE),
    )


def counts(default_locale, locales):
    """{locale: {"total", "translated", "stale", "missing", "up_to_date"}} in one query."""
    pages = source_pages(default_locale).annotate(
        **{f"state_{locale.pk}": state_in(locale) for locale in locales}
    )
    aggregates = {"total": Count("pk")}
    for locale in locales:
        for state in (MISSING, STALE):  # the third is what is left
            aggregates[f"{state}_{locale.pk}"] = Count("pk", filter=Q(**{f"state_{locale.pk}": state}))
    result = pages.aggregate(**aggregates)
    table = {}
    for locale in locales:
        row = {
            "total": result["total"],
            MISSING: result[f"missing_{locale.pk}"],
            STALE: result[f"stale_{locale.pk}"],
        }
        row["translated"] = row["total"] - row[MISSING]
        row[UP_TO_DATE] = row["translated"] - row[STALE]
        table[locale] = row
    return table


def rows_in(default_locale, locale, state=None):
    """The source pages with their state in `locale` and what the row links to, in tree order."""
    copies = _copies(locale)
    pages = (
        source_pages(default_locale)
        .annotate(
            translation_state=state_in(locale),
            copy_id=Subquery(copies.values("pk")[:1]),
            copy_title=Subquery(copies.filter(alias_of__isnull=True).values("title")[:1]),
            translation_source_id=Subquery(_source().values("pk")[:1]),
        )
        .select_related("content_type")
        .order_by("path")
    )
    if state in STATES:
        pages = pages.filter(translation_state=state)
    return pages


def _links(page, locale):
    """Where a curator goes from a row: the translation editor, or wagtail-localize's Translate form."""
    if page.translation_state == MISSING:
        # As wagtail-localize's own "Translate this page" on an alias: this locale already ticked.
        query = urlencode(
            {"select_locale": locale.language_code, "next": reverse("translation_dashboard:index")}
        )
        return {"url": reverse("wagtail_localize:submit_page_translation", args=[page.pk]) + "?" + query}
    links = {"url": reverse("wagtailadmin_pages:edit", args=[page.copy_id])}
    if page.translation_state == STALE and page.translation_source_id:
        links["sync_url"] = reverse("wagtail_localize:update_translations", args=[page.translation_source_id])
    return links


def translation_dashboard_view(request):
    """Counts for every locale, then one locale's pages (?locale=, ?state=, ?p=), for curators only."""
    if not is_curator(request.user):
        raise PermissionDenied
    default_locale = Locale.get_default()
    locales = list(Locale.objects.exclude(pk=default_locale.pk).order_by("language_code"))
    table = counts(default_locale, locales)
    chosen = next(
        (lc for lc in locales if lc.language_code == request.GET.get("locale")),
        locales[0] if locales else None,
    )
    state = request.GET.get("state")
    if state not in STATES:
        state = ""
    page_obj = None
    rows = []
    if chosen is not None:
        page_obj = Paginator(rows_in(default_locale, chosen, state), PER_PAGE).get_page(request.GET.get("p"))
        for page in page_obj:
            model = page.content_type.model_class()
            rows.append(
                {
                    "page": page,
                    "type": model._meta.verbose_name if model else page.content_type.model,
                    "state": page.translation_state,
                    "state_label": STATES[page.translation_state],
                    **_links(page, chosen),
                }
            )
    return TemplateResponse(
        request,
        "catalog/admin/translation_dashboard.html",
        {
            "page_title": _("Translation status"),
            "header_icon": "globe",
            "default_locale": default_locale,
            "summary": [{"locale": locale, **table[locale]} for locale in locales],
            "chosen": chosen,
            "state": state,
            "states": list(STATES.items()),
            "rows": rows,
            "page_obj": page_obj,
        },
    )
