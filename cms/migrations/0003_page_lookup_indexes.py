"""Indexes on Wagtail's page table for the lookups the public site makes on every request.

cms.routing reads the pages on a request path by url_path, and the language switcher and menu
read the pages one level below the home pages (depth 3). Wagtail indexes neither column, so
both scanned the whole page table, which grows by four pages with every published event.
Wagtail's models belong to Wagtail, so the indexes are created in SQL (same on SQLite and
PostgreSQL) rather than declared on its Page model.
"""

from django.db import migrations

INDEXES = {
    "cms_page_url_path_idx": "url_path",
    "cms_page_depth_idx": "depth",
}


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_public_site"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page ({column})",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, column in INDEXES.items()
    ]
