"""Site search across kinds of page. Apps add a kind with the `register_search_section` Wagtail hook,
so the search view does not import the apps above it."""

import difflib
import re

from django.core.cache import cache

from wagtail import hooks
from wagtail.models import Page

from catalog.renditions import CARD_SPECS
from storefront.page_cache import current_generation
from storefront.renditions import prefetch_renditions
from storefront.search import WORDLESS_LANGUAGES, WORDLESS_RUN
from storefront.search_glossary import glossary_words


def sections():
    return [hook() for hook in hooks.get_hooks("register_search_section")]


def search_all(locale, query, limit=12):
    """[(section, hits, more_url)] for sections with at least one hit: the best `limit` of each kind,
    and where a section has a listing of its own (the catalogue), a link to all of its hits there.

    The renditions of every hit's picture, whatever its kind, are read here in one query.
    """
    results = []
    for section in sections():
        hits = section.search(locale, query, limit)
        if hits:
            more_url = section.more_url(locale, query) if section.more_url and len(hits) >= limit else ""
            results.append((section, hits, more_url))
    prefetch_renditions([hit for _section, hits, _more_url in results for hit in hits], CARD_SPECS)
    return results


def suggest_all(locale, query, limit=8):
    suggestions = []
    for section in sections():
        for page in section.suggest(locale, query, limit):
            suggestions.append({"title": page.title, "url": page.url, "kind": str(section.title)})
    return suggestions[:limit]


# --- "Did you mean" ------------------------------------------------------------------------------------
# A misspelt word ("porcelian", "batk") finds nothing. When a search finds little, each word of it
# that is not in the locale's vocabulary (the words of its live pages' titles, of the categories and
# certification types, and of the search glossary) is replaced by the closest word that is, if one is
# close enough (difflib's ratio): the search page offers that spelling, and shows its results when
# the buyer's own found none. The vocabulary is read once per page cache generation (which every
# publish starts) and kept in the cache for the other processes.
FEW_RESULTS = 3  # a search finding fewer hits than this offers a better spelling, when there is one
# difflib.SequenceMatcher.ratio(): "porcelian"/"porcelain" 0.89, "batk"/"batik" 0.89, "porselin"/"porselen"
# 0.88; not "kiln"/"kain" (0.75), two words of their own.
CLOSE_ENOUGH = 0.8
VOCABULARY_SECONDS = 3600
MAX_CORRECTED_WORDS = 6  # the first words of a long query only: each is compared with every word
_VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,}")  # words of three letters or more, in any script


def vocabulary(locale):
    """The distinct lower-case words of the locale's live page titles, of the names apps give through
    the `search_vocabulary` hook (categories, certification types) and of the search glossary: the
    spellings "did you mean" may offer."""
    key = f"search-vocabulary:{locale.pk}:{current_generation()}"
    return cache.get_or_set(key, lambda: _read_vocabulary(locale), VOCABULARY_SECONDS)


def _read_vocabulary(locale):
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
    texts = list(pages.values_list("title", flat=True))
    for hook in hooks.get_hooks("search_vocabulary"):  # apps add their names (categories, certificates)
        texts += hook(locale)
    words = {word.lower() for text in texts for word in _VOCABULARY_WORD.findall(text)}
    return sorted(words | glossary_words())


def did_you_mean(locale, query):
    """`query` with its unknown words replaced by the closest known ones; "" when no word changes."""
    if locale.language_code in WORDLESS_LANGUAGES and WORDLESS_RUN.search(query):
        return ""  # characters, not words: nothing to compare
    known = vocabulary(locale)
    known_set = set(known)
    words = query.split()
    changed = False
    for i, word in enumerate(words[:MAX_CORRECTED_WORDS]):
        lower = word.lower()
        if lower in known_set or not _VOCABULARY_WORD.fullmatch(lower):
            continue  # known, short, or with digits or marks (an HS code, "hand-painted")
        close = difflib.get_close_matches(lower, known, n=1, cutoff=CLOSE_ENOUGH)
        if close:
            words[i], changed = close[0], True
    return " ".join(words) if changed else ""
