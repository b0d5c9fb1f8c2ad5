"""/sitemap.xml: every live page of every locale, each with its hreflang alternates and x-default.

An untranslated locale copy (wagtail-localize's alias of a page in another locale) is left out:
it is its source's text again, marked noindex and canonical to its source, so it is neither a
sitemap entry nor an alternate for its language.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import F, Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    def items(self):
        # Wagtail's own sitemap walks the default site's root only; other locales' home pages
        # are its siblings, so list every live page below the tree root instead.
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .filter(Q(alias_of__isnull=True) | Q(alias_of__locale=F("locale")))  # no locale copies
            .select_related("locale")
            .defer_streamfields()
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        locations = {p.pk: p.get_full_url(self.request) for p in pages}
        by_key = defaultdict(list)
        for p in pages:
            by_key[p.translation_key].append((p.locale.language_code, locations[p.pk]))

        urls = []
        for p in pages:
            alternates = [
                {"lang_code": code, "location": url} for code, url in sorted(by_key[p.translation_key])
            ]
            default = dict(by_key[p.translation_key]).get(settings.LANGUAGE_CODE)
            if default:
                alternates.append({"lang_code": "x-default", "location": default})
            urls.append(
                {
                    "item": p,
                    "location": locations[p.pk],
                    "lastmod": p.last_published_at or p.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        lastmods = [u["lastmod"] for u in urls if u["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


SITEMAPS = {"pages": LocalizedSitemap}
