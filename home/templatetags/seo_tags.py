"""Template tags for search engines: `{% structured_data %}` prints the page's JSON-LD."""

from django import template
from django.utils.safestring import mark_safe

from home.structured_data import for_page, to_script

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context):
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None or not getattr(page, "pk", None):
        return ""
    documents = for_page(page, request)
    if not documents:
        return ""
    return mark_safe(f'<script type="application/ld+json">{to_script(documents)}</script>')  # noqa: S308
