"""Abstract models every app shares; nothing domain-specific lives here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class IllustrativeModel(models.Model):
    """Demo records that the 2019 report does not state are flagged, never passed off as fact."""

    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Invented for the demo data; not a fact from the source report."),
    )

    class Meta:
        abstract = True
