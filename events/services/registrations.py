"""Public applications (summer camp, freshmen party): submit, review, withdraw, waiting list.

Passport numbers and dates of birth pass through here: nothing in this module logs a
registration's data, and error messages never repeat what was typed.
"""

import secrets
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from core.audit import log_if_acted

from ..checkin_codes import CHECKIN_ALPHABET, CHECKIN_LENGTH, normalise_checkin_code
from ..enums import RegistrationStatus
from ..models import Event, Registration
from ..selectors.registrations import (
    ALL_QUESTION_FIELDS,
    BASE_FIELDS,
    CONSENT_KEY,
    asked_fields,
    has_room,
    language_lacks_consent,
    registration_is_open,
    registration_name,
    required_fields,
)
from ..tasks import send_registration_mail
from ..validators import normalise_passport_number

REVIEW_STATUSES = (
    RegistrationStatus.ACCEPTED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.REJECTED,
)


def _enqueue_mail(registration, kind):
    transaction.on_commit(partial(send_registration_mail.enqueue, registration.pk, kind))


def _lock_event(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def _new_checkin_code():
    while True:
        code = "".join(secrets.choice(CHECKIN_ALPHABET) for _ in range(CHECKIN_LENGTH))
        if not Registration.objects.filter(checkin_code=code).exists():
            return code


def _accept(registration):
    registration.status = RegistrationStatus.ACCEPTED
    if not registration.checkin_code:
        registration.checkin_code = _new_checkin_code()


def _refuse_unknown_fields(data):
    unknown = sorted(set(data) - set(BASE_FIELDS) - ALL_QUESTION_FIELDS - {CONSENT_KEY})
    if unknown:
        raise ValidationError(
            gettext("The form sent fields it should not: %(fields)s."),
            code="unknown_field",
            params={"fields": ", ".join(unknown)},
        )


def _missing_answers(event, data):
    """Errors for asked questions left empty and for consent not given, by field."""
    errors = {}
    for name in sorted(required_fields(event)):
        if data.get(name) in (None, ""):
            errors[name] = [ValidationError(gettext("This question needs an answer."), "required")]
    if event.consent_text and not data.get(CONSENT_KEY):
        errors[CONSENT_KEY] = [
            ValidationError(gettext("Please agree to the terms to apply."), "consent_required")
        ]
    return errors


@transaction.atomic
def submit_registration(event, *, data, language, now=None):
    """Take a public application; waitlisted when the event is full and keeps a waiting list.

    data maps Registration field names to answers, plus "consent" (true when the applicant
    ticked the event's consent text).
    """
    now = now or timezone.now()
    event = _lock_event(event)
    if not registration_is_open(event, now=now):
        raise ValidationError(gettext("Applications for this event are closed."), code="closed")
    if language_lacks_consent(event, language):
        raise ValidationError(
            gettext("Applications in this language open once the terms are written in it."),
            code="no_consent",
        )
    _refuse_unknown_fields(data)
    full = not has_room(event)
    if full and not event.registration_waitlist:
        raise ValidationError(gettext("This event is full."), code="full")
    answers = {name: data[name] for name in asked_fields(event) if name in data}
    if "passport_number" in answers:
        answers["passport_number"] = normalise_passport_number(answers["passport_number"])
    spoken = {code for code, _name in settings.LANGUAGES}
    registration = Registration(
        event=event,
        language=language if language in spoken else settings.LANGUAGE_CODE,
        status=RegistrationStatus.WAITLISTED if full else RegistrationStatus.SUBMITTED,
        consent_given_at=now if event.consent_text and data.get(CONSENT_KEY) else None,
        **{name: value for name, value in answers.items() if value is not None},
    )
    # One answer: every problem of the form at once, missing answers and bad formats alike.
    errors = _missing_answers(event, data)
    try:
        registration.full_clean(exclude=list(errors))
    except ValidationError as invalid:
        for name, messages in invalid.error_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    registration.save()
    _enqueue_mail(registration, "received")
    return registration


@transaction.atomic
def review_registration(registration, *, status, user, note=""):
    """Accept, waitlist or reject an application; acceptance never exceeds the capacity."""
    if status not in REVIEW_STATUSES:
        raise ValidationError(
            gettext("An application can be accepted, waitlisted or rejected."),
            code="invalid_status",
        )
    event = _lock_event(registration.event)
    registration.refresh_from_db()
    if registration.status == RegistrationStatus.WITHDRAWN:
        raise ValidationError(
            gettext("The applicant has withdrawn; the application cannot be reviewed."),
            code="withdrawn",
        )
    if status == RegistrationStatus.ACCEPTED and not has_room(event, exclude=registration):
        raise ValidationError(
            gettext("The event is full (%(capacity)d places); waitlist the application instead."),
            code="full",
            params={"capacity": event.capacity},
        )
    changed = status != registration.status
    if status == RegistrationStatus.ACCEPTED:
        _accept(registration)
    else:
        registration.status = status
    registration.review_note = note
    registration.reviewed_by = user
    registration.reviewed_at = timezone.now()
    registration.full_clean()
    registration.save()
    if changed:
        _enqueue_mail(registration, status)
    log_if_acted(registration, "wagtail.edit", user=user)
    return registration


@transaction.atomic
def withdraw_registration(registration):
    """Withdraw an application; a freed place goes to the waiting list."""
    _lock_event(registration.event)
    registration.refresh_from_db()
    if registration.status == RegistrationStatus.WITHDRAWN:
        return registration
    held_place = registration.status == RegistrationStatus.ACCEPTED
    registration.status = RegistrationStatus.WITHDRAWN
    registration.save(update_fields=["status", "updated_at"])
    if held_place:
        promote_waitlist(registration.event)
    return registration


@transaction.atomic
def promote_waitlist(event):
    """Accept waitlisted applications, best review score then earliest first, while room lasts."""
    event = _lock_event(event)
    waiting = event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
        F("score").desc(nulls_last=True), "created_at", "pk"
    )
    promoted = []
    for registration in waiting:
        if not has_room(event):
            break
        _accept(registration)
        registration.save(update_fields=["status", "checkin_code", "updated_at"])
        _enqueue_mail(registration, "accepted")
        promoted.append(registration)
    return promoted


@transaction.atomic
def check_in_registration(event, code, *, now=None):
    """Check an accepted applicant in by their code (scanned or typed) at the event's door."""
    now = now or timezone.now()
    registration = (
        Registration.objects.select_for_update()
        .filter(
            event=event,
            status=RegistrationStatus.ACCEPTED,
            checkin_code=normalise_checkin_code(code),
        )
        .first()
    )
    if registration is None:
        raise ValidationError(
            gettext("No accepted application for this event has that code."), code="unknown_code"
        )
    if registration.checked_in_at is not None:
        raise ValidationError(
            gettext("%(name)s already checked in at %(time)s."),
            code="already_checked_in",
            params={
                "name": registration_name(registration),
                "time": timezone.localtime(registration.checked_in_at).strftime("%H:%M"),
            },
        )
    registration.checked_in_at = now
    registration.save(update_fields=["checked_in_at", "updated_at"])
    return registration
