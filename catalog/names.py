"""Page names in a chosen language, for e-mails written in another language than the page the
buyer used: the maker's copy names its products in Indonesian, as the maker wrote them."""

from wagtail.models import Page


def titles_in_language(pages, language_code):
    """{translation key: title} of these pages' copies in `language_code` (draft or live)."""
    keys = {page.translation_key for page in pages if page is not None}
    if not keys:
        return {}
    return dict(
        Page.objects.filter(translation_key__in=keys, locale__language_code=language_code).values_list(
            "translation_key", "title"
        )
    )


def title_in_language(page, language_code, default=""):
    """The title of `page` in `language_code`, or `default` when it has no copy there."""
    if page is None:
        return default
    return titles_in_language([page], language_code).get(page.translation_key, default)
