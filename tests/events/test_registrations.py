import datetime
import logging

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from events.enums import RegistrationQuestion, RegistrationStatus
from events.models import Registration
from events.services.registrations import (
    CHECKIN_ALPHABET,
    check_in_registration,
    promote_waitlist,
    review_registration,
    submit_registration,
    withdraw_registration,
)
from events.validators import validate_date_of_birth, validate_passport_number
from tests.factories.events import EventFactory, RegistrationFactory, taipei

pytestmark = pytest.mark.django_db

OPEN = taipei(2019, 7, 1)
CLOSE = taipei(2019, 7, 31)
NOW = taipei(2019, 7, 10, 12)


def _camp(**fields):
    defaults = {
        "takes_registrations": True,
        "registration_opens_at": OPEN,
        "registration_closes_at": CLOSE,
        "registration_questions": [
            RegistrationQuestion.NATIONALITY,
            RegistrationQuestion.PASSPORT,
            RegistrationQuestion.DATE_OF_BIRTH,
            RegistrationQuestion.DIETARY,
        ],
        "capacity": 2,
    }
    return EventFactory(**{**defaults, **fields})


def _answers(**overrides):
    data = {
        "family_name": "Kim",
        "given_name": "Minji",
        "email": "minji@example.org",
        "nationality": "KR",
        "passport_number": "m1234 5678",
        "date_of_birth": "2000-05-01",
    }
    return {**data, **overrides}


def _submit(event, now=NOW, language="ko", **overrides):
    return submit_registration(event, data=_answers(**overrides), language=language, now=now)


def test_submit_registration_stores_the_answers(django_capture_on_commit_callbacks):
    event = _camp(title_ko="여름 캠프")

    with django_capture_on_commit_callbacks(execute=True):
        registration = _submit(event)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert (registration.family_name, registration.nationality.code) == ("Kim", "KR")
    assert registration.passport_number == "M12345678"
    assert registration.date_of_birth == datetime.date(2000, 5, 1)
    assert registration.language == "ko"
    assert registration.checkin_code is None
    assert len(mail.outbox) == 1
    assert "여름 캠프" in mail.outbox[0].subject


@pytest.mark.parametrize("now", [taipei(2019, 6, 30), CLOSE, taipei(2019, 8, 1)])
def test_submit_registration_outside_the_window_is_refused(now):
    event = _camp()

    with pytest.raises(ValidationError) as caught:
        _submit(event, now=now)

    assert caught.value.code == "closed"
    assert Registration.objects.count() == 0


def test_submit_registration_to_an_event_without_registrations_is_refused():
    event = _camp(takes_registrations=False)

    with pytest.raises(ValidationError) as caught:
        _submit(event)

    assert caught.value.code == "closed"


def test_submit_registration_requires_the_asked_questions():
    event = _camp()

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        submit_registration(
            event, data={"family_name": "Kim", "given_name": "Minji"}, language="en", now=NOW
        )

    assert sorted(caught.value.message_dict) == [
        "date_of_birth",
        "email",
        "nationality",
        "passport_number",
    ]
    assert Registration.objects.count() == 0


def test_submit_registration_drops_answers_to_questions_not_asked():
    event = _camp(registration_questions=[RegistrationQuestion.NATIONALITY])

    registration = _submit(event)

    registration.refresh_from_db()
    assert (registration.passport_number, registration.date_of_birth) == ("", None)


def test_submit_registration_refuses_fields_the_public_may_not_set():
    event = _camp()

    with pytest.raises(ValidationError) as caught:
        _submit(event, status=RegistrationStatus.ACCEPTED)

    assert caught.value.code == "unknown_field"


def test_submit_registration_requires_consent_when_the_event_asks_for_it():
    event = _camp(
        consent_text="我同意個資蒐集",
        consent_text_en="I agree.",
        consent_text_ja="同意します。",
        consent_text_ko="동의합니다.",
    )

    with pytest.raises(ValidationError) as caught:
        _submit(event)

    assert list(caught.value.message_dict) == ["consent"]
    registration = _submit(event, consent=True)
    assert registration.consent_given_at == NOW


@pytest.mark.parametrize("passport", ["12", "ABCDEFGHIJ", "M123$567"])
def test_submit_registration_refuses_a_bad_passport_without_echoing_it(passport):
    event = _camp()

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        _submit(event, passport_number=passport)

    with translation.override("en"):
        messages = caught.value.message_dict["passport_number"]
    assert messages == ["Enter the passport number as printed: 5 to 9 letters and digits."]
    assert passport not in str(caught.value)


def test_submit_registration_refuses_a_birth_date_in_the_future():
    event = _camp()

    with pytest.raises(ValidationError) as caught:
        _submit(event, date_of_birth="2999-01-01")

    assert list(caught.value.message_dict) == ["date_of_birth"]


def test_submit_registration_refuses_the_same_email_twice():
    event = _camp()
    _submit(event)

    with pytest.raises(ValidationError):
        _submit(event, passport_number="X1234567")

    assert Registration.objects.count() == 1


def test_submit_registration_when_full_goes_to_the_waitlist():
    event = _camp(capacity=1)
    RegistrationFactory(event=event, status=RegistrationStatus.ACCEPTED)

    registration = _submit(event)

    assert registration.status == RegistrationStatus.WAITLISTED


def test_submit_registration_when_full_without_waitlist_is_refused():
    event = _camp(capacity=1, registration_waitlist=False)
    RegistrationFactory(event=event, status=RegistrationStatus.ACCEPTED)

    with pytest.raises(ValidationError) as caught:
        _submit(event)

    assert caught.value.code == "full"
    assert Registration.objects.filter(event=event).count() == 1


def test_review_registration_accepts_and_issues_a_checkin_code(
    django_user_model, django_capture_on_commit_callbacks
):
    staff = django_user_model.objects.create_user("officer")
    registration = RegistrationFactory(event=_camp(), language="en")

    with django_capture_on_commit_callbacks(execute=True):
        review_registration(
            registration, status=RegistrationStatus.ACCEPTED, user=staff, note="Strong"
        )

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ACCEPTED
    assert (registration.reviewed_by, registration.review_note) == (staff, "Strong")
    assert len(registration.checkin_code) == 10
    assert set(registration.checkin_code) <= set(CHECKIN_ALPHABET)
    assert registration.checkin_code in mail.outbox[0].body


def test_checkin_codes_differ():
    event = _camp(capacity=None)
    registrations = [RegistrationFactory(event=event) for _ in range(20)]
    for registration in registrations:
        review_registration(registration, status=RegistrationStatus.ACCEPTED, user=None)

    codes = {Registration.objects.get(pk=r.pk).checkin_code for r in registrations}
    assert len(codes) == 20


def test_review_registration_accept_beyond_capacity_is_refused():
    event = _camp(capacity=1)
    RegistrationFactory(event=event, status=RegistrationStatus.ACCEPTED)
    registration = RegistrationFactory(event=event)

    with pytest.raises(ValidationError) as caught:
        review_registration(registration, status=RegistrationStatus.ACCEPTED, user=None)

    assert caught.value.code == "full"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED


def test_review_registration_refuses_a_withdrawn_application():
    registration = RegistrationFactory(event=_camp(), status=RegistrationStatus.WITHDRAWN)

    with pytest.raises(ValidationError) as caught:
        review_registration(registration, status=RegistrationStatus.ACCEPTED, user=None)

    assert caught.value.code == "withdrawn"


def test_review_registration_refuses_an_unknown_status():
    registration = RegistrationFactory(event=_camp())

    with pytest.raises(ValidationError) as caught:
        review_registration(registration, status=RegistrationStatus.WITHDRAWN, user=None)

    assert caught.value.code == "invalid_status"


def test_withdraw_registration_promotes_the_best_waitlisted(django_capture_on_commit_callbacks):
    event = _camp(capacity=1)
    holder = RegistrationFactory(event=event, status=RegistrationStatus.ACCEPTED)
    first = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    ranked = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, score=5)

    with django_capture_on_commit_callbacks(execute=True):
        withdraw_registration(holder)

    statuses = [Registration.objects.get(pk=r.pk).status for r in (holder, first, ranked)]
    assert statuses == [
        RegistrationStatus.WITHDRAWN,
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.ACCEPTED,
    ]
    assert [message.to for message in mail.outbox] == [[ranked.email]]


def test_withdraw_registration_of_a_waitlisted_application_promotes_nobody():
    event = _camp(capacity=1)
    RegistrationFactory(event=event, status=RegistrationStatus.ACCEPTED)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    other = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

    withdraw_registration(waiting)

    assert Registration.objects.get(pk=other.pk).status == RegistrationStatus.WAITLISTED


def test_promote_waitlist_fills_free_places_in_order():
    event = _camp(capacity=3)
    RegistrationFactory(event=event, status=RegistrationStatus.ACCEPTED)
    waiting = [
        RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED) for _ in range(3)
    ]

    promoted = promote_waitlist(event)

    assert [r.pk for r in promoted] == [waiting[0].pk, waiting[1].pk]
    assert Registration.objects.get(pk=waiting[2].pk).status == RegistrationStatus.WAITLISTED
    assert all(Registration.objects.get(pk=r.pk).checkin_code for r in promoted)


def test_registration_str_and_logs_hold_no_passport_or_birth_date(caplog):
    event = _camp()
    caplog.set_level(logging.DEBUG)

    registration = _submit(event, passport_number="K98765432", date_of_birth="1999-12-31")
    review_registration(registration, status=RegistrationStatus.ACCEPTED, user=None)
    withdraw_registration(registration)

    shown = str(registration) + repr(registration)
    for secret in ("K98765432", "1999-12-31", "1999"):
        assert secret not in shown
        assert secret not in caplog.text


def test_validate_passport_number_accepts_spaces_and_lower_case():
    assert validate_passport_number("ab 12-3456") is None


def test_validate_date_of_birth_refuses_today():
    from django.utils import timezone

    with pytest.raises(ValidationError):
        validate_date_of_birth(timezone.localdate())


def test_check_in_registration_by_typed_code():
    event = _camp()
    registration = RegistrationFactory(event=event)
    review_registration(registration, status=RegistrationStatus.ACCEPTED, user=None)
    registration.refresh_from_db()
    typed = f" {registration.checkin_code[:5].lower()}-{registration.checkin_code[5:]} "

    checked = check_in_registration(event, typed, now=NOW)

    assert checked.pk == registration.pk
    registration.refresh_from_db()
    assert registration.checked_in_at == NOW


def test_check_in_registration_twice_is_refused():
    event = _camp()
    registration = RegistrationFactory(event=event)
    review_registration(registration, status=RegistrationStatus.ACCEPTED, user=None)
    registration.refresh_from_db()
    check_in_registration(event, registration.checkin_code, now=NOW)

    with pytest.raises(ValidationError) as caught:
        check_in_registration(event, registration.checkin_code, now=NOW)

    assert caught.value.code == "already_checked_in"


def test_check_in_registration_refuses_a_code_of_another_event_or_a_withdrawn_applicant():
    event = _camp()
    registration = RegistrationFactory(event=event)
    review_registration(registration, status=RegistrationStatus.ACCEPTED, user=None)
    registration.refresh_from_db()

    with pytest.raises(ValidationError) as elsewhere:
        check_in_registration(_camp(), registration.checkin_code, now=NOW)
    withdraw_registration(registration)
    with pytest.raises(ValidationError) as withdrawn:
        check_in_registration(event, registration.checkin_code, now=NOW)

    assert (elsewhere.value.code, withdrawn.value.code) == ("unknown_code", "unknown_code")


def test_submit_registration_reports_missing_and_bad_answers_together():
    event = _camp()

    with pytest.raises(ValidationError) as caught:
        submit_registration(
            event,
            data=_answers(nationality="", passport_number="??", email="not-an-address"),
            language="en",
            now=NOW,
        )

    assert sorted(caught.value.message_dict) == ["email", "nationality", "passport_number"]
