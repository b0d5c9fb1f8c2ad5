"""RSS and Atom feeds of one locale's stories, served from the story index's own URL."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .queries import stories_in


class StoriesRssFeed(Feed):
    feed_type = Rss201rev2Feed
    item_count = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index_page):
        return _("%(title)s · Etalase Malang") % {"title": index_page.title}

    def link(self, index_page):
        return index_page.get_url(self.request)

    def description(self, index_page):
        return index_page.intro or _("Packaging, branding and export stories from the makers of Malang.")

    def items(self, index_page):
        # Only real translations: a feed reader cannot show the "In English" mark that the web
        # listing puts on an untranslated story.
        return (
            stories_in(index_page.locale)
            .child_of(index_page)
            .filter(alias_of__isnull=True)[: self.item_count]
        )

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.intro

    def item_link(self, story):
        return story.get_full_url(self.request)

    def item_guid(self, story):
        return story.get_full_url(self.request)

    def item_pubdate(self, story):
        return timezone.make_aware(datetime.datetime.combine(story.date, datetime.time(8, 0)))

    def item_updateddate(self, story):
        return story.last_published_at or self.item_pubdate(story)

    def item_categories(self, story):
        return [str(story.get_topic_display())]


class StoriesAtomFeed(StoriesRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index_page):
        return self.description(index_page)
