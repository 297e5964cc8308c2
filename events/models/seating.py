"""Seating plans for banquets and luncheons: tables and the guest on each seat."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class SeatingPlan(TimeStampedModel):
    event = models.OneToOneField(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="seating_plan",
    )
    table_size = models.PositiveSmallIntegerField(
        _("seats per table"),
        default=10,
        validators=[MinValueValidator(2), MaxValueValidator(40)],
    )
    table_count = models.PositiveSmallIntegerField(
        _("number of tables"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty to use as few tables as the guests need."),
    )
    keep_delegations_together = models.BooleanField(
        _("keep delegations together"),
        default=False,
        help_text=_("By default a delegation's members are spread across tables with local hosts."),
    )
    host = models.ForeignKey(
        "crm.Person",
        verbose_name=_("host"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Seat 1 of table 1; leave empty for the senior guest of the home city."),
    )
    guest_of_honour = models.ForeignKey(
        "crm.Person",
        verbose_name=_("guest of honour"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Seated at the host's right; leave empty for the guest of highest rank."),
    )
    co_hosts = models.ManyToManyField(
        "crm.Person",
        verbose_name=_("co-hosts"),
        blank=True,
        related_name="+",
        help_text=_("Each co-host anchors a table of their own."),
    )
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True, editable=False)
    # Rule violations found when the plan was generated or a guest moved; kept untranslated
    # (rule, parameters) so each reader sees them in their own language.
    warnings = models.JSONField(_("warnings"), default=list, blank=True, editable=False)
    print_pack = models.FileField(_("print pack"), upload_to="seating/", blank=True, editable=False)
    print_pack_generated_at = models.DateTimeField(
        _("print pack generated at"), null=True, blank=True, editable=False
    )
    print_pack_language = models.CharField(
        _("print pack language"),
        max_length=16,
        choices=settings.LANGUAGES,
        blank=True,
        editable=False,
        help_text=_("The language the prepared print pack was written in."),
    )

    class Meta:
        verbose_name = _("seating plan")
        verbose_name_plural = _("seating plans")
        ordering = ["event__starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(table_size__gte=2),
                name="events_seatingplan_table_size_at_least_two",
                violation_error_message=_("A table needs at least two seats."),
            ),
            models.CheckConstraint(
                condition=Q(table_count__isnull=True) | Q(table_count__gte=1),
                name="events_seatingplan_table_count_positive",
                violation_error_message=_("A plan needs at least one table."),
            ),
        ]

    def __str__(self):
        return str(self.event)


class SeatingTable(models.Model):
    plan = models.ForeignKey(
        SeatingPlan,
        verbose_name=_("seating plan"),
        on_delete=models.CASCADE,
        related_name="seating_tables",
    )
    number = models.PositiveSmallIntegerField(_("table number"))
    host = models.ForeignKey(
        "crm.Person",
        verbose_name=_("table host"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who anchors the table in seat 1."),
    )

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="events_seatingtable_unique_number",
                violation_error_message=_("This table number is already in the plan."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="events_seatingtable_number_positive",
                violation_error_message=_("Tables are numbered from 1."),
            ),
        ]

    def __str__(self):
        return gettext("Table %(number)s") % {"number": self.number}


class Seat(models.Model):
    # The plan is repeated here so that "one seat per person per plan" is a database rule.
    plan = models.ForeignKey(
        SeatingPlan, verbose_name=_("seating plan"), on_delete=models.CASCADE, related_name="seats"
    )
    table = models.ForeignKey(
        SeatingTable, verbose_name=_("table"), on_delete=models.CASCADE, related_name="seats"
    )
    position = models.PositiveSmallIntegerField(
        _("seat"), help_text=_("1 is the table's host; 2 is on the host's right.")
    )
    # A seat holds either an invited person or one of their companions, never both.
    person = models.ForeignKey(
        "crm.Person",
        verbose_name=_("guest"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="seats",
    )
    companion = models.ForeignKey(
        "events.InvitationCompanion",
        verbose_name=_("companion"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="seats",
    )
    invitation = models.ForeignKey(
        "events.Invitation",
        verbose_name=_("invitation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="seats",
    )

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["table__number", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "person"],
                name="events_seat_one_per_person",
                violation_error_message=_("This guest already has a seat in the plan."),
            ),
            models.UniqueConstraint(
                fields=["plan", "companion"],
                name="events_seat_one_per_companion",
                violation_error_message=_("This companion already has a seat in the plan."),
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False, companion__isnull=True)
                | Q(person__isnull=True, companion__isnull=False),
                name="events_seat_person_or_companion",
                violation_error_message=_("A seat holds either a guest or a companion."),
            ),
            models.UniqueConstraint(
                fields=["table", "position"],
                name="events_seat_one_person_per_seat",
                violation_error_message=_("This seat is already taken."),
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1),
                name="events_seat_position_positive",
                violation_error_message=_("Seats are numbered from 1."),
            ),
        ]

    def __str__(self):
        return gettext("%(person)s, table %(table)s seat %(position)s") % {
            "person": self.person if self.person_id else self.companion,
            "table": self.table.number,
            "position": self.position,
        }

    def clean(self):
        if self.table_id and self.plan_id and self.table.plan_id != self.plan_id:
            raise ValidationError({"table": gettext("The table belongs to another seating plan.")})
        if self.table_id and self.position > self.table.plan.table_size:
            raise ValidationError(
                {
                    "position": gettext("A table of this plan has only %(size)s seats.")
                    % {"size": self.table.plan.table_size}
                }
            )
