"""Wagtail's database search backend: on PostgreSQL, stemmed in each page's language, and with a
faster first page of results.

Stemming in each page's language
--------------------------------
Wagtail's PostgreSQL backend stems every text with one configuration (`SEARCH_CONFIG`). Here a
translatable object (a page, a snippet with a locale) is indexed with the configuration of its
locale's language, from the backend's `LANGUAGE_CONFIGS` (`"simple"`, no stemming, for a language
PostgreSQL has none for); other objects (images, documents) with `SEARCH_CONFIG`. A search's words
are stemmed in the language searched: the one named with `searching_in(language_code)`, as the site
search and the catalogue do, or else (the admin, searching every locale) in every configuration at
once, so a word matches however its page was indexed. Changing `LANGUAGE_CONFIGS` needs
`manage.py update_index` to re-index what is already there.

A faster first page of results
------------------------------

Wagtail's PostgreSQL backend ranks a search in one query: it joins the model's rows (live, in the
visitor's locale) to their index entries and sorts every match by relevance. For a common word in a
large catalogue ("porcelain": about 5,000 of 40,000 products) most of that query is the join of
every match to its page, to keep the best 24.

Here a page of results (a search sliced to `[start:stop]`, as the admin asks for it) and the
ranked ids of a listing (`ranked_ids`, as the site search and the catalogue ask for them) are found
the other way round:

1. one query for the ids of the best-ranked index entries of the model, from the index alone: a
   window of `WINDOW_PER_RESULT` times the results asked for, with the same rank and the same
   tie-break (id, descending) as Wagtail's query;
2. one query for those of the ids that the queryset (its filters: live, locale, ...) holds, kept
   in the window's order;
3. for a page of results, one query for the rows of the page.

Every match outside the window ranks below every entry in it, so when the window holds enough rows
that pass the queryset's filters, they are exactly the rows Wagtail's query would return; and when
the window is not full, it holds every match. Otherwise (most of the best entries are in other
locales, or unpublished) the search runs as Wagtail runs it. Counts, searches over chosen fields,
fuzzy searches, scores and unordered searches are Wagtail's own. SQLite and the other databases get
Wagtail's backend unchanged.
"""

import copy
import operator
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, reduce

from django.db import connection, connections
from django.db.models import BooleanField, F, Func, IntegerField, Q, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

WINDOW_PER_RESULT = 10  # index entries ranked per result asked for
MIN_WINDOW = 200

_searched_language = ContextVar("searched_language", default=None)


@contextmanager
def searching_in(language_code):
    """Searches made inside look for pages in this language: their words are stemmed with its
    text search configuration only (PostgreSQL; other databases do not stem)."""
    token = _searched_language.set(language_code)
    try:
        yield
    finally:
        _searched_language.reset(token)


def SearchBackend(params):  # noqa: N802 - Wagtail loads a backend by calling `SearchBackend(params)`
    """The backend for the default database: Wagtail's; on PostgreSQL stemmed in each page's
    language and ranking index entries first."""
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    return DatabaseSearchBackend(params)


def ranked_ids(searchable, query, limit, among=None):
    """The ids of the best-ranked `limit` objects of `searchable` (a queryset) for `query`, best
    first, keeping only those that `among` (a queryset of the same model: a listing with filters
    the search index does not know) holds. No row is loaded but ids.

    On PostgreSQL: the window of best-ranked index entries, then the ids `among` holds in it (two
    queries); more only when the window cannot hold the answer. Elsewhere Wagtail ranks the best
    `2 * limit` matches, and `among` keeps what it holds of them (`ids_held`).
    """
    among = searchable if among is None else among
    results = searchable.search(query)
    compiler = results.query_compiler
    if hasattr(compiler, "window_ids"):
        found = compiler.window_ids(compiler.get_config(results.backend), limit)
        if found is not None:
            ids, complete = found
            ranked = ids_held(among, ids)
            if len(ranked) >= limit or complete:
                return ranked[:limit]
    return ids_held(among, [hit.pk for hit in results[: limit * 2]])[:limit]


def ids_held(queryset, ids):
    """The ids of `ids` (a list) that `queryset` holds, in the order of `ids`: one query. On
    PostgreSQL the ids go as one array (`= ANY`), not as thousands of `IN` parameters."""
    if not ids:
        return []
    if connections[queryset.db].vendor == "postgresql":
        from django.contrib.postgres.fields import ArrayField

        condition = InArray(F("pk"), Value(ids, ArrayField(IntegerField())))
    else:
        condition = Q(pk__in=ids)
    held = set(queryset.prefetch_related(None).order_by().filter(condition).values_list("pk", flat=True))
    return [pk for pk in ids if pk in held]


class InArray(Func):
    """`expression = ANY(array)`: whether a value is in an array, sent as one parameter."""

    arg_joiner = " = ANY("
    template = "(%(expressions)s))"
    output_field = BooleanField()


@cache
def _postgres_backend_class():
    # Imported here: the PostgreSQL backend needs django.contrib.postgres, which SQLite sites lack.
    from wagtail.models import Locale, TranslatableMixin
    from wagtail.search.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from wagtail.search.models import IndexEntry
    from wagtail.search.query import Fuzzy, MatchAll, Not
    from wagtail.search.utils import get_descendants_content_types_pks

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index each object with the text search configuration of its locale's language."""
            if not self.backend.language_configs or not issubclass(model, TranslatableMixin):
                return super().add_items(model, objs)
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            by_config = defaultdict(list)
            for obj in objs:
                by_config[self.backend.config_for_language(languages.get(obj.locale_id))].append(obj)
            for config, group in by_config.items():
                # Wagtail's indexer stems with its backend's `config`: one backend per configuration.
                PostgresIndex(self.backend.with_config(config)).add_items(model, group)

    class RankedEntriesQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.query_config()

        def build_tsquery(self, query, config=None):
            """A tuple of configurations (a search in every language) matches the words stemmed in any."""
            if not isinstance(config, tuple):
                return super().build_tsquery(query, config=config)
            build = super().build_tsquery
            tsqueries = [tsquery for each in config if (tsquery := build(query, config=each)) is not None]
            return reduce(operator.or_, tsqueries) if tsqueries else None

        def window_ids(self, config, stop):
            """`(ids, complete)`: the object ids of the best-ranked index entries of the model, best
            first, a window big enough for `stop` results; and whether the window holds every match.

            One query, on the index alone. None when the search is not one a window applies to.
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
            object_pk = Cast("object_id", IntegerField())
            window = max(stop * WINDOW_PER_RESULT, MIN_WINDOW)
            ids = list(
                IndexEntry.objects.filter(
                    content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
                )
                .annotate(_vector_=CombinedExpression(F("title"), "||", F("body")))  # as the GIN index has it
                .filter(_vector_=tsquery)
                .annotate(_rank_=rank)
                .order_by(F("_rank_").desc(), object_pk.desc())
                .values_list(object_pk, flat=True)[:window]
            )
            return ids, len(ids) < window

        def ranked_page(self, config, start, stop):
            """Rows `[start:stop]`, found among the window of best-ranked index entries; None when
            the window does not apply or cannot hold the answer (too few of its ids passed the
            queryset's filters, and there are matches beyond it)."""
            found = self.window_ids(config, stop)
            if found is None:
                return None
            ids, complete = found
            ranked = ids_held(self.queryset, ids)
            if len(ranked) < stop and not complete:
                return None
            shown = ranked[start:stop]
            rows = self.queryset.in_bulk(shown) if shown else {}
            return [rows[pk] for pk in shown if pk in rows]

    class RankedEntriesSearchResults(PostgresSearchResults):
        def _do_search(self):
            # Autocomplete searches (their own compiler) and scored searches are Wagtail's.
            if self._score_field is None and isinstance(self.query_compiler, RankedEntriesQueryCompiler):
                config = self.query_compiler.get_config(self.backend)
                rows = self.query_compiler.ranked_page(config, self.start, self.stop)
                if rows is not None:
                    return rows
            return super()._do_search()

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguageIndex
        query_compiler_class = RankedEntriesQueryCompiler
        results_class = RankedEntriesSearchResults

        def __init__(self, params):
            super().__init__(params)
            self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))

        def config_for_language(self, language_code):
            if not self.language_configs or language_code is None:
                return self.config
            return self.language_configs.get(language_code, "simple")

        def query_config(self):
            """The configuration a search's words are stemmed with: the searched language's, or, when
            no language is named, a tuple of every configuration pages may be indexed with."""
            language = _searched_language.get()
            if language is not None or not self.language_configs:
                return self.config_for_language(language)
            return tuple(dict.fromkeys([self.config, *self.language_configs.values(), "simple"]))

        def with_config(self, config):
            backend = copy.copy(self)
            backend.config = config
            return backend

    return LanguagePostgresSearchBackend
