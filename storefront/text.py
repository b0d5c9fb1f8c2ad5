"""What a buyer types, made safe to search and fair to count: one place for every search box and form.

Search: full-text engines read some characters as syntax (SQLite FTS5 a double quote, `*`, `^`,
parentheses; PostgreSQL's tsquery `&`, `|`, `!`, `:`), and PostgreSQL refuses a NUL byte outright.
Wagtail's database backends quote each word but do not escape what is inside the quotes, so a stray
`"` ends the quoted word early and the database rejects the query. A buyer's search keeps its words
(letters, digits and the marks that join them, in any script) and nothing else.

Forms: a field must not be "filled in" with characters nobody can see (zero-width spaces, bidi
controls, blanks), so minimums and required fields count visible characters only.
"""

import unicodedata

from django import forms
from django.core.validators import MinLengthValidator

SEARCH_QUERY_MAX_LENGTH = 200

# Punctuation kept inside a word ("hand-painted", "women's", "3.5"): literal to every search backend.
_INNER_PUNCTUATION = "-'’."

# Letters that render as nothing (Hangul fillers, the braille blank): not Cf, but just as invisible.
_BLANK_LETTERS = frozenset("\u115f\u1160\u2800\u3164\uffa0")


def search_query(value, max_length=SEARCH_QUERY_MAX_LENGTH):
    """A buyer's search as words only, at most `max_length` characters: "" when none is left.

    Anything that is not a letter, a digit, a combining mark or punctuation inside a word becomes
    a space (search syntax, symbols and emoji); control and format characters, which cannot be seen,
    are dropped. The result is the same when cleaned again, so a link built from it searches for
    the same words.
    """
    query = _words("".join(_search_character(character) for character in str(value or "")[: max_length * 4]))
    if len(query) > max_length:
        query = query[:max_length]
        if " " in query:
            query = query.rsplit(" ", 1)[0]  # no word cut in half, unless it is the only one
        query = _words(query)
    return query


def _words(text):
    words = (word.strip(_INNER_PUNCTUATION) for word in text.split())
    return " ".join(word for word in words if word)


def _search_character(character):
    if character in _INNER_PUNCTUATION:
        return character
    category = unicodedata.category(character)
    if category[0] in "LMN" and character not in _BLANK_LETTERS:
        return character
    if category in ("Cc", "Cf") and not character.isspace():
        return ""  # invisible: "porce\x00lain" is the word the buyer sees
    return " "


def visible_length(value):
    """How many characters of `value` can be seen: not whitespace, control or format characters
    (zero-width spaces and joiners, bidi controls, the byte-order mark) nor blank letters."""
    return sum(
        1
        for character in str(value or "")
        if not character.isspace()
        and unicodedata.category(character) not in ("Cc", "Cf", "Zs", "Zl", "Zp")
        and character not in _BLANK_LETTERS
    )


class VisibleMinLengthValidator(MinLengthValidator):
    def clean(self, x):
        return visible_length(x)


class VisibleCharField(forms.CharField):
    """A CharField whose `required` and `min_length` count visible characters only: text made of
    zero-width spaces is empty, and twenty of them are not twenty characters."""

    def __init__(self, *, min_length=None, **kwargs):
        super().__init__(**kwargs)
        self.min_length = min_length
        if min_length is not None:
            self.validators.append(VisibleMinLengthValidator(int(min_length)))
            self.widget.attrs.update(self.widget_attrs(self.widget))

    def to_python(self, value):
        value = super().to_python(value)
        return value if visible_length(value) else self.empty_value
