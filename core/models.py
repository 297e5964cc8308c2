"""Abstract models every app shares; nothing domain-specific lives here."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
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


class GeoPointModel(models.Model):
    """An optional point on the map (WGS 84), for map markers, GEO lines and directions."""

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        abstract = True


def geo_point_constraints():
    """Range checks for GeoPointModel's fields, named <app>_<model>_<rule> by Django."""
    return [
        models.CheckConstraint(
            condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
            name="%(app_label)s_%(class)s_latitude_range",
            violation_error_message=_("Latitude must be between -90 and 90."),
        ),
        models.CheckConstraint(
            condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
            name="%(app_label)s_%(class)s_longitude_range",
            violation_error_message=_("Longitude must be between -180 and 180."),
        ),
    ]


class TaskCompletion(models.Model):
    """A background task that finished its work, keyed by the queue's id of the task.

    A task whose worker is killed is run again (core.worker requeues it); the task writes its
    result and this row in one transaction, so a second run finds the row and does nothing.
    """

    # The queue's id of the task (a UUID in the database queue, a random string inline).
    task_id = models.CharField(_("task id"), max_length=64, primary_key=True)
    task_name = models.CharField(_("task name"), max_length=200)
    result = models.JSONField(_("result"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("task completion")
        verbose_name_plural = _("task completions")

    def __str__(self):
        return f"{self.task_name} {self.task_id}"
