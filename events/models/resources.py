"""Bookable resources (venues, vehicles, drivers, interpreters, VIPs) and their bookings.

Every kind of resource is a row of Resource (multi-table inheritance), so one Booking table
and one overlap rule cover them all.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.constraints import NoOverlapConstraint, TsTzRange, in_order, one_line  # noqa: F401 (0001 names TsTzRange here)
from core.models import GeoPointModel, IllustrativeModel, TimeStampedModel, geo_point_constraints
from core.validators import validate_no_control_characters, validate_visible_name
from crm.validators import validate_language_codes

from ..enums import BookingStatus, InterpretationMode, ResourceKind, VehicleKind, VenueKind


class Resource(IllustrativeModel, TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=16, choices=ResourceKind.choices, editable=False)
    # Translated through modeltranslation (events/translation.py).
    name = models.CharField(_("name"), max_length=255, validators=[validate_visible_name])
    is_active = models.BooleanField(
        _("in service"), default=True, help_text=_("Resources out of service cannot be booked.")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["kind", "name"]
        # Public pages read the newest updated_at on every cache hit (cms.models.base._latest).
        indexes = [models.Index(fields=["updated_at"], name="events_resource_updated_at")]

    def __str__(self):
        return self.name


class Venue(Resource, GeoPointModel):
    # Translated through modeltranslation.
    building = models.CharField(
        _("building"),
        max_length=255,
        blank=True,
        help_text=_("e.g. the Four Dimensions Civic Centre."),
        validators=[validate_visible_name],
    )
    venue_kind = models.CharField(_("venue kind"), max_length=16, choices=VenueKind.choices)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    equipment = models.TextField(_("equipment"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        constraints = [*geo_point_constraints()]

    def save(self, *args, **kwargs):
        self.kind = ResourceKind.VENUE
        super().save(*args, **kwargs)


class Vehicle(Resource):
    vehicle_kind = models.CharField(_("vehicle kind"), max_length=16, choices=VehicleKind.choices)
    seats = models.PositiveSmallIntegerField(_("passenger seats"))
    plate = models.CharField(_("licence plate"), max_length=16, unique=True)

    class Meta:
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")
        constraints = [
            models.CheckConstraint(
                condition=Q(seats__gte=1),
                name="events_vehicle_has_seats",
                violation_error_message=_("A vehicle needs at least one passenger seat."),
            ),
        ]

    def save(self, *args, **kwargs):
        self.kind = ResourceKind.VEHICLE
        super().save(*args, **kwargs)


class Driver(Resource):
    person = models.OneToOneField(
        "crm.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="driver"
    )

    class Meta:
        verbose_name = _("driver")
        verbose_name_plural = _("drivers")

    def save(self, *args, **kwargs):
        self.kind = ResourceKind.DRIVER
        super().save(*args, **kwargs)


class Interpreter(Resource):
    person = models.OneToOneField(
        "crm.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="interpreter"
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        validators=[validate_language_codes],
        help_text=_("Language codes the interpreter works between, e.g. zh-hant, ko."),
    )
    mode = models.CharField(
        _("mode"),
        max_length=16,
        choices=InterpretationMode.choices,
        default=InterpretationMode.CONSECUTIVE,
    )

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")

    def save(self, *args, **kwargs):
        self.kind = ResourceKind.INTERPRETER
        super().save(*args, **kwargs)


class Vip(Resource):
    """A dignitary who, like a room, cannot be in two places at once."""

    person = models.OneToOneField(
        "crm.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="vip"
    )

    class Meta:
        verbose_name = _("VIP")
        verbose_name_plural = _("VIPs")

    def save(self, *args, **kwargs):
        self.kind = ResourceKind.PERSON
        super().save(*args, **kwargs)


class BookingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=BookingStatus.CONFIRMED)

    def overlapping(self, resource, starts_at, ends_at):
        """Confirmed bookings of a resource that share any instant with [starts_at, ends_at)."""
        return self.confirmed().filter(
            resource=resource, starts_at__lt=ends_at, ends_at__gt=starts_at
        )


class Booking(TimeStampedModel):
    uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    resource = models.ForeignKey(
        Resource, verbose_name=_("resource"), on_delete=models.PROTECT, related_name="bookings"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    status = models.CharField(
        _("status"), max_length=16, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    item = models.ForeignKey(
        "events.ItineraryItem",
        verbose_name=_("itinerary item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    # The purpose is a calendar event's summary in the resource feeds: one line, like a title.
    purpose = models.CharField(
        _("purpose"), max_length=255, blank=True, validators=[validate_no_control_characters]
    )
    requested_by = models.CharField(
        _("requested by"),
        max_length=255,
        blank=True,
        help_text=_("The department or person the booking is for."),
        validators=[validate_no_control_characters],
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pickup_address = models.CharField(
        _("pick-up address"),
        max_length=255,
        blank=True,
        validators=[validate_no_control_characters],
    )
    dropoff_address = models.CharField(
        _("drop-off address"),
        max_length=255,
        blank=True,
        validators=[validate_no_control_characters],
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["resource", "starts_at"], name="events_booking_res_start"),
            # The SQLite overlap check: bookings are made ahead, so few confirmed bookings of a
            # resource end after a new one starts, however long its history.
            models.Index(
                fields=["resource", "ends_at", "starts_at"],
                condition=Q(status=BookingStatus.CONFIRMED),
                name="events_booking_res_end_live",
            ),
            # The free-resource search (events.selectors.availability): the latest confirmed
            # booking of a resource before a time, and those starting inside a window.
            models.Index(
                fields=["resource", "starts_at"],
                condition=Q(status=BookingStatus.CONFIRMED),
                name="events_booking_res_start_live",
            ),
        ]
        constraints = [
            in_order(
                "events_booking_start_before_end",
                "starts_at",
                "ends_at",
                strict=True,
                message=_("A booking must end after it starts."),
            ),
            # Half-open ranges: a booking ending at 10:00 and one starting at 10:00 do not clash.
            NoOverlapConstraint(
                name="events_booking_no_overlap",
                key="resource",
                start="starts_at",
                end="ends_at",
                condition=Q(status=BookingStatus.CONFIRMED),
                violation_error_message=_("This resource is already booked at that time."),
            ),
            one_line(
                "events_booking_texts_one_line",
                "purpose",
                "requested_by",
                "pickup_address",
                "dropoff_address",
            ),
        ]

    def __str__(self):
        return f"{self.resource} {self.starts_at:%Y-%m-%d %H:%M}"
