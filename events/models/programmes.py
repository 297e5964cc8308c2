"""The signature programmes: camp groups and rooms, tour transport and the envoys' forum."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.constraints import in_order
from core.models import TimeStampedModel
from core.validators import validate_visible_name


class CampGroup(TimeStampedModel):
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="camp_groups",
    )
    name = models.CharField(_("name"), max_length=64, validators=[validate_visible_name])
    buddy = models.ForeignKey(
        "crm.Person",
        verbose_name=_("local buddy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="camp_groups",
        help_text=_("The local student who looks after the group."),
    )

    class Meta:
        verbose_name = _("camp group")
        verbose_name_plural = _("camp groups")
        ordering = ["event", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "name"],
                name="events_campgroup_unique_name",
                violation_error_message=_("The camp already has a group of this name."),
            ),
        ]

    def __str__(self):
        return self.name


class CampGroupMember(models.Model):
    group = models.ForeignKey(
        CampGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="members"
    )
    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="camp_groups",
    )

    class Meta:
        verbose_name = _("camp group member")
        verbose_name_plural = _("camp group members")
        constraints = [
            # A registration belongs to one event, so this is one group per camp.
            models.UniqueConstraint(
                fields=["registration"],
                name="events_campgroupmember_one_group",
                violation_error_message=_("This participant is already in a group."),
            ),
        ]

    def __str__(self):
        return f"{self.registration} · {self.group}"


class RoomAssignment(TimeStampedModel):
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="room_assignments",
    )
    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="room_assignments",
    )
    hotel = models.CharField(_("hotel"), max_length=255)
    room = models.CharField(_("room"), max_length=32, help_text=_("The hotel's room label."))

    class Meta:
        verbose_name = _("room assignment")
        verbose_name_plural = _("room assignments")
        ordering = ["event", "hotel", "room"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "registration"],
                name="events_roomassignment_one_room_per_registration",
                violation_error_message=_("This participant already has a room."),
            ),
        ]

    def __str__(self):
        return f"{self.hotel} {self.room}"


class TransportVehicle(TimeStampedModel):
    """A vehicle (with its driver and pick-up time) serving one transfer leg."""

    item = models.ForeignKey(
        "events.ItineraryItem",
        verbose_name=_("transfer"),
        on_delete=models.CASCADE,
        related_name="transport",
    )
    vehicle = models.ForeignKey(
        "events.Vehicle",
        verbose_name=_("vehicle"),
        on_delete=models.PROTECT,
        related_name="transport",
    )
    driver = models.ForeignKey(
        "events.Driver",
        verbose_name=_("driver"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transport",
    )
    pickup_at = models.DateTimeField(_("pick-up time"))
    pickup_address = models.CharField(_("pick-up address"), max_length=255, blank=True)
    vehicle_booking = models.ForeignKey(
        "events.Booking",
        verbose_name=_("vehicle booking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    driver_booking = models.ForeignKey(
        "events.Booking",
        verbose_name=_("driver booking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("transport vehicle")
        verbose_name_plural = _("transport vehicles")
        ordering = ["item__starts_at", "pickup_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "vehicle"],
                name="events_transportvehicle_once_per_leg",
                violation_error_message=_("This vehicle already serves the transfer."),
            ),
        ]

    def __str__(self):
        return f"{self.item} · {self.vehicle}"


class ManifestEntry(models.Model):
    """One traveller on one leg: the invited guest (companion 0) or one of their companions."""

    # The leg again, so that "once per leg" is a constraint of this table.
    item = models.ForeignKey(
        "events.ItineraryItem",
        verbose_name=_("transfer"),
        on_delete=models.CASCADE,
        related_name="manifest",
    )
    transport = models.ForeignKey(
        TransportVehicle,
        verbose_name=_("vehicle"),
        on_delete=models.CASCADE,
        related_name="passengers",
    )
    invitation = models.ForeignKey(
        "events.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="manifest_entries",
    )
    companion = models.PositiveSmallIntegerField(
        _("companion"), default=0, help_text=_("0 for the guest, 1, 2 ... for companions.")
    )
    seat = models.PositiveSmallIntegerField(_("seat"))

    class Meta:
        verbose_name = _("manifest entry")
        verbose_name_plural = _("manifest entries")
        ordering = ["transport", "seat"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "invitation", "companion"],
                name="events_manifestentry_once_per_leg",
                violation_error_message=_("This traveller already has a seat on the transfer."),
            ),
            models.UniqueConstraint(
                fields=["transport", "seat"],
                name="events_manifestentry_one_per_seat",
                violation_error_message=_("This seat is already taken."),
            ),
            models.CheckConstraint(
                condition=Q(seat__gte=1),
                name="events_manifestentry_seat_positive",
                violation_error_message=_("Seats are numbered from 1."),
            ),
        ]

    def __str__(self):
        return f"{self.transport} · {self.seat}"

    def clean(self):
        # The vehicle's size lives on another table, so this rule is checked here (and by
        # the manifest service) rather than by a database constraint.
        if self.transport_id and self.seat and self.seat > self.transport.vehicle.seats:
            raise ValidationError(
                {
                    "seat": ValidationError(
                        _("The vehicle has %(seats)d seats."),
                        params={"seats": self.transport.vehicle.seats},
                        code="no_such_seat",
                    )
                }
            )
        if self.transport_id and self.item_id and self.transport.item_id != self.item_id:
            raise ValidationError(_("The vehicle serves another transfer."), code="other_transfer")


class EnvoyInterest(models.Model):
    invitation = models.ForeignKey(
        "events.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="interests",
    )
    area = models.ForeignKey(
        "crm.CooperationArea",
        verbose_name=_("area of cooperation"),
        on_delete=models.PROTECT,
        related_name="envoy_interests",
    )

    class Meta:
        verbose_name = _("envoy's interest")
        verbose_name_plural = _("envoys' interests")
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "area"],
                name="events_envoyinterest_once",
                violation_error_message=_("This interest is already recorded."),
            ),
        ]

    def __str__(self):
        return f"{self.invitation.person} · {self.area}"


class DepartmentArea(models.Model):
    """What a city department can talk about at the forum."""

    department = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("department"),
        on_delete=models.CASCADE,
        related_name="forum_areas",
    )
    area = models.ForeignKey(
        "crm.CooperationArea",
        verbose_name=_("area of cooperation"),
        on_delete=models.PROTECT,
        related_name="departments",
    )

    class Meta:
        verbose_name = _("department's area")
        verbose_name_plural = _("departments' areas")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "area"],
                name="events_departmentarea_once",
                violation_error_message=_("This area is already recorded for the department."),
            ),
        ]

    def __str__(self):
        return f"{self.department} · {self.area}"


class ForumMeeting(TimeStampedModel):
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="forum_meetings",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    envoy = models.ForeignKey(
        "crm.Person",
        verbose_name=_("envoy"),
        on_delete=models.PROTECT,
        related_name="forum_meetings",
    )
    department = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="forum_meetings",
    )
    area = models.ForeignKey(
        "crm.CooperationArea",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forum_meetings",
    )
    held = models.BooleanField(
        _("held"), default=True, help_text=_("Untick a meeting that did not take place.")
    )
    interaction = models.ForeignKey(
        "crm.Interaction",
        verbose_name=_("logged as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("forum meeting")
        verbose_name_plural = _("forum meetings")
        ordering = ["event", "starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "starts_at", "envoy"],
                name="events_forummeeting_envoy_once_per_slot",
                violation_error_message=_("The envoy already has a meeting in this slot."),
            ),
            models.UniqueConstraint(
                fields=["event", "starts_at", "department"],
                name="events_forummeeting_department_once_per_slot",
                violation_error_message=_("The department already has a meeting in this slot."),
            ),
            models.UniqueConstraint(
                fields=["event", "envoy", "department"],
                name="events_forummeeting_once_per_pair",
                violation_error_message=_("The envoy already meets this department."),
            ),
            in_order(
                "events_forummeeting_start_before_end",
                "starts_at",
                "ends_at",
                strict=True,
                message=_("A meeting must end after it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.envoy} · {self.department}"


class ThankYouLetter(TimeStampedModel):
    """The thank-you letter sent after a tour, kept with the interaction that logs it."""

    invitation = models.OneToOneField(
        "events.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="thank_you_letter",
    )
    # Deleting the logged interaction deletes this record, so the letter can be logged again.
    interaction = models.OneToOneField(
        "crm.Interaction",
        verbose_name=_("logged as"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("thank-you letter")
        verbose_name_plural = _("thank-you letters")

    def __str__(self):
        return str(self.interaction)
