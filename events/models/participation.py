"""Who comes: invitations (by the office) and registrations (by the public)."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from phonenumber_field.modelfields import PhoneNumberField

from core.constraints import at_most, one_line
from core.fields import EncryptedCharField
from core.models import IllustrativeModel, TimeStampedModel
from core.tokens import hash_secret, new_secret
from core.validators import NEEDS_MAX_LENGTH, validate_visible_name

from ..enums import InvitationStatus, RegistrationStatus
from ..validators import (
    EARLIEST_BIRTH_DATE,
    validate_date_of_birth,
    validate_passport_number,
)

# Named by migration 0001, when the token itself was stored.
new_invitation_token = new_secret


def unissued_token_hash():
    # The hash of a secret nobody keeps: a new invitation's link opens nothing until one is
    # issued (Invitation.issue_token) and shown or mailed.
    return hash_secret(new_secret())


class Invitation(IllustrativeModel, TimeStampedModel):
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    person = models.ForeignKey(
        "crm.Person", verbose_name=_("guest"), on_delete=models.PROTECT, related_name="invitations"
    )
    # Only the SHA-256 of the RSVP link's secret is kept, as for feed links: a database leak or
    # a read-only login opens no guest's reply page (docs/decisions.md).
    token_hash = models.CharField(
        _("link fingerprint"),
        max_length=64,
        unique=True,
        default=unissued_token_hash,
        editable=False,
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    companions = models.PositiveSmallIntegerField(_("companions"), default=0)
    max_companions = models.PositiveSmallIntegerField(
        _("companions allowed"), default=1, help_text=_("How many companions the guest may bring.")
    )
    dietary_requirements = models.TextField(
        _("dietary requirements"),
        blank=True,
        max_length=NEEDS_MAX_LENGTH,
        validators=[MaxLengthValidator(NEEDS_MAX_LENGTH)],
    )
    accessibility_needs = models.TextField(
        _("accessibility needs"),
        blank=True,
        max_length=NEEDS_MAX_LENGTH,
        validators=[MaxLengthValidator(NEEDS_MAX_LENGTH)],
    )
    respond_by = models.DateTimeField(_("reply by"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["event", "person__family_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                name="events_invitation_one_per_person",
                violation_error_message=_("This person is already invited to the event."),
            ),
            models.CheckConstraint(
                condition=Q(companions__lte=models.F("max_companions")),
                name="events_invitation_companions_within_allowance",
                violation_error_message=_("Too many companions for this invitation."),
            ),
            at_most(
                "events_invitation_needs_length",
                NEEDS_MAX_LENGTH,
                "dietary_requirements",
                "accessibility_needs",
            ),
        ]

    def __str__(self):
        return f"{self.person} → {self.event}"

    @property
    def seat_count(self):
        # Not "seats": that name is the reverse accessor of events.Seat.invitation.
        return 1 + self.companions

    def issue_token(self):
        """Give the RSVP link a new secret (unsaved); the old link stops once this is saved.

        The secret is returned and kept on the instance as `token` for this one request or
        mail; only its hash is ever stored.
        """
        self.token = new_secret()
        self.token_hash = hash_secret(self.token)
        return self.token


class InvitationCompanion(TimeStampedModel):
    """One guest an invited person brings: named, with needs of their own, seated and printed.

    The invitation's `companions` count is the number of these rows; the RSVP service writes
    both in one transaction (numbers 1..count, no gaps).
    """

    invitation = models.ForeignKey(
        Invitation,
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="companion_guests",
    )
    number = models.PositiveSmallIntegerField(_("companion number"))
    name = models.CharField(
        _("name"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty until the guest tells us; cards then read 'Guest of …'."),
    )
    dietary_requirements = models.TextField(_("dietary requirements"), blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)

    class Meta:
        verbose_name = _("companion")
        verbose_name_plural = _("companions")
        ordering = ["invitation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "number"],
                name="events_invitationcompanion_unique_number",
                violation_error_message=_("This companion number is already used."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="events_invitationcompanion_number_positive",
                violation_error_message=_("Companions are numbered from 1."),
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The companion's name, or 'Guest of <the invited person>' while unnamed."""
        if self.name:
            return self.name
        return gettext("Guest of %(name)s") % {"name": self.invitation.person}


class Registration(IllustrativeModel, TimeStampedModel):
    # PROTECT: an event's applications (passports, birth dates) go only through
    # events.services.deletion.delete_event, which records what went.
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    family_name = models.CharField(
        _("family name"), max_length=128, validators=[validate_visible_name]
    )
    given_name = models.CharField(
        _("given name"), max_length=128, validators=[validate_visible_name]
    )
    native_name = models.CharField(
        _("name in your own script"), max_length=255, blank=True, validators=[validate_visible_name]
    )
    email = models.EmailField(_("e-mail"))
    phone = PhoneNumberField(_("phone"), blank=True)
    language = models.CharField(_("language"), max_length=16, default=settings.LANGUAGE_CODE)
    nationality = CountryField(_("nationality"), blank=True)
    university = models.CharField(
        _("university"), max_length=255, blank=True, validators=[validate_visible_name]
    )
    home_organisation = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("home city or university"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
        help_text=_("Set by staff for quotas per city or university."),
    )
    # Sensitive: visible only with events.view_sensitive_registration, never logged, every
    # display recorded (SensitiveDataAccess); encrypted at rest (core/fields.py).
    passport_number = EncryptedCharField(
        _("passport number"), max_length=32, blank=True, validators=[validate_passport_number]
    )
    date_of_birth = models.DateField(
        _("date of birth"), null=True, blank=True, validators=[validate_date_of_birth]
    )
    emergency_contact_name = models.CharField(
        _("emergency contact"), max_length=255, blank=True, validators=[validate_visible_name]
    )
    emergency_contact_phone = PhoneNumberField(_("emergency contact phone"), blank=True)
    dietary_requirements = models.TextField(
        _("dietary requirements"),
        blank=True,
        max_length=NEEDS_MAX_LENGTH,
        validators=[MaxLengthValidator(NEEDS_MAX_LENGTH)],
    )
    consent_given_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.SUBMITTED,
    )
    score = models.SmallIntegerField(
        _("review score"), null=True, blank=True, help_text=_("Higher ranks first in review.")
    )
    review_note = models.TextField(_("review note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    person = models.ForeignKey(
        "crm.Person",
        verbose_name=_("person on record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    checkin_code = models.CharField(
        _("check-in code"), max_length=16, unique=True, null=True, blank=True, editable=False
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    # Set when retention or an erasure request blanked the applicant's personal fields; the
    # row stays, so the counts of applications by country and outcome do not change.
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at"]
        permissions = [
            ("view_sensitive_registration", _("Can see passport numbers and dates of birth")),
        ]
        constraints = [
            # DUP@example.org is the same mailbox as dup@example.org.
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~Q(status=RegistrationStatus.WITHDRAWN),
                name="events_registration_one_per_email",
                violation_error_message=_("This e-mail address has already applied."),
            ),
            models.CheckConstraint(
                condition=Q(date_of_birth__isnull=True) | Q(date_of_birth__gte=EARLIEST_BIRTH_DATE),
                name="events_registration_birth_date_plausible",
                violation_error_message=_("Enter a date of birth from 1900-01-01 on."),
            ),
            one_line("events_registration_names_one_line", "family_name", "given_name"),
            at_most("events_registration_needs_length", NEEDS_MAX_LENGTH, "dietary_requirements"),
        ]

    def __str__(self):
        if self.anonymised_at:
            return gettext("Anonymised application #%(number)s → %(event)s") % {
                "number": self.pk,
                "event": self.event,
            }
        return f"{self.given_name} {self.family_name} → {self.event}"
