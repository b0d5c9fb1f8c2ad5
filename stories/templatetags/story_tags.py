"""Stories and events on other apps' pages: "Featured in" and "Meet us at"."""

from django import template

register = template.Library()


@register.inclusion_tag("stories/includes/featured_in.html", takes_context=True)
def featured_in(context, page):
    from stories.queries import stories_featuring

    return {"request": context.get("request"), "stories": stories_featuring(page), "page": page}


@register.inclusion_tag("stories/includes/meet_us_at.html", takes_context=True)
def meet_us_at(context, vendor):
    from stories.queries import events_with

    return {"request": context.get("request"), "events": events_with(vendor), "page": vendor}
