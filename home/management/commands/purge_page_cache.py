"""Make every page in the page cache stale, e.g. after changing a setting that pages show."""

from django.core.management.base import BaseCommand

from storefront import page_cache


class Command(BaseCommand):
    help = "Make every page in the page cache stale (CDN copies expire after PAGE_CACHE_CDN_MAX_AGE)."

    def handle(self, *args, **options):
        page_cache.purge_everything()
        self.stdout.write("Page cache purged.")
