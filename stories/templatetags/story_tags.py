"""Stories and events on other apps' pages: "Featured in", "Meet us at" and the home page's picks."""

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


@register.inclusion_tag("stories/includes/home_sections.html", takes_context=True)
def home_stories_and_events(context, home_page):
    from stories.models import EventIndexPage, StoryIndexPage
    from stories.queries import featured_collections, featured_stories, upcoming_events

    events_index = EventIndexPage.objects.live().filter(locale=home_page.locale).first()
    stories_index = StoryIndexPage.objects.live().filter(locale=home_page.locale).first()
    return {
        "request": context.get("request"),
        "page": home_page,
        "stories": featured_stories(home_page),
        "collections": featured_collections(home_page),
        "events": list(upcoming_events(home_page.locale, limit=3)),
        "events_url": events_index.url if events_index else "",
        "stories_url": stories_index.url if stories_index else "",
    }
