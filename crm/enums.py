from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    CITY = "city", _("city or local government")
    NATIONAL_GOVERNMENT = "national_government", _("national government body")
    REPRESENTATIVE_OFFICE = "representative_office", _("representative office or embassy")
    NGO = "ngo", _("NGO or foundation")
    UNIVERSITY = "university", _("university or school")
    COMPANY = "company", _("company")
    MEDIA = "media", _("media")
    OTHER = "other", pgettext_lazy("organisation kind", "other")


class NameOrder(models.TextChoices):
    GIVEN_FIRST = "given_first", _("given name first (e.g. Brent Christensen)")
    FAMILY_FIRST = "family_first", _("family name first (Chinese, Japanese, Korean)")


class RelationshipType(models.TextChoices):
    SISTER_CITY = "sister_city", _("sister city")
    FRIENDSHIP_CITY = "friendship_city", _("friendship city")
    MOU = "mou", _("exchange or cooperation MOU")
    PARTNERSHIP = "partnership", _("partnership")
    MEMBERSHIP = "membership", _("membership")


class RelationshipStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACTIVE = "active", pgettext_lazy("relationship status", "active")
    SUSPENDED = "suspended", _("suspended")
    ENDED = "ended", _("ended")


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    COURTESY_CALL = "courtesy_call", _("courtesy call")
    LETTER = "letter", _("letter")
    CALL = "call", _("phone or video call")
    EMAIL = "email", _("e-mail")
    VISIT = "visit", _("visit")
    GIFT_GIVEN = "gift_given", _("gift given")
    GIFT_RECEIVED = "gift_received", _("gift received")


class OfficeRank(models.IntegerChoices):
    """Protocol precedence of an office; a lower number takes precedence."""

    HEAD_OF_STATE = 10, _("head of state")
    HEAD_OF_GOVERNMENT = 20, _("head of government")
    MINISTER = 30, _("minister")
    AMBASSADOR = 40, _("ambassador or representative")
    GOVERNOR = 50, _("governor")
    MAYOR = 60, _("mayor")
    LEGISLATOR = 65, _("legislator or council speaker")
    DEPUTY = 70, _("deputy (deputy mayor, deputy governor, deputy representative)")
    DIRECTOR = 80, _("director or head of department")
    DIPLOMAT = 90, _("diplomat or senior official")
    OFFICIAL = 100, _("official or staff")
    PRIVATE = 110, _("private person")


class DatePrecision(models.TextChoices):
    """How much of a stored date a source gave: the first of a year or month stands for it."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class ImportKind(models.TextChoices):
    ORGANISATIONS = "organisations", _("organisations")
    PEOPLE = "people", _("people and their positions")
    TIES = "ties", _("sister and friendship ties of the home city")


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("uploaded")
    PREVIEWING = "previewing", _("preview in progress")
    PREVIEWED = "previewed", _("previewed")
    APPLYING = "applying", _("import in progress")
    DONE = "done", _("imported")
    FAILED = "failed", _("failed")


class RowAction(models.TextChoices):
    CREATE = "create", _("create")
    UPDATE = "update", _("update")
    UNCHANGED = "unchanged", _("unchanged")
    ERROR = "error", _("error")


class Courtesy(models.TextChoices):
    """The courtesy title written before a name (Mr, 先生, 님 are the same choice)."""

    NONE = "", _("none (name and office only)")
    MR = "mr", _("Mr")
    MS = "ms", _("Ms")


class OccasionOfAddress(models.TextChoices):
    """Where a person's name is written; each has its own form of address (crm.address)."""

    ENVELOPE = "envelope", _("envelope")
    SALUTATION = "salutation", _("letter salutation")
    PLACE_CARD = "place_card", _("place card")
    BADGE = "badge", _("badge")
    ACKNOWLEDGMENT = "acknowledgment", _("acknowledgment in a speech")


class GiftDirection(models.TextChoices):
    GIVEN = "given", _("given by the city")
    RECEIVED = "received", _("received by the city")


class TermKind(models.TextChoices):
    AGENCY = "agency", _("agency")
    PLACE = "place", _("place")
    TITLE = "title", _("title")
