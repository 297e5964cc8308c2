"""manage.py annual_report --year 2019 --format json|xlsx|pdf [--language en] [--output FILE]"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext

from events.reports.annual import latest_year_with_data
from events.reports.downloads import FORMATS, report_download


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Write the office's annual report for a year, from the records, as JSON (one key "
            "per figure), XLSX or PDF, to standard output or --output FILE."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            type=int,
            help=gettext("The year; the latest year with visits on record if left out."),
        )
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            help=gettext("One of the site's languages: zh-hant, en, ja, ko."),
        )
        parser.add_argument("--output", help=gettext("File to write instead of standard output."))

    def handle(self, *args, year=None, format="json", language=None, output=None, **options):  # noqa: A002
        languages = [code for code, _name in settings.LANGUAGES]
        if language not in languages:
            raise CommandError(
                gettext("Unknown language %(language)s; choose one of %(languages)s.")
                % {"language": language, "languages": ", ".join(languages)}
            )
        if year is None:
            year = latest_year_with_data(today=timezone.localdate())
        if not 1900 <= year <= 2999:
            raise CommandError(gettext("The year must be between 1900 and 2999."))
        if format != "json" and not output and sys.stdout.isatty():
            raise CommandError(gettext("Give --output FILE for an XLSX or PDF report."))
        download = report_download(year, format=format, language=language)
        if output:
            with open(output, "wb") as file:
                file.write(download.content)
        elif format == "json":
            self.stdout.write(download.content.decode())
        else:
            # XLSX and PDF are bytes: piped on, not written through the text wrapper.
            sys.stdout.buffer.write(download.content)
            sys.stdout.flush()
