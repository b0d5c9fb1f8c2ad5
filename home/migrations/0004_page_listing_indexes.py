"""Indexes on wagtailcore_page for the catalogue's sorts by date and by name, within a locale.

Without them PostgreSQL sorts every live page of the locale (tens of thousands at scale) to show
24; with them it reads the first rows in order and stops.
"""

from django.db import migrations

INDEXES = {
    "home_page_locale_published_idx": "(locale_id, first_published_at {desc}, id)",
    "home_page_locale_title_idx": "(locale_id, title, id)",
}


def create(apps, schema_editor):
    # PostgreSQL can keep NULLs last, as the "newest" sort asks; SQLite has no NULLS LAST in indexes.
    desc = "DESC NULLS LAST" if schema_editor.connection.vendor == "postgresql" else "DESC"
    for name, columns in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns.format(desc=desc)}")


def drop(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("home", "0003_page_url_path_index")]

    operations = [migrations.RunPython(create, drop)]
