"""Mixins and helpers the page models of every app share."""

import functools

from django.http import Http404
from django.utils.encoding import force_str

from wagtail_localize.fields import SynchronizedField


class TranslationStatusMixin:
    """Tells templates and listings whether a page's text is really in its own locale.

    wagtail-localize fills a locale with aliases of pages nobody has translated yet; an alias
    shows its source's text, so it must be marked (and kept out of listings where the source
    language would be passed off as this one).
    """

    # Slugs stay the source's in every locale (/ja/makers/<english-slug>/): a translated slug in
    # Japanese, Chinese or Arabic would become empty (unicode slugs are off) and block publishing.
    override_translatable_fields = [SynchronizedField("slug")]

    @property
    def content_language(self):
        if self.alias_of_id:
            return self.alias_of.locale.language_code
        return self.locale.language_code

    @property
    def is_untranslated(self):
        return bool(self.alias_of_id) and self.content_language != self.locale.language_code


def route_to_child(page, request, path_components, children):
    """`Page.route` (Wagtail's documented hook for custom routing) for a page whose children are all
    of one type: the child is read from `children`, a queryset of that type with what its template
    needs, in one query instead of two (the page row, then its specific row)."""
    child = children.child_of(page).filter(slug=path_components[0]).first()
    if child is None:
        raise Http404
    return child.route(request, path_components[1:])


@functools.cache
def _choice_labels(field):
    return dict(field.flatchoices)


def choice_label(field, value):
    """The label of `value` among the choices of model field `field`, as `get_<field>_display()`."""
    return force_str(_choice_labels(field).get(value, value), strings_only=True)


class ChoiceLabelsMixin:
    """`get_<field>_display()` from a dict made once per field.

    Django's builds the dict again on every call and, to make its pairs hashable, hashes every
    label: with lazy translations that is a `gettext` per choice, per call. A catalogue page of 24
    cards (unit, sector, district) spent more on that than on its three card queries.
    """

    def _get_FIELD_display(self, field):
        try:
            return choice_label(field, getattr(self, field.attname))
        except TypeError:  # an unhashable value: Django's way
            return super()._get_FIELD_display(field)
