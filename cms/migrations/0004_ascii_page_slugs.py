"""Pages made before slugs were readable ASCII keep a percent-encoded CJK address
(/zh-hant/events/%E5%9C%8B.../): give them ASCII slugs, with redirects from the old addresses.

The work is cms.services.give_pages_ascii_slugs on the current models, since Wagtail's slug
change (url_path of every descendant, redirects per site and language) lives on its Page
model and not on the historical one. The historical model only decides whether there is
anything to do, so a new database (no such page) never touches the current models.
"""

from django.db import migrations


def give_ascii_slugs(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    slugs = Page.objects.exclude(depth=1).values_list("slug", flat=True)
    if all(slug.isascii() and "%" not in slug for slug in slugs):
        return
    from cms.services import give_pages_ascii_slugs

    give_pages_ascii_slugs()


class Migration(migrations.Migration):
    # The current Event and Organisation models are read (an event page's slug comes from its
    # record), so their tables must be complete first.
    dependencies = [
        ("cms", "0003_page_lookup_indexes"),
        ("crm", "0013_merge_gifts_and_handbook"),
        ("events", "0020_merge_event_principal"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    # Going back keeps the readable slugs: the old addresses still redirect to them.
    operations = [migrations.RunPython(give_ascii_slugs, migrations.RunPython.noop)]
