"""Command that creates or repairs the editors' and curators' groups and the "Editorial review" workflow."""

from django.core.management.base import BaseCommand

from stories.setup import ensure_editorial_setup


class Command(BaseCommand):
    help = "Give editors add/change (not publish) on stories and events, and route their work to curators."

    def handle(self, *args, **options):
        result = ensure_editorial_setup()
        sections = result["workflow"].workflow_pages.count()
        self.stdout.write(
            self.style.SUCCESS(f"Editorial review attached to {sections} story and event sections.")
        )
