"""An index on wagtailcore_page.url_path: pages are routed by it (home/routing.py)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_featured_stories_and_collections"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_url_path_idx ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS home_page_url_path_idx",
        ),
    ]
