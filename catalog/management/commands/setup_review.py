"""`manage.py setup_review`: create or repair the base admin groups and the "Curator review" workflow."""

from django.core.management.base import BaseCommand

from catalog.review import ensure_review_setup


class Command(BaseCommand):
    help = "Create or repair the base admin groups and route makers' edits through curators' approval."

    def handle(self, *args, **options):
        result = ensure_review_setup()
        sections = result["workflow"].workflow_pages.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Groups ready: {', '.join(g.name for k, g in result.items() if k != 'workflow')}. "
                f"“{result['workflow'].name}” attached to {sections} makers sections."
            )
        )
