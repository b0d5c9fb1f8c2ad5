"""Stories admin hooks: the stories section of site search and the demo stories."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from catalog.queries import search_within
from home.search import SearchSection

from .models import StoryPage
from .queries import stories_in


@hooks.register("register_search_section")
def stories_section():
    return SearchSection(
        key="stories",
        title=_("Stories"),
        card_template="stories/includes/story_search_hit.html",
        search=lambda locale, query, limit: search_within(
            StoryPage, stories_in(locale), locale, query, limit
        ),
        suggest=lambda locale, query, limit: list(
            StoryPage.objects.live().public().filter(locale=locale).autocomplete(query)[:limit]
        ),
    )


@hooks.register("seed_demo")
def add_demo_stories(stdout):
    from .demo import create_demo_stories

    create_demo_stories()
    stdout.write("Demo stories, collections and events: ready.")
