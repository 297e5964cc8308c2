"""Imports from the admin: upload, map columns, preview every row, confirm; large files in
the task worker with their progress on the run.

set_import_mapping and confirm_import_run only change the run's state; crm.tasks then runs
the preview or the import, at once for a small file or in the worker for a large one.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ..enums import ImportKind, ImportStatus, RowAction
from ..importing import plan as planning
from ..importing.normalise import normalise_header
from ..importing.readers import read_table
from ..importing.rows import parse_rows
from ..importing.schema import fields_of, guess_mapping
from ..models import ImportRun, ImportSource
from .imports import ImportRowsError, count_actions, home_city, import_table

PREVIEW_ROWS_KEPT = 20_000


def _in_languages(message):
    """A lazy message rendered in each site language, so each reader sees their own."""
    rendered = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            rendered[language] = str(message)
    return rendered


def progress_key(run_id):
    return f"crm:import-progress:{run_id}"


def _table(run):
    with run.file.open("rb") as handle:
        return read_table(handle.read(), run.file_name)


@transaction.atomic
def create_import_run(*, uploaded_file, kind, source_name="", user=None):
    """Keep an uploaded file and guess its columns (a source's remembered mapping first)."""
    data = uploaded_file.read()
    table = read_table(data, uploaded_file.name)  # refuses a bad file before anything is kept
    source = None
    if source_name:
        source, _created = ImportSource.objects.get_or_create(name=source_name, kind=kind)
    uploaded_file.seek(0)
    run = ImportRun(
        kind=kind,
        source=source,
        file=uploaded_file,
        file_name=uploaded_file.name[:255],
        header=[str(cell) for cell in table.header],
        total_rows=len(table.rows),
        created_by=user,
    )
    remembered = source.mapping if source else {}
    run.mapping = {
        str(index): name for index, name in guess_mapping(kind, table.header, remembered).items()
    }
    run.full_clean()
    run.save()
    log(run, "wagtail.create", user=user)
    return run


def set_import_mapping(run, *, mapping, user=None):
    """Keep the columns as staff mapped them (on the run and its source), then preview."""
    if run.status in (ImportStatus.APPLYING, ImportStatus.DONE):
        raise ValidationError(_("This import has already been confirmed."), code="done")
    known = fields_of(run.kind)
    chosen = [name for name in mapping.values() if name]
    if len(chosen) != len(set(chosen)):
        raise ValidationError(_("Each field can be taken from one column only."), code="twice")
    run.mapping = {str(index): name for index, name in mapping.items() if name in known}
    if not run.mapping:
        raise ValidationError(_("Map at least one column to a field."), code="empty")
    run.status = ImportStatus.PREVIEWING
    run.processed_rows = 0
    run.error = {}
    with transaction.atomic():
        run.save()
        if run.source is not None:
            run.source.mapping = {
                normalise_header(run.header[int(index)]): name
                for index, name in run.mapping.items()
            }
            run.source.save()
    return run


def _home_for(run):
    return home_city() if run.kind == ImportKind.TIES else None


def preview_import_run(run):
    """Classify every row (create, update, unchanged, error) without writing; keep the result."""
    try:
        table = _table(run)
        mapping = {int(index): name for index, name in run.mapping.items()}
        plans = parse_rows(run.kind, table, mapping, progress=lambda done: _progress(run, done))
        planning.PLANNERS[run.kind](plans, _home_for(run), None)
    except ValidationError as error:
        return _fail(run, error)
    if run.kind == ImportKind.TIES and _home_for(run) is None:
        return _fail(
            run,
            ValidationError(
                _(
                    "Ties join partner cities to the office's own city, and none is "
                    "set: mark an organisation as the home city first."
                )
            ),
        )
    run.preview = _rows(plans)
    run.counts = count_actions(plans)
    run.processed_rows = run.total_rows = len(plans)
    run.status = ImportStatus.PREVIEWED
    run.save()
    return run


def _candidate(candidate, record):
    return {
        "pk": candidate.second,
        "label": str(record) if record is not None else f"#{candidate.second}",
        "score": candidate.score,
        "reasons": [str(code) for code in candidate.reasons],
    }


def _row(plan):
    row = {
        "line": plan.line,
        "action": plan.action,
        "label": plan.label,
        "changes": list(plan.changes),
        "reasons": [_in_languages(reason) for reason in plan.reasons],
    }
    if plan.duplicates:
        row["duplicates"] = [
            _candidate(candidate, plan.duplicate_records.get(candidate.second))
            for candidate in plan.duplicates
        ]
    if plan.matched is not None:
        row["matched"] = _candidate(plan.matched, plan.record)
    return row


def _rows(plans):
    return [_row(plan) for plan in plans[:PREVIEW_ROWS_KEPT]]


def _progress(run, done):
    # The preview writes nothing else, so its progress can be committed as it goes.
    ImportRun.objects.filter(pk=run.pk).update(processed_rows=min(done, run.total_rows))


def _fail(run, error):
    run.status = ImportStatus.FAILED
    run.error = _in_languages(error.messages[0] if error.messages else error)
    run.save()
    return run


def confirm_import_run(run, *, matches=None, user=None):
    """Start writing a previewed file; a file with an error row cannot be confirmed.

    `matches` ({line: pk}) are the officer's choices for rows with a likely duplicate: that
    row updates the record instead of creating one. Only a record the preview named for the
    row can be chosen; the choice is kept on the preview's row ("chosen").
    """
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status != ImportStatus.PREVIEWED:
            raise ValidationError(_("Only a previewed import can be confirmed."), code="state")
        if run.counts.get(RowAction.ERROR):
            raise ValidationError(
                _("Correct the rows with errors and upload the file again."), code="errors"
            )
        offered = {
            row["line"]: {item["pk"] for item in row.get("duplicates", ())} for row in run.preview
        }
        matches = {int(line): int(pk) for line, pk in (matches or {}).items() if pk}
        for line, pk in matches.items():
            if pk not in offered.get(line, ()):
                raise ValidationError(
                    _("Row %(line)s was not found to resemble record #%(pk)s."),
                    code="match",
                    params={"line": line, "pk": pk},
                )
        for row in run.preview:
            row.pop("chosen", None)
            if row["line"] in matches:
                row["chosen"] = matches[row["line"]]
        run.status = ImportStatus.APPLYING
        run.processed_rows = 0
        run.save()
    return run


def chosen_matches(run):
    """{line: pk} of the rows the officer chose to update their likely duplicate."""
    return {row["line"]: row["chosen"] for row in run.preview if row.get("chosen")}


def apply_import_run(run, *, user=None):
    """Write every row in one transaction; rows are planned again against today's records."""
    mapping = {int(index): name for index, name in run.mapping.items()}

    def progress(done, total):
        # Inside the transaction the row is not visible to others; the cache is.
        cache.set(progress_key(run.pk), done, 3600)

    try:
        result = import_table(
            _table(run),
            kind=run.kind,
            mapping=mapping,
            home=_home_for(run),
            matches=chosen_matches(run),
            user=user,
            progress=progress,
        )
    except ImportRowsError as error:
        run.preview = _rows(error.plans)
        run.counts = count_actions(error.plans)
        return _fail(run, error)
    except ValidationError as error:
        return _fail(run, error)
    run.counts = result.counts
    run.processed_rows = run.total_rows
    run.status = ImportStatus.DONE
    run.save()
    cache.delete(progress_key(run.pk))
    log(run, "crm.import", user=user, data=dict(result.counts))
    return run


def run_progress(run):
    """(rows done, rows in all) of a run, from the cache while it is being written."""
    done = run.processed_rows
    if run.status == ImportStatus.APPLYING:
        done = max(done, cache.get(progress_key(run.pk), 0))
    return done, run.total_rows


def background(run):
    return run.total_rows >= settings.KIA_IMPORT_BACKGROUND_ROWS
