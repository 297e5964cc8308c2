"""A registration form cannot open while its consent text is missing in a site language."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from events.selectors.registrations import registration_state
from events.services.registrations import submit_registration
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def _event(**texts):
    return EventFactory(takes_registrations=True, is_public=True, **texts)


def test_event_with_consent_text_missing_in_two_languages_is_refused():
    event = _event(consent_text="我同意。", consent_text_en="I agree.")

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        event.full_clean()

    errors = refused.value.message_dict
    assert sorted(errors) == ["consent_text_ja", "consent_text_ko"]
    assert errors["consent_text_ja"] == [
        "The registration form is offered in 日本語 too: write the consent text in 日本語, "
        "or the form cannot open."
    ]


def test_event_with_consent_text_in_every_language_or_none_is_accepted():
    _event(
        consent_text="我同意。",
        consent_text_en="I agree.",
        consent_text_ja="同意します。",
        consent_text_ko="동의합니다.",
    ).full_clean()
    _event().full_clean()
    # Not taking registrations: drafts of the terms may be incomplete.
    EventFactory(takes_registrations=False, consent_text="我同意。").full_clean()


def test_registration_state_is_no_consent_only_in_the_language_lacking_it():
    event = _event(
        consent_text="我同意。", consent_text_en="I agree.", consent_text_ja="同意します。"
    )

    assert registration_state(event, language="ko").status == "no_consent"
    assert registration_state(event, language="ja").status == "open"


def test_submit_registration_in_a_language_lacking_consent_writes_nothing():
    event = _event(consent_text="我同意。", consent_text_en="I agree.")
    data = {"family_name": "Sato", "given_name": "Yui", "email": "yui@example.org", "consent": True}

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        submit_registration(event, data=data, language="ja")

    assert refused.value.messages == [
        "Applications in this language open once the terms are written in it."
    ]
    assert event.registrations.count() == 0
