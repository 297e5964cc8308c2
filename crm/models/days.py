"""A partner's own days of note (a city festival, a founding day) that visits should avoid."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DayOfNote(models.Model):
    organisation = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="days_of_note",
    )
    name = models.CharField(_("name"), max_length=255)
    date = models.DateField(
        _("date"), help_text=_("For a yearly day, any year's date: only month and day count.")
    )
    recurs_yearly = models.BooleanField(_("every year"), default=True)

    class Meta:
        verbose_name = _("day of note")
        verbose_name_plural = _("days of note")
        ordering = ["organisation", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "date", "name"],
                name="crm_dayofnote_unique",
                violation_error_message=_("This day is already noted for the organisation."),
            ),
            models.CheckConstraint(condition=~Q(name=""), name="crm_dayofnote_named"),
        ]

    def __str__(self):
        return (
            f"{self.name} ({self.date:%m-%d})"
            if self.recurs_yearly
            else f"{self.name} ({self.date})"
        )

    def falls_on(self, day):
        if self.recurs_yearly:
            return (self.date.month, self.date.day) == (day.month, day.day)
        return self.date == day
