"""manage.py import_contacts FILE [--dry-run] [--home-city NAME] [--kind KIND]."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.numbers import plain_int
from crm.enums import ImportKind, RowAction
from crm.importing.readers import read_table
from crm.services import imports


class Command(BaseCommand):
    help = (
        "Import organisations, sister and friendship ties, or people and positions from a CSV, "
        "XLSX or vCard file. The header names the columns (no mapping needed); a file is "
        "imported whole or not at all, and importing it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv, .xlsx or .vcf file")
        parser.add_argument(
            "--kind",
            choices=ImportKind.values,
            help="what the rows are; guessed from the header when left out",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report every row, write nothing"
        )
        parser.add_argument(
            "--match",
            action="append",
            default=[],
            metavar="ROW:ID",
            help="have row ROW update record ID, a possible duplicate the dry run named, "
            "instead of creating a record (repeatable)",
        )
        parser.add_argument(
            "--home-city",
            default="",
            help="the office's own city, found or created when the database has none",
        )

    def _progress(self, done, total):
        width = 30
        filled = width * done // total if total else width
        self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        if done == total:
            self.stdout.write("")

    def _matches(self, pairs):
        matches = {}
        for pair in pairs:
            line, _sep, pk = pair.partition(":")
            row, record = plain_int(line.strip()), plain_int(pk.strip())
            if row is None or record is None:
                raise CommandError(
                    _("--match takes ROW:ID, such as 12:345, not “%(value)s”.") % {"value": pair}
                )
            matches[row] = record
        return matches

    def _warn_duplicates(self, plans):
        for plan in plans:
            if plan.matched is not None:
                self.stdout.write(
                    _("Row %(line)s: matched to %(record)s (#%(pk)s): %(reasons)s")
                    % {
                        "line": plan.line,
                        "record": plan.record,
                        "pk": plan.matched.second,
                        "reasons": "; ".join(map(str, plan.matched.reason_labels)),
                    }
                )
            for candidate in plan.duplicates:
                self.stdout.write(
                    _(
                        "Row %(line)s (%(label)s): possible duplicate of %(record)s "
                        "(#%(pk)s), score %(score)s: %(reasons)s"
                    )
                    % {
                        "line": plan.line,
                        "label": plan.label,
                        "record": plan.duplicate_records.get(candidate.second, ""),
                        "pk": candidate.second,
                        "score": candidate.score,
                        "reasons": "; ".join(map(str, candidate.reason_labels)),
                    }
                )

    def handle(self, *args, file, kind, dry_run, home_city, match, **options):
        matches = self._matches(match)
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": error.strerror}
            ) from error
        try:
            table = read_table(data, path.name)
            kind = kind or imports.detect_kind(table)
            self.stdout.write(
                _("%(file)s: %(rows)s rows of %(kind)s")
                % {"file": path.name, "rows": len(table.rows), "kind": ImportKind(kind).label}
            )
            result = imports.import_file(
                data,
                path.name,
                kind=kind,
                home_city_name=home_city,
                matches=matches,
                dry_run=dry_run,
                progress=self._progress if options["verbosity"] > 0 else None,
            )
        except imports.ImportRowsError as error:
            for plan in error.plans:
                for reason in plan.reasons:
                    self.stderr.write(
                        _("Row %(line)s: %(reason)s") % {"line": plan.line, "reason": reason}
                    )
            raise CommandError(error.messages[0]) from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if options["verbosity"] > 0:
            self._warn_duplicates(result.plans)
        for plan in result.plans:
            if plan.action != RowAction.UNCHANGED and options["verbosity"] > 1:
                self.stdout.write(f"{plan.line}: {RowAction(plan.action).label} {plan.label}")
        summary = ", ".join(
            f"{RowAction(action).label} {count}"
            for action, count in result.counts.items()
            if action != RowAction.ERROR
        )
        if dry_run:
            self.stdout.write(_("Dry run, nothing written: %(summary)s") % {"summary": summary})
        else:
            self.stdout.write(self.style.SUCCESS(_("Imported: %(summary)s") % {"summary": summary}))
