"""Every interface string a buyer can see is translated in each language's catalogue.

The strings are found in the source, as `makemessages` finds them: the public templates through
Django's own `templatize` (so `{% blocktranslate %}` with its variables, plural and context gives
the same msgid), and the Python modules buyers read (forms, messages, choices) through their
gettext calls. A new string in a public template that a catalogue lacks, or has only as fuzzy,
fails the check for that language. English is the source and needs no catalogue.
"""

import ast
import re

import polib
import pytest

from django.conf import settings
from django.utils.translation import to_locale
from django.utils.translation.template import templatize

BASE_DIR = settings.BASE_DIR

# Every language of the site but the source language.
CHECKED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# What only makers, curators and the trade office read: the admin's templates (ours and our overrides
# of Wagtail's), the makers' and the trade office's e-mails and the admin sign-in refusal. They are in
# Indonesian (the admin's language); buyers never see them.
MAKER_TEMPLATES = re.compile(
    r"/templates/[^/]+/admin/"
    r"|/templates/wagtailadmin/"
    r"|inquiries/email/vendor_notification\.txt$"
    r"|orders/email/(vendor_paid|vendor_invoice|office_invoice)\.txt$"
    r"|templates/account_locked\.html$"
)
MAKER_LANGUAGE = "id"

# Python code whose strings buyers read: whole modules (None), or only some of their top-level
# classes and functions (model choices, the buyer's e-mail).
PUBLIC_PYTHON = {
    "catalog/fields.py": None,
    "catalog/filters.py": None,
    "catalog/places.py": None,
    "catalog/units.py": None,
    "catalog/models.py": ["Sector", "BusinessType", "Unit", "Incoterm"],
    "inquiries/forms.py": None,
    "inquiries/views.py": None,
    "inquiries/notifications.py": ["buyer_message", "reply_subject"],
    "orders/forms.py": None,
    "orders/views.py": None,
    "orders/models.py": ["OrderStatus"],
    "orders/tasks.py": ["_paid_messages"],
    "stories/feeds.py": None,
    "stories/models.py": ["Topic", "EventScope"],
    "storefront/countries.py": None,
    "storefront/text.py": None,
}

GETTEXT_FUNCTIONS = {
    # name: positions of (context, singular, plural) in its arguments
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}


def _message(call):
    """(context, msgid, msgid_plural) of a gettext call with literal arguments, else None."""
    name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
    if name not in GETTEXT_FUNCTIONS:
        return None
    positions = GETTEXT_FUNCTIONS[name]
    values = []
    for position in positions:
        if position is None:
            values.append(None)
            continue
        if position >= len(call.args) or not isinstance(call.args[position], ast.Constant):
            return None
        values.append(call.args[position].value)
    return tuple(values)


def messages_in_template(source, origin="template"):
    """The messages of a template, read from what `templatize` makes of it for xgettext."""
    code = templatize(source, origin=origin)
    found = set()
    for match in re.finditer(r"\b(?:gettext|pgettext|ngettext|npgettext)\(", code):
        rest = code[match.start() :]
        # The call ends at the first ")" after which it parses (a ")" inside a string does not).
        for end in (m.end() for m in re.finditer(r"\)", rest)):
            try:
                call = ast.parse(rest[:end], mode="eval").body
            except SyntaxError:
                continue
            message = _message(call)
            if message is not None:
                found.add(message)
            break
    return found


def messages_in_python(source, names=None):
    """The messages of a module, or of its top-level classes and functions called `names`."""
    tree = ast.parse(source)
    roots = [node for node in tree.body if names is None or getattr(node, "name", None) in set(names)]
    if names is not None:
        assert {node.name for node in roots} == set(names), f"not all of {names} were found"
    found = set()
    for root in roots:
        for node in ast.walk(root):
            if isinstance(node, ast.Call) and (message := _message(node)) is not None:
                found.add(message)
    return found


def _templates():
    for path in sorted(BASE_DIR.glob("*/templates/**/*")):
        if path.suffix in {".html", ".txt"} and ".venv" not in path.parts:
            yield path


def buyer_messages():
    """{message: where it is used} for every string of the public site and the buyers' e-mails."""
    found = {}
    for path in _templates():
        relative = path.relative_to(BASE_DIR).as_posix()
        if MAKER_TEMPLATES.search(relative):
            continue
        for message in messages_in_template(path.read_text(), origin=relative):
            found.setdefault(message, relative)
    for relative, names in PUBLIC_PYTHON.items():
        for message in messages_in_python((BASE_DIR / relative).read_text(), names):
            found.setdefault(message, relative)
    return found


def maker_messages():
    found = {}
    for path in _templates():
        relative = path.relative_to(BASE_DIR).as_posix()
        if MAKER_TEMPLATES.search(relative):
            for message in messages_in_template(path.read_text(), origin=relative):
                found.setdefault(message, relative)
    return found


def catalogue(language):
    path = BASE_DIR / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{language} has no catalogue at {path.relative_to(BASE_DIR)}"
    return {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(path)) if not entry.obsolete}


PLACEHOLDER = re.compile(r"%\((\w+)\)")


def untranslated(messages, language):
    """'where: msgid' for each message that `language`'s catalogue lacks, has as fuzzy or empty, or
    translates with a placeholder the source does not have (it would fail as the page renders)."""
    entries = catalogue(language)
    problems = []
    for (context, msgid, plural), where in sorted(messages.items(), key=lambda item: item[1]):
        label = f"{where}: {msgid!r}" + (f" (context {context!r})" if context else "")
        entry = entries.get((context, msgid))
        if entry is None:
            problems.append(f"{label} is not in the catalogue")
            continue
        forms = list(entry.msgstr_plural.values()) if plural else [entry.msgstr]
        if "fuzzy" in entry.flags or not forms or not all(forms):
            problems.append(f"{label} has no translation")
            continue
        known = set(PLACEHOLDER.findall(msgid)) | set(PLACEHOLDER.findall(plural or ""))
        if any(set(PLACEHOLDER.findall(form)) - known for form in forms):
            problems.append(f"{label} is translated with a placeholder it does not have")
    return problems


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
def test_every_string_a_buyer_sees_is_translated(language):
    problems = untranslated(buyer_messages(), language)
    assert not problems, (
        f"{len(problems)} strings of the public site lack their {language} translation:\n"
        + ("\n".join(problems))
    )


def test_every_string_a_maker_reads_is_in_indonesian():
    problems = untranslated(maker_messages(), MAKER_LANGUAGE)
    assert not problems, "\n".join(problems)


def test_the_check_covers_every_language_of_the_site():
    assert set(CHECKED_LANGUAGES) == {"id", "zh-hans", "ja", "ar"}


def test_the_finder_reads_templates_as_makemessages_does():
    source = (
        "{% load i18n %}<p>{% translate 'From' context 'price' %} {% translate \"Lead (time)\" %}</p>"
        "{% blocktranslate count days=page.days %}{{ days }} day{% plural %}"
        "{{ days }} days{% endblocktranslate %}"
        "{% blocktranslate with name=page.title context 'heading' %}By {{ name }}{% endblocktranslate %}"
        "{% blocktranslate trimmed %}\n  Two\n  lines\n{% endblocktranslate %}"
    )
    assert messages_in_template(source) == {
        ("price", "From", None),
        (None, "Lead (time)", None),
        (None, "%(days)s day", "%(days)s days"),
        ("heading", "By %(name)s", None),
        (None, "Two lines", None),
    }


def test_a_new_public_string_without_translation_fails_the_check():
    messages = buyer_messages()
    assert (None, "Minimum order", None) in messages  # a template's string
    assert (None, "%(quantity)s pouch", "%(quantity)s pouches") in messages  # a unit, from Python
    assert ("order status", "Cancelled", None) in messages  # a model choice, with its context
    messages[(None, "A sentence no catalogue has yet", None)] = "catalog/templates/catalog/new.html"
    assert untranslated(messages, "ja") == [
        "catalog/templates/catalog/new.html: 'A sentence no catalogue has yet' is not in the catalogue"
    ]
