"""A GIN index for site search on PostgreSQL: Wagtail's database backend matches
`title || body` of wagtailsearch_indexentry against the query, which nothing indexed before,
so every search read every entry (over 150,000 at 40,000 products in two languages).
"""

from django.db import migrations

NAME = "home_search_title_body_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("home", "0004_page_listing_indexes"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
