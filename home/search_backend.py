"""Wagtail's database search backend, with a faster first page of results on PostgreSQL.

Wagtail's PostgreSQL backend ranks a search in one query: it joins the model's rows (live, in the
visitor's locale) to their index entries and sorts every match by relevance. For a common word in a
large catalogue ("porcelain": about 5,000 of 40,000 products) most of that query is the join of
every match to its page, to keep the best 24.

Here a page of results (a search sliced to `[start:stop]`, as the site search and the catalogue
ask for it) is found the other way round:

1. the best-ranked index entries of the model, a window of `WINDOW_PER_RESULT` times the results
   asked for, with the same rank and the same tie-break (id, descending) as Wagtail's query;
2. the model's own queryset (its filters: live, locale, ...) restricted to those ids.

Every match outside the window ranks below every entry in it, so when the window holds enough rows
that pass the queryset's filters, they are exactly the rows Wagtail's query would return. When it
does not (most of the best entries are in other locales, or unpublished), the search runs as
Wagtail runs it. Counts, searches over chosen fields, fuzzy searches, scores and unordered
searches are Wagtail's own. SQLite and the other databases get Wagtail's backend unchanged.
"""

from django.db import connection
from django.db.models import CharField, Exists, F, IntegerField, OuterRef, Subquery
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

WINDOW_PER_RESULT = 10  # index entries ranked per result asked for
MIN_WINDOW = 200


def SearchBackend(params):  # noqa: N802 - Wagtail loads a backend by calling `SearchBackend(params)`
    """The backend for the default database: Wagtail's, ranking index entries first on PostgreSQL."""
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    return DatabaseSearchBackend(params)


def _postgres_backend_class():
    # Imported here: the PostgreSQL backend needs django.contrib.postgres, which SQLite sites lack.
    from wagtail.search.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from wagtail.search.models import IndexEntry
    from wagtail.search.query import Fuzzy, MatchAll, Not
    from wagtail.search.utils import get_descendants_content_types_pks

    class RankedEntriesQueryCompiler(PostgresSearchQueryCompiler):
        def ranked_window(self, config, start, stop):
            """The queryset of rows `[start:stop]`, found among a window of best-ranked index entries.

            Each row carries `_more_matches_`: whether matches were left out of the window. None
            when the search is not one this applies to.
            """
            query = self.query
            if (
                stop is None
                or not self.order_by_relevance
                or self.fields is not None
                or isinstance(query, (MatchAll, Fuzzy))
                or (isinstance(query, Not) and isinstance(query.subquery, MatchAll))
            ):
                return None
            tsquery = self.build_tsquery(query, config=config)
            if tsquery is None:  # no terms to search for
                return None
            rank = self.build_tsrank(F("title"), query, config=config) * F("title_norm") + self.build_tsrank(
                F("body"), query, config=config
            )
            entries = IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
            )
            matches = entries.annotate(
                _vector_=CombinedExpression(F("title"), "||", F("body"))  # the expression the GIN index has
            ).filter(_vector_=tsquery)
            window = max(stop * WINDOW_PER_RESULT, MIN_WINDOW)
            best = (
                matches.annotate(_rank_=rank)
                .order_by(F("_rank_").desc(), Cast("object_id", IntegerField()).desc())
                .values(object_pk=Cast("object_id", IntegerField()))[:window]
            )
            own_rank = entries.filter(object_id=Cast(OuterRef("pk"), CharField())).annotate(_rank_=rank)
            return (
                self.queryset.filter(pk__in=best)
                .annotate(
                    _search_rank_=Subquery(own_rank.values("_rank_")[:1]),
                    _more_matches_=Exists(matches[window : window + 1]),
                )
                .order_by(F("_search_rank_").desc(), "-pk")[start:stop]
            )

    class RankedEntriesSearchResults(PostgresSearchResults):
        def _do_search(self):
            # Autocomplete searches (their own compiler) and scored searches are Wagtail's.
            if self._score_field is None and isinstance(self.query_compiler, RankedEntriesQueryCompiler):
                config = self.query_compiler.get_config(self.backend)
                window = self.query_compiler.ranked_window(config, self.start, self.stop)
                if window is not None:
                    rows = list(window)
                    if len(rows) == self.stop - self.start or (rows and not rows[0]._more_matches_):
                        return rows
                    # Fewer rows than asked for, and matches beyond the window: rank them all.
            return super()._do_search()

    class RankedEntriesPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = RankedEntriesQueryCompiler
        results_class = RankedEntriesSearchResults

    return RankedEntriesPostgresSearchBackend
