"""Admin pages of contact imports: upload, map columns, preview every row, confirm, progress."""

from django import forms
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core.numbers import plain_int
from core.views import ActionView

from ..dedupe.scoring import Reason
from ..enums import ImportKind, ImportStatus, RowAction
from ..forms import MappingForm, UploadForm, mapping_from
from ..importing.readers import ImportFileError
from ..importing.schema import FIELDS
from ..models import ImportRun
from ..services import import_runs
from ..tasks import start_import, start_preview

ROWS_SHOWN = 500


def change_labels(kind):
    """Translated labels of the fields a row may change, for the preview's details."""
    labels = {spec.name: spec.label for spec in FIELDS[kind]}
    labels["signed_on"] = labels["signed_precision"] = _("signed on")
    return labels


class ImportIndexView(ActionView):
    """The imports so far, and a form to upload a file."""

    model = ImportRun
    permission_required = "add"
    form_class = UploadForm
    template_name = "crm/admin/imports/index.html"
    page_title = _("Import contacts")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            runs=ImportRun.objects.select_related("source", "created_by")[:20], **kwargs
        )

    def act(self, data):
        try:
            run = import_runs.create_import_run(
                uploaded_file=data["file"],
                kind=data["kind"],
                source_name=data["source"].strip(),
                user=self.request.user,
            )
        except ImportFileError as error:
            raise forms.ValidationError({"file": error.messages}) from error
        return redirect("crm_imports:mapping", pk=run.pk)


class RunMixin:
    model = ImportRun

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.run = get_object_or_404(ImportRun, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.run.file_name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("crm_imports:index"), "label": _("Import contacts")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.run.file_name},
        ]


class ImportMappingView(RunMixin, ActionView):
    """Which column fills which field: guessed from the header or the source, then chosen."""

    permission_required = "add"
    form_class = MappingForm
    template_name = "crm/admin/imports/mapping.html"
    page_title = _("Map columns")
    header_icon = "list-ul"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "run": self.run}

    def get_context_data(self, **kwargs):
        return super().get_context_data(run=self.run, **kwargs)

    def act(self, data):
        run = import_runs.set_import_mapping(
            self.run, mapping=mapping_from(data), user=self.request.user
        )
        start_preview(run, user=self.request.user)
        return redirect("crm_imports:run", pk=self.run.pk)


def _candidates(row, kind):
    """A preview row's likely duplicates (and its certain match) with links and reasons."""
    url_name = "crm_person:inspect" if kind == ImportKind.PEOPLE else "crm_organisation:inspect"

    def shown(item):
        return {
            **item,
            "url": reverse(url_name, args=[item["pk"]]),
            "reason_labels": [Reason(code).label for code in item["reasons"]],
        }

    return {
        "duplicates": [shown(item) for item in row.get("duplicates", ())],
        "matched": shown(row["matched"]) if row.get("matched") else None,
    }


class ImportRunView(RunMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The preview: every row with its action and reasons; progress while it is worked on."""

    permission_required = "add"
    template_name = "crm/admin/imports/run.html"
    page_title = _("Import preview")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        language = get_language()
        labels = change_labels(self.run.kind)
        # Errors first, then rows that may duplicate a record, then the rest.
        rows = sorted(
            self.run.preview,
            key=lambda row: (
                row["action"] != RowAction.ERROR,
                not row.get("duplicates"),
                row["line"],
            ),
        )
        shown = [
            {
                **row,
                **_candidates(row, self.run.kind),
                "action_label": RowAction(row["action"]).label,
                "changes": [labels.get(name, name) for name in row["changes"]],
                "reasons": [
                    reason.get(language) or next(iter(reason.values()), "")
                    for reason in row["reasons"]
                ],
            }
            for row in rows[:ROWS_SHOWN]
        ]
        done, total = import_runs.run_progress(self.run)
        return super().get_context_data(
            run=self.run,
            rows=shown,
            more_rows=max(0, len(rows) - ROWS_SHOWN),
            counts=[
                (RowAction(action).label, action, self.run.counts.get(action, 0))
                for action in RowAction.values
            ],
            done=done,
            total=total,
            working=self.run.status in (ImportStatus.PREVIEWING, ImportStatus.APPLYING),
            can_confirm=self.run.status == ImportStatus.PREVIEWED
            and not self.run.counts.get(RowAction.ERROR),
            duplicate_rows=sum(1 for row in self.run.preview if row.get("duplicates")),
            error=self.run.error.get(language) or next(iter(self.run.error.values()), ""),
            **kwargs,
        )


class ImportConfirmView(RunMixin, ActionView):
    """Write the previewed file (POST only; refusals come back to the preview as messages)."""

    permission_required = "add"

    def get_success_url(self):
        return reverse("crm_imports:run", args=[self.run.pk])

    def act(self, data):
        # match_<line> = pk: the row updates that likely duplicate instead of creating one.
        chosen = (
            (plain_int(name.removeprefix("match_")), plain_int(value))
            for name, value in self.request.POST.items()
            if name.startswith("match_")
        )
        matches = {line: pk for line, pk in chosen if line is not None and pk is not None}
        run = import_runs.confirm_import_run(self.run, matches=matches, user=self.request.user)
        start_import(run, user=self.request.user)


class ImportStatusView(RunMixin, PermissionCheckedMixin, TemplateView):
    """The run's progress as JSON, for the preview page's progress bar."""

    permission_required = "add"

    def get(self, request, *args, **kwargs):
        done, total = import_runs.run_progress(self.run)
        return JsonResponse(
            {
                "status": self.run.status,
                "done": done,
                "total": total,
                "percent": round(100 * done / total) if total else 0,
            }
        )
