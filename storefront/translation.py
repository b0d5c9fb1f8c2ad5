"""Translating content in code the way an editor would with wagtail-localize.

Pages made in code do not get wagtail-localize's admin hooks, so these helpers give them their
locale copies (aliases) and turn a copy into a real translation from a dict of source → target
strings, through the same TranslationSource / StringTranslation records the editor uses.
"""

import html

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import PageIndex, create_aliases_for_new_page, synchronize_tree


def ensure_locales():
    """Every content language has a Locale, and every other locale syncs from the default one."""
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    locales = {default.language_code: default}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == default.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        if not LocaleSynchronization.objects.filter(locale=locale).exists():
            # The post_save signal enqueues a tree sync; with no pages yet it is a no-op.
            LocaleSynchronization.objects.create(locale=locale, sync_from=default)
        locales[code] = locale
    return locales


def sync_locale_trees():
    """Give every page of the default locale its copy (an alias) in every other locale.

    The tree is read once for all locales (several queries per page): syncing one locale only adds
    aliases in that locale, which the others' syncs do not look at.
    """
    default = Locale.get_default()
    page_index = PageIndex.from_database().sort_by_tree_position()
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=page_index)
    return default


def create_locale_copies(page):
    """Give a page just made in code its aliases in the locales that sync from its locale.

    wagtail-localize does this itself only for pages added through the admin form.
    """
    create_aliases_for_new_page(page)
    return page


def translate(instance, locale, strings, *, publish=True, user=None):
    """Translate a page or snippet into `locale` using `strings` (source text → translated text).

    Segments without an entry keep the source text (wagtail-localize's fallback), so a partial
    dict never loses content. Returns the translated instance.
    """
    return translate_into(instance, {locale: strings}, publish=publish, user=user)[locale]


def translate_into(instance, strings_by_locale, *, publish=True, user=None, skip_untranslated=False):
    """Translate a page or snippet into several locales: {locale: {source text: translated text}}.

    The source's segments are extracted once for all the locales (and only again if the source
    changed since its last extraction), and each locale's strings are stored in one bulk insert;
    then wagtail-localize builds each translation as its editor's "Publish" would. With
    `skip_untranslated`, a locale whose strings translate none of the segments is left alone rather
    than given a "translation" in the source language. Returns {locale: translated instance}.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string"))
    is_page = isinstance(instance, Page)
    translated = {}
    for locale, strings in strings_by_locale.items():
        if not _store_strings(segments, locale, strings) and skip_untranslated:
            continue
        Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
        # wagtail-localize publishes pages on commit; publishing here instead makes the result the
        # same inside an outer transaction (a test, a bulk import) as outside one.
        with transaction.atomic():
            target, _ = source.create_or_update_translation(
                locale, user=user, publish=not is_page, fallback=True, copy_parent_pages=True
            )
            if is_page and publish:
                target.get_latest_revision().publish(user=user)
        translated[locale] = Page.objects.get(pk=target.pk).specific if is_page else target
    return translated


def _store_strings(segments, locale, strings):
    """Save the translations `strings` has for `segments` as the translation editor would.

    Plain text goes in one bulk insert (or update). A translation with markup is saved one by one,
    through StringTranslation.save(), which checks its HTML and links and marks a broken one as an
    error: wagtail-localize then falls back to the source text for that segment. Returns how many
    segments have a translation.
    """
    rows = {}
    for segment in segments:
        target = strings.get(segment.string.data)
        if target is None:
            target = strings.get(html.unescape(segment.string.data))
        if target is None:
            continue
        rows[(segment.string_id, segment.context_id)] = target
    plain = [
        StringTranslation(
            translation_of_id=string_id,
            locale=locale,
            context_id=context_id,
            data=target,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
        for (string_id, context_id), target in rows.items()
        if "<" not in target
    ]
    StringTranslation.objects.bulk_create(
        plain,
        update_conflicts=True,
        unique_fields=["locale", "translation_of", "context"],
        update_fields=["data", "translation_type", "has_error", "updated_at"],
    )
    for (string_id, context_id), target in rows.items():
        if "<" in target:
            StringTranslation.objects.update_or_create(
                translation_of_id=string_id,
                locale=locale,
                context_id=context_id,
                defaults={
                    "data": target,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "has_error": False,  # checked again by save()
                },
            )
    return len(rows)
