"""Where a merged person or organisation went: old addresses lead to the survivor."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class MergedRecord(models.Model):
    """A record folded into another by a merge; its primary key now means the survivor."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.CASCADE, related_name="+"
    )
    old_pk = models.CharField(_("merged record's number"), max_length=64)
    survivor_pk = models.CharField(_("surviving record's number"), max_length=64)
    label = models.CharField(_("merged record"), max_length=255)
    merged_at = models.DateTimeField(_("merged at"), auto_now_add=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("merged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The merged record's values and what the merge moved or settled, for the history page.
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("merged record")
        verbose_name_plural = _("merged records")
        ordering = ["-merged_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "old_pk"],
                name="crm_mergedrecord_once",
                violation_error_message=_("This record has already been merged."),
            ),
            models.CheckConstraint(
                condition=~models.Q(old_pk=models.F("survivor_pk")),
                name="crm_mergedrecord_not_into_itself",
                violation_error_message=_("A record cannot be merged into itself."),
            ),
        ]

    def __str__(self):
        return f"{self.label} → #{self.survivor_pk}"
