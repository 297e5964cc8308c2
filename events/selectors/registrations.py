"""Public registrations: the question specification and the reads built on it.

The public form (cms) renders what `asked_fields` and `OPTIONAL_FIELDS` say; the service
(services/registrations.py) checks the answers against the same specification, and
`registration_state` tells both whether an event takes applications now.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.utils import timezone

from crm import names

from ..enums import EventStatus, RegistrationQuestion, RegistrationStatus
from ..validators import consent_missing_in

# Asked of every applicant.
BASE_FIELDS = ("family_name", "given_name", "native_name", "email", "phone")
# Fields behind each optional question; an unasked question's answer is not stored.
QUESTION_FIELDS = {
    RegistrationQuestion.NATIONALITY: ("nationality",),
    RegistrationQuestion.UNIVERSITY: ("university",),
    RegistrationQuestion.PASSPORT: ("passport_number",),
    RegistrationQuestion.DATE_OF_BIRTH: ("date_of_birth",),
    RegistrationQuestion.EMERGENCY_CONTACT: ("emergency_contact_name", "emergency_contact_phone"),
    RegistrationQuestion.DIETARY: ("dietary_requirements",),
}
# Asked but never required: not everyone has a name in another script or a phone, and
# "no special needs" is an answer.
OPTIONAL_FIELDS = {"native_name", "phone", "dietary_requirements"}
# Forms may send every question's field; answers to unasked ones are dropped, not refused.
ALL_QUESTION_FIELDS = {name for fields in QUESTION_FIELDS.values() for name in fields}
# The form's key for "I agree to the event's consent text".
CONSENT_KEY = "consent"


@dataclass(frozen=True)
class RegistrationState:
    # "none", "not_yet", "open", "waitlist", "closed", "full" or "no_consent" (the consent
    # text is missing in the reader's language)
    status: str
    opens_at: object = None
    closes_at: object = None

    @property
    def is_open(self):
        return self.status in ("open", "waitlist")


def asked_fields(event):
    """The Registration fields an event's public form asks for, in form order."""
    fields = list(BASE_FIELDS)
    for question in event.registration_questions or []:
        fields.extend(QUESTION_FIELDS.get(question, ()))
    return fields


def required_fields(event):
    """The asked fields an applicant must answer."""
    return set(asked_fields(event)) - OPTIONAL_FIELDS


def language_lacks_consent(event, language):
    """True when the event's consent text is written, but not in this language."""
    return any(language.lower().startswith(code) for code in consent_missing_in(event))


def registration_is_open(event, *, now=None):
    """Whether the event takes applications at this moment (full or not)."""
    now = now or timezone.now()
    return (
        event.takes_registrations
        and event.status != EventStatus.CANCELLED
        and (event.registration_opens_at is None or event.registration_opens_at <= now)
        and (event.registration_closes_at is None or now < event.registration_closes_at)
    )


def has_room(event, *, exclude=None):
    """Whether one more applicant can be accepted: fewer accepted than the capacity, if any.

    exclude leaves one registration out of the count (the one under review).
    """
    if event.capacity is None:
        return True
    accepted = event.registrations.filter(status=RegistrationStatus.ACCEPTED)
    if exclude is not None:
        accepted = accepted.exclude(pk=exclude.pk)
    return accepted.count() < event.capacity


def registration_state(event, *, now=None, language=None):
    """Whether the public can apply now: none, not_yet, open, waitlist, closed or full.

    With a language: "no_consent" while the consent text is missing in it (never shown in
    another language instead).
    """
    if not event.takes_registrations or event.status == EventStatus.CANCELLED:
        return RegistrationState("none")
    if language and language_lacks_consent(event, language):
        return RegistrationState("no_consent")
    now = now or timezone.now()
    state = {"opens_at": event.registration_opens_at, "closes_at": event.registration_closes_at}
    if event.registration_opens_at and now < event.registration_opens_at:
        return RegistrationState("not_yet", **state)
    if not registration_is_open(event, now=now):
        return RegistrationState("closed", **state)
    if not has_room(event):
        # The service waitlists applications to a full event that keeps a waiting list.
        return RegistrationState("waitlist" if event.registration_waitlist else "full", **state)
    return RegistrationState("open", **state)


def name_holder(registration):
    """The registration's name as crm.names expects it (the person on record if linked)."""
    if registration.person_id:
        return registration.person
    return SimpleNamespace(
        family_name=registration.family_name,
        given_name=registration.given_name,
        native_name=registration.native_name,
        chinese_name="",
        honorific="",
        courtesy_title="",
        name_order=names.infer_name_order(
            native_name=registration.native_name, country=registration.nationality
        ),
    )


def registration_name(registration):
    """An applicant's name in Latin letters, family name first for CJK names."""
    return names.format_name(name_holder(registration))
