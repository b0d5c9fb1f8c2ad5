"""Indexes for picking a page of the unfiltered catalogue from wagtailcore_page alone.

`catalog.queries.product_ids_by_page_fields` reads the live product pages of a locale in the order
of the newest or the name sort. With the content type in the key, a deep page (`?page=100`) walks
these indexes only, instead of joining each page it skips to the product table.
"""

from django.db import migrations

INDEXES = {
    "home_page_live_type_published_idx": "(locale_id, content_type_id, first_published_at {desc}, id)",
    "home_page_live_type_title_idx": "(locale_id, content_type_id, title, id)",
}


def create(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    # PostgreSQL can keep NULLs last, as the "newest" sort asks; SQLite has no NULLS LAST in indexes.
    desc = "DESC NULLS LAST" if postgres else "DESC"
    for name, columns in INDEXES.items():
        columns = columns.format(desc=desc)
        # SQLite has no INCLUDE: the column goes last in the key, which serves the same reads.
        columns = f"{columns} INCLUDE (alias_of_id)" if postgres else columns.replace(")", ", alias_of_id)")
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns} WHERE live")


def drop(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("home", "0006_live_listing_indexes")]

    operations = [migrations.RunPython(create, drop)]
