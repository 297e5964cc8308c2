"""python manage.py apply_retention [--dry-run]: erase what the retention rules no longer keep."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from events.privacy.services import apply_retention


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Apply the data retention rules (Settings → Data retention): erase passport numbers "
            "and dates of birth, guests' needs and travel details, and anonymise applications "
            "of events that ended long enough ago. Production runs it daily (README). "
            "--dry-run reports what is due and changes nothing."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext("Report what is due without changing anything."),
        )

    def handle(self, *args, dry_run=False, **options):
        rules = apply_retention(dry_run=dry_run)
        for rule in rules:
            self.stdout.write(f"{rule.label}: {rule.count}")
        total = sum(rule.count for rule in rules)
        if dry_run:
            message = gettext("Dry run: %(count)d records are due; nothing was changed.")
        else:
            message = gettext("Retention applied to %(count)d records.")
        self.stdout.write(self.style.SUCCESS(message % {"count": total}))
