"""Site search across kinds of page. Apps add a kind with the `register_search_section` Wagtail hook,
so the search view does not import the apps above it."""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class SearchSection:
    key: str
    title: str  # lazy-translated heading, e.g. "Products"
    card_template: str  # included once per hit, with the hit as `item`
    search: Callable  # (locale, query, limit) -> list of pages in rank order
    suggest: Callable  # (locale, query, limit) -> list of pages for autocomplete
    more_url: Callable | None = None  # (locale, query) -> a listing with every hit, when there is one


def sections():
    return [hook() for hook in hooks.get_hooks("register_search_section")]


def search_all(locale, query, limit=12):
    """[(section, hits, more_url)] for sections with at least one hit: the best `limit` of each kind,
    and where a section has a listing of its own (the catalogue), a link to all of its hits there."""
    results = []
    for section in sections():
        hits = section.search(locale, query, limit)
        if hits:
            more_url = section.more_url(locale, query) if section.more_url and len(hits) >= limit else ""
            results.append((section, hits, more_url))
    return results


def suggest_all(locale, query, limit=8):
    suggestions = []
    for section in sections():
        for page in section.suggest(locale, query, limit):
            suggestions.append({"title": page.title, "url": page.url, "kind": str(section.title)})
    return suggestions[:limit]
