"""The demo content's other languages: Indonesian from data.py's pairs, the rest from translators' files.

Each of catalog/demo/translations/{zh_hans,ja,ar}.py holds `STRINGS = {English segment: translation}`
for the text segments wagtail-localize extracts from the demo's English pages and snippets. A
missing file or string is no error: the object, or that segment, is simply not translated.
"""

import importlib
from functools import cache

from wagtail.models import Locale, Page

from storefront.translation import translate_into

# Locale code → module under catalog.demo.translations.
FILES = {"zh-hans": "zh_hans", "ja": "ja", "ar": "ar"}
INDONESIAN = "id"


@cache
def strings_for(code):
    """The translators' STRINGS for `code` ({} when there is no file yet)."""
    name = f"{__package__}.translations.{FILES[code]}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name not in (name, f"{__package__}.translations"):
            raise
        return {}
    return dict(module.STRINGS)


def translate_demo(instance, indonesian):
    """Translate a demo page or snippet into every locale it has no real translation in yet.

    `indonesian` holds its Indonesian strings (data.py keeps them beside the English); the other
    languages come from the translators' files, and a locale whose file has none of the object's
    text is left untranslated (a page stays an alias of English, marked as such). Returns whether
    anything was translated.
    """
    wanted = {}
    for locale in Locale.objects.exclude(pk=instance.locale_id):
        code = locale.language_code
        strings = indonesian if code == INDONESIAN else strings_for(code) if code in FILES else {}
        if not strings:
            continue
        existing = instance.get_translation_or_none(locale)
        if existing is not None and not (isinstance(existing, Page) and existing.alias_of_id):
            continue
        wanted[locale] = strings
    return bool(wanted) and bool(translate_into(instance, wanted, skip_untranslated=True))
