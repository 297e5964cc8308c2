from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    COURTESY_VISIT = "courtesy_visit", _("courtesy visit")
    INBOUND_DELEGATION = "inbound_delegation", _("inbound delegation")
    OUTBOUND_MISSION = "outbound_mission", _("outbound mission")
    LUNCHEON = "luncheon", _("luncheon or banquet")
    CAMP = "camp", _("camp")
    TOUR = "tour", _("tour")
    FORUM = "forum", _("forum")
    MEETING = "meeting", _("meeting")
    SIGNING = "signing", _("signing ceremony")
    FESTIVAL = "festival", _("festival")
    PARTY = "party", _("party or reception")


class EventStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("event status", "draft")
    CONFIRMED = "confirmed", pgettext_lazy("event status", "confirmed")
    CANCELLED = "cancelled", pgettext_lazy("event status", "cancelled")


class Direction(models.TextChoices):
    INBOUND = "inbound", _("inbound (visitors to the city)")
    OUTBOUND = "outbound", _("outbound (the city's missions abroad)")


class MemberRole(models.TextChoices):
    HEAD = "head", _("head of delegation")
    MEMBER = "member", _("member")
    SPOUSE = "spouse", _("spouse")
    INTERPRETER = "interpreter", _("interpreter")
    STAFF = "staff", _("staff")
    SECURITY = "security", _("security")
    PRESS = "press", _("press")


class ItemKind(models.TextChoices):
    CALL = "call", _("call on an official")
    SITE_VISIT = "site_visit", _("site visit")
    MEAL = "meal", _("meal")
    CLASS = "class", _("class")
    TRANSFER = "transfer", _("transfer")
    MEETING = "meeting", _("meeting")
    CEREMONY = "ceremony", _("ceremony")
    PERFORMANCE = "performance", _("performance")
    FREE = "free", _("free time")


class ItemStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("item status", "confirmed")
    CANCELLED = "cancelled", pgettext_lazy("item status", "cancelled")


class StaffRole(models.TextChoices):
    LIAISON = "liaison", _("liaison officer")
    INTERPRETER = "interpreter", _("interpreter")
    ESCORT = "escort", _("escort")
    PHOTOGRAPHER = "photographer", _("photographer")


class InvitationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("invitation status", "pending")
    ACCEPTED = "accepted", pgettext_lazy("invitation status", "accepted")
    DECLINED = "declined", pgettext_lazy("invitation status", "declined")
    WAITLISTED = "waitlisted", pgettext_lazy("invitation status", "waitlisted")


class RegistrationStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("registration status", "submitted")
    ACCEPTED = "accepted", pgettext_lazy("registration status", "accepted")
    WAITLISTED = "waitlisted", pgettext_lazy("registration status", "waitlisted")
    REJECTED = "rejected", pgettext_lazy("registration status", "rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("registration status", "withdrawn")


class RegistrationQuestion(models.TextChoices):
    """Optional questions an event's public form can ask beyond name and e-mail."""

    NATIONALITY = "nationality", _("nationality")
    UNIVERSITY = "university", _("university")
    PASSPORT = "passport", _("passport number")
    DATE_OF_BIRTH = "date_of_birth", _("date of birth")
    EMERGENCY_CONTACT = "emergency_contact", _("emergency contact")
    DIETARY = "dietary", _("dietary requirements")


class ResourceKind(models.TextChoices):
    VENUE = "venue", _("venue")
    VEHICLE = "vehicle", _("vehicle")
    DRIVER = "driver", _("driver")
    INTERPRETER = "interpreter", _("interpreter")
    PERSON = "person", _("VIP")


class VenueKind(models.TextChoices):
    MEETING_ROOM = "meeting_room", _("meeting room")
    HALL = "hall", _("hall")
    PLAZA = "plaza", _("plaza")
    EXTERNAL = "external", _("external venue")


class VehicleKind(models.TextChoices):
    VIP_SEDAN = "vip_sedan", _("VIP sedan")
    SEDAN = "sedan", _("official sedan")
    VAN = "van", _("van")
    COACH = "coach", _("coach")


class InterpretationMode(models.TextChoices):
    CONSECUTIVE = "consecutive", _("consecutive")
    SIMULTANEOUS = "simultaneous", _("simultaneous")
    BOTH = "both", _("consecutive and simultaneous")


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("booking status", "confirmed")
    CANCELLED = "cancelled", pgettext_lazy("booking status", "cancelled")


class FeedKind(models.TextChoices):
    DELEGATION = "delegation", _("delegation programme")
    PERSON = "person", _("person's schedule")
    RESOURCE = "resource", _("venue or vehicle bookings")
    AGREEMENTS = "agreements", _("agreement renewals and anniversaries")


class SensitiveAccessContext(models.TextChoices):
    """Where a passport number or date of birth was shown to a member of staff."""

    INSPECT = "inspect", _("registration page")
    EDIT = "edit", _("edit form")
    EXPORT = "export", _("list export")
    PARTICIPANTS = "participants", _("camp participants list")
    SUBJECT_ACCESS = "subject_access", _("personal data export")


class ProposedChangeStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("proposed change", "waiting for an officer")
    CONFIRMED = "confirmed", pgettext_lazy("proposed change", "confirmed")
    IGNORED = "ignored", pgettext_lazy("proposed change", "ignored")


class MailStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("mail status", "queued")
    SENDING = "sending", pgettext_lazy("mail status", "sending")
    SENT = "sent", pgettext_lazy("mail status", "sent")
    FAILED = "failed", pgettext_lazy("mail status", "failed")
