"""What every app's search shares: the kind of page a search section lists (the contract of the
`register_search_section` hook), and indexing and searching in languages written without spaces."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from modelsearch import index


@dataclass(frozen=True)
class SearchSection:
    key: str
    title: str  # lazy-translated heading, e.g. "Products"
    card_template: str  # included once per hit, with the hit as `item`
    search: Callable  # (locale, query, limit) -> list of pages in rank order, renditions not read
    suggest: Callable  # (locale, query, limit) -> list of pages for autocomplete
    more_url: Callable | None = None  # (locale, query) -> a listing with every hit, when there is one


# --- Languages written without spaces -----------------------------------------------------------------
# Full-text indexes (PostgreSQL's and SQLite's alike) split text into words at spaces and punctuation,
# so Chinese or Japanese text is a few long "words": "玛琅白瓷茶蜡香薰炉" is one, and a search for
# "香薰炉" (aroma burner) misses it. Pages in these languages also index each character and each pair
# of neighbouring characters (`CharacterTermsMixin`), and searches in them look for the pairs
# (`search_terms`), as search engines' CJK analysers do.
WORDLESS_LANGUAGES = frozenset({"zh-hans", "ja"})
WORDLESS_RUN = re.compile(
    "[\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\uff66-\uff9f]+"  # half-width katakana
)


def character_terms(text):
    """Every character and every pair of neighbouring characters of the wordless runs in `text`."""
    terms = []
    for run in WORDLESS_RUN.findall(text):
        terms.extend(run)
        terms.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(terms)


def search_terms(query, language_code):
    """The words to search for: in a wordless language, the pairs of neighbouring characters of each
    run (a lone character as itself), other words as typed."""
    if language_code not in WORDLESS_LANGUAGES:
        return query
    words = []
    for part in query.split():
        start = 0
        for run in WORDLESS_RUN.finditer(part):
            words.extend(_words(part[start : run.start()]))
            text = run.group()
            words.extend([text] if len(text) == 1 else (text[i : i + 2] for i in range(len(text) - 1)))
            start = run.end()
        words.extend(_words(part[start:]))
    return " ".join(words)


def _words(text):
    return [text] if text.strip() else []


class CharacterTermsMixin:
    """For pages with `index.SearchField("character_terms")`: their text's `character_terms` when
    the page is in a wordless language, else nothing."""

    def character_terms(self):
        if self.locale.language_code not in WORDLESS_LANGUAGES:
            return ""
        texts = []
        for field in self.get_search_fields():
            if isinstance(field, index.SearchField) and field.field_name != "character_terms":
                value = field.get_value(self)
                texts.extend(value if isinstance(value, list) else [str(value or "")])
        return character_terms(" ".join(texts))

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().select_related("locale")
