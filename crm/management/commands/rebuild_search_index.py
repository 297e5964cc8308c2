from django.core.management.base import BaseCommand

from crm.services.search import rebuild_search_index


class Command(BaseCommand):
    help = (
        "Rebuild the admin search index from every person, organisation, event, delegation "
        "and venue (after a fixture load or writes that bypass save())."
    )

    def handle(self, *args, **options):
        def progress(kind, done, total):
            self.stdout.write(f"{kind.key}: {done}/{total}")

        count = rebuild_search_index(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"{count} search terms written."))
