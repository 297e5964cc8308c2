"""The official names handbook: how the city writes its agencies, places and titles abroad."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import IllustrativeModel, TimeStampedModel

from ..enums import TermKind


class GlossaryTerm(IllustrativeModel, TimeStampedModel):
    """One official name; `name` is translated (name_zh_hant is the official Chinese form)."""

    kind = models.CharField(_("kind"), max_length=16, choices=TermKind.choices)
    name = models.CharField(
        _("official name"),
        max_length=255,
        help_text=_("The form to use in print, mail and on the site, in each language."),
    )
    notes = models.TextField(_("notes"), blank=True)
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Where the official form is set.")
    )

    class Meta:
        verbose_name = _("official name")
        verbose_name_plural = _("official names handbook")
        ordering = ["kind", "name_zh_hant"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "name_zh_hant"],
                name="crm_glossaryterm_unique_name",
                violation_error_message=_("This name is already in the handbook."),
            ),
            models.CheckConstraint(
                condition=Q(name_zh_hant__isnull=False) & ~Q(name_zh_hant=""),
                name="crm_glossaryterm_chinese_name",
                violation_error_message=_("The official Chinese name is required."),
            ),
        ]

    def __str__(self):
        return self.name_zh_hant or self.name
