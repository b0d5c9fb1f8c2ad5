"""Template helpers shared by every page: language links, money formatting."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from catalog.fields import from_minor_units

register = template.Library()


def _language_name(code):
    return get_language_info(code)["name_local"]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the page's live translations, or the same URL in another language.

    Languages where the page has no live translation are left out, so a buyer is never sent to
    a 404 by the switcher.
    """
    request = context["request"]
    page = context.get("page")
    current = context.get("CURRENT_LANGUAGE", settings.LANGUAGE_CODE)
    links = []
    if page is not None and getattr(page, "locale_id", None):
        pages = [page, *page.get_translations().live().select_related("locale")]
        by_code = {p.locale.language_code: p for p in pages}
        for code, _name in settings.LANGUAGES:
            if code in by_code:
                links.append(
                    {
                        "code": code,
                        "name": _language_name(code),
                        "url": by_code[code].get_url(request),
                        "full_url": by_code[code].get_full_url(request),
                        "current": code == page.locale.language_code,
                    }
                )
    else:
        for code, _name in settings.LANGUAGES:
            links.append(
                {
                    "code": code,
                    "name": _language_name(code),
                    "url": translate_url(request.get_full_path(), code),
                    "full_url": request.build_absolute_uri(translate_url(request.get_full_path(), code)),
                    "current": code == current,
                }
            )
    return links


@register.filter
def money(minor_units, currency="USD"):
    """12345 → 'US$123.45'."""
    amount = from_minor_units(minor_units)
    if amount is None:
        return ""
    symbol = {"USD": "US$"}.get(currency, f"{currency} ")
    return f"{symbol}{amount:,.2f}"
