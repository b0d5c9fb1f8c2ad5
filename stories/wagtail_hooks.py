"""Stories hooks: the stories section of site search, the home page's sections and the demo stories."""

import functools

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from catalog.queries import page_search_section

from .models import StoryPage
from .queries import stories_in


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


@hooks.register("home_page_context")
def home_page_sections(home_page):
    from .queries import home_sections

    return home_sections(home_page)


@hooks.register("seed_demo")
def add_demo_stories(stdout):
    from .demo import create_demo_stories

    create_demo_stories()
    stdout.write("Demo stories, collections and events: ready.")
