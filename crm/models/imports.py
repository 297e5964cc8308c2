"""Contact imports: a remembered column mapping per source, and one run per uploaded file."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel

from ..enums import ImportKind, ImportStatus


class ImportSource(TimeStampedModel):
    """Where files come from (a partner list, a business-card sheet); its mapping is kept."""

    name = models.CharField(_("source"), max_length=128)
    kind = models.CharField(_("records"), max_length=16, choices=ImportKind.choices)
    # {normalised header: field name}: the columns as staff mapped them last time.
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)

    class Meta:
        verbose_name = _("import source")
        verbose_name_plural = _("import sources")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "kind"],
                name="crm_importsource_unique_name_kind",
                violation_error_message=_("A source of this name already exists."),
            ),
        ]

    def __str__(self):
        return self.name


class ImportRun(TimeStampedModel):
    """One uploaded file: its mapping, its preview row by row, and its progress when applied."""

    source = models.ForeignKey(
        ImportSource,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="runs",
    )
    kind = models.CharField(_("records"), max_length=16, choices=ImportKind.choices)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    file_name = models.CharField(_("file name"), max_length=255)
    header = models.JSONField(_("header"), default=list, blank=True)
    # {column index as text: field name}
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows done"), default=0)
    # [{"line": n, "action": RowAction, "label": "...", "changes": [...],
    #   "reasons": [{language: text}], "duplicates": [{"pk", "label", "score", "reasons"}],
    #   "matched": {...}, "chosen": pk}]: "duplicates" are the records a new row resembles,
    # "matched" the one it was matched to without asking, "chosen" the one the officer chose
    # on confirming (the row then updates it).
    preview = models.JSONField(_("preview"), default=list, blank=True)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    # {language: text} so that each reader sees a file-level error in their language.
    error = models.JSONField(_("error"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(processed_rows__lte=models.F("total_rows")),
                name="crm_importrun_progress_within_total",
                violation_error_message=_("An import cannot do more rows than its file has."),
            ),
        ]

    def __str__(self):
        return self.file_name

    @property
    def percent(self):
        return round(100 * self.processed_rows / self.total_rows) if self.total_rows else 0

    @property
    def has_errors(self):
        return bool(self.counts.get("error")) or bool(self.error)
