"""Stories hooks: the stories section of site search, the home page's sections and the demo stories."""

import functools

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from catalog.queries import page_search_section

from .models import EventPage, StoryPage
from .queries import events_in, stories_in


@hooks.register("register_search_section")
def stories_section():
    # Without renditions: the search page reads every section's pictures at once (home.search.search_all).
    return page_search_section(
        "stories",
        _("Stories"),
        "stories/includes/story_search_hit.html",
        StoryPage,
        functools.partial(stories_in, renditions=False),
    )


@hooks.register("register_search_section")
def events_section():
    # Fairs, expos and buyer missions, by their name, city or description ("Malang City Expo").
    return page_search_section(
        "events", _("Events"), "stories/includes/event_search_hit.html", EventPage, events_in
    )


@hooks.register("home_page_context")
def home_page_sections(home_page):
    from .queries import home_sections

    return home_sections(home_page)


@hooks.register("seed_demo")
def add_demo_stories(stdout):
    from .demo import create_demo_stories

    create_demo_stories()
    stdout.write("Demo stories, collections and events: ready.")
