import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.constraints import in_order, one_line
from core.models import GeoPointModel, IllustrativeModel, TimeStampedModel, geo_point_constraints
from core.validators import validate_visible_name

from ..enums import (
    Direction,
    EventKind,
    EventStatus,
    ItemKind,
    ItemStatus,
    MemberRole,
    StaffRole,
)
from ..validators import validate_consent_languages, validate_within_event


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True).exclude(status=EventStatus.DRAFT)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")

    def in_year(self, year):
        return self.filter(starts_at__year=year)


class Event(IllustrativeModel, TimeStampedModel):
    uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Rises when time, place or status change."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    # Translated through modeltranslation (events/translation.py).
    title = models.CharField(_("title"), max_length=255, validators=[validate_visible_name])
    summary = models.TextField(_("public summary"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Shown as whole days, without times.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Published on the public site and public feeds.")
    )
    host_organisation = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_events",
    )
    organisations = models.ManyToManyField(
        "crm.Organisation",
        verbose_name=_("related organisations"),
        blank=True,
        related_name="events",
    )
    relationships = models.ManyToManyField(
        "crm.Relationship",
        verbose_name=_("related agreements"),
        blank=True,
        related_name="events",
        help_text=_("e.g. the Suwon agreement signed at the 2019 luncheon."),
    )
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("main venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    location = models.CharField(
        _("location"),
        max_length=255,
        blank=True,
        help_text=_("Where, if not a venue on record."),
        validators=[validate_visible_name],
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_events",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats for guests; empty for no limit.")
    )
    takes_registrations = models.BooleanField(_("takes registrations"), default=False)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    registration_waitlist = models.BooleanField(
        _("keep a waiting list"),
        default=True,
        help_text=_("When the event is full, take further applications onto a waiting list."),
    )
    registration_questions = models.JSONField(
        _("registration questions"),
        default=list,
        blank=True,
        help_text=_("Which optional questions the public form asks."),
    )
    # Translated through modeltranslation.
    consent_text = models.TextField(_("consent text"), blank=True)
    principal = models.ForeignKey(
        "crm.Person",
        verbose_name=_("principal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The mayor or deputy mayor whose presence the event needs."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        # Public pages read the newest updated_at on every cache hit (cms.models.base._latest).
        indexes = [models.Index(fields=["updated_at"], name="events_event_updated_at")]
        constraints = [
            in_order(
                "events_event_start_before_end",
                "starts_at",
                "ends_at",
                message=_("The event cannot end before it starts."),
            ),
            in_order(
                "events_event_registration_opens_before_close",
                "registration_opens_at",
                "registration_closes_at",
                nullable=("registration_opens_at", "registration_closes_at"),
                message=_("Registration cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        validate_consent_languages(self)

    @property
    def local_date(self):
        """The day the event starts on, in the office's time zone."""
        return timezone.localdate(self.starts_at)


class DelegationQuerySet(models.QuerySet):
    def inbound(self):
        return self.filter(direction=Direction.INBOUND)


class Delegation(IllustrativeModel, TimeStampedModel):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="delegations"
    )
    name = models.CharField(_("name"), max_length=255, validators=[validate_visible_name])
    direction = models.CharField(
        _("direction"), max_length=16, choices=Direction.choices, default=Direction.INBOUND
    )
    organisation = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="delegations",
        help_text=_("Who sends an inbound delegation, or whom an outbound one visits."),
    )
    declared_size = models.PositiveIntegerField(
        _("number of visitors"),
        null=True,
        blank=True,
        help_text=_("Head count when not every member is on record; otherwise members count."),
    )
    hotel = models.CharField(
        _("hotel"), max_length=255, blank=True, validators=[validate_visible_name]
    )
    home_timezone = models.CharField(
        _("home time zone"),
        max_length=64,
        blank=True,
        help_text=_("e.g. Asia/Seoul; calendars add the home time to each item."),
    )
    notes = models.TextField(_("private notes"), blank=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["event__starts_at", "name"]
        # The name is the delegation's calendar's name.
        constraints = [one_line("events_delegation_name_one_line", "name")]

    def __str__(self):
        return self.name


class DelegationMember(TimeStampedModel):
    delegation = models.ForeignKey(
        Delegation, verbose_name=_("delegation"), on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        "crm.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="delegation_memberships",
    )
    role = models.CharField(
        _("role"), max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    arrival_at = models.DateTimeField(_("arrival"), null=True, blank=True)
    arrival_flight = models.CharField(_("arrival flight"), max_length=16, blank=True)
    arrival_airport = models.CharField(_("arrival airport"), max_length=8, blank=True)
    departure_at = models.DateTimeField(_("departure"), null=True, blank=True)
    departure_flight = models.CharField(_("departure flight"), max_length=16, blank=True)
    departure_airport = models.CharField(_("departure airport"), max_length=8, blank=True)
    notes = models.TextField(_("private notes"), blank=True)

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["delegation", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "person"],
                name="events_delegationmember_once_per_delegation",
                violation_error_message=_("This person is already a member of the delegation."),
            ),
            in_order(
                "events_delegationmember_arrival_before_departure",
                "arrival_at",
                "departure_at",
                nullable=("arrival_at", "departure_at"),
                message=_("Departure cannot be before arrival."),
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class ItineraryItemQuerySet(models.QuerySet):
    def on_date(self, date):
        return self.filter(starts_at__date=date)

    def confirmed(self):
        return self.filter(status=ItemStatus.CONFIRMED)


class ItineraryItem(GeoPointModel, TimeStampedModel):
    uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ItemKind.choices)
    # Translated through modeltranslation.
    title = models.CharField(_("title"), max_length=255, validators=[validate_visible_name])
    public_description = models.TextField(_("public description"), blank=True)
    private_notes = models.TextField(_("private notes"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    status = models.CharField(
        _("status"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.CONFIRMED
    )
    is_public = models.BooleanField(
        _("published"),
        default=False,
        help_text=_(
            "Shown on the public event page and in public calendars. Items are private until "
            "published on purpose."
        ),
    )
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
    )
    address = models.CharField(
        _("address"), max_length=255, blank=True, help_text=_("Where, if not a venue on record.")
    )
    members = models.ManyToManyField(
        DelegationMember, verbose_name=_("delegation members"), blank=True, related_name="items"
    )
    people = models.ManyToManyField(
        "crm.Person", verbose_name=_("other participants"), blank=True, related_name="items"
    )
    # Whose presence the item needs (the mayor at the banquet, a deputy mayor at the visit):
    # the clash warnings check them against other items and events (events/clashes.py).
    principals = models.ManyToManyField(
        "crm.Person",
        verbose_name=_("principals"),
        blank=True,
        related_name="principal_items",
        help_text=_("The mayor or deputy mayors whose presence the item needs."),
    )

    objects = ItineraryItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("itinerary item")
        verbose_name_plural = _("itinerary items")
        ordering = ["starts_at", "pk"]
        # Public pages read the newest updated_at on every cache hit (cms.models.base._latest).
        indexes = [models.Index(fields=["updated_at"], name="events_item_updated_at")]
        constraints = [
            in_order(
                "events_itineraryitem_start_before_end",
                "starts_at",
                "ends_at",
                message=_("The item cannot end before it starts."),
            ),
            *geo_point_constraints(),
        ]

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%Y-%m-%d %H:%M} {self.title}"

    def clean(self):
        super().clean()
        if self.event_id and self.starts_at and self.ends_at:
            validate_within_event(self.event, self.starts_at, self.ends_at)


class ItineraryStaff(models.Model):
    item = models.ForeignKey(
        ItineraryItem,
        verbose_name=_("itinerary item"),
        on_delete=models.CASCADE,
        related_name="staff",
    )
    person = models.ForeignKey(
        "crm.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="staff_duties",
    )
    role = models.CharField(_("role"), max_length=16, choices=StaffRole.choices)
    language_from = models.CharField(_("from language"), max_length=16, blank=True)
    language_to = models.CharField(_("into language"), max_length=16, blank=True)

    class Meta:
        verbose_name = _("assigned staff")
        verbose_name_plural = _("assigned staff")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "person", "role"],
                name="events_itinerarystaff_once_per_role",
                violation_error_message=_("This person already has this duty on the item."),
            ),
            models.CheckConstraint(
                condition=~Q(role=StaffRole.INTERPRETER)
                | (~Q(language_from="") & ~Q(language_to="")),
                name="events_itinerarystaff_interpreter_has_languages",
                violation_error_message=_("An interpreter needs both languages of the pair."),
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"
