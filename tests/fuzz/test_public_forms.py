"""The public registration form and RSVP page under hostile input: no server error, and a
refused submission writes nothing (an accepted one writes one application, or one reply)."""

from urllib.parse import quote, urlsplit

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from cms.forms import RegistrationForm, RsvpForm
from crm.models import Person
from events.models import Event, Invitation, Registration, SensitiveDataAccess
from events.tasks import rsvp_url
from tests.factories.crm import PersonFactory
from tests.factories.events import EventFactory, InvitationFactory, taipei

from .harness import assert_not_server_error, assert_unchanged, isolated_example, table_state
from .strategies import (
    form_data,
    hostile_text,
    maybe,
    plausible_date,
    plausible_email,
    plausible_name,
    plausible_passport,
)

pytestmark = pytest.mark.django_db

WATCHED = (Registration, Invitation, Person, Event, SensitiveDataAccess)
REGISTRATION_FIELDS = {
    "family_name": maybe(plausible_name()),
    "given_name": maybe(plausible_name()),
    "native_name": maybe(plausible_name()),
    "email": maybe(plausible_email()),
    "phone": maybe(st.sampled_from(["+82 10 1234 5678", "0912345678", ""])),
    "nationality": maybe(st.sampled_from(["KR", "JP", "TW", "XX", ""])),
    "university": maybe(plausible_name()),
    "passport_number": maybe(plausible_passport()),
    "date_of_birth": maybe(plausible_date()),
    "emergency_contact_name": maybe(plausible_name()),
    "emergency_contact_phone": maybe(st.sampled_from(["+81 90 1234 5678", ""])),
    "dietary_requirements": maybe(st.just(""), max_size=2_000),
    "consent": maybe(st.just("on")),
    "website": st.one_of(st.just(""), hostile_text(max_size=20)),
}
RSVP_FIELDS = {
    "response": maybe(st.sampled_from(["accept", "decline"])),
    "companions": maybe(st.integers(-5, 10).map(str)),
    "dietary_requirements": maybe(st.just(""), max_size=2_000),
    "accessibility_needs": maybe(st.just(""), max_size=2_000),
}


@pytest.fixture
def open_event():
    """An event open for applications that asks every question and a consent."""
    year = taipei(2030, 1, 1).year
    return EventFactory(
        kind="camp",
        is_public=True,
        starts_at=taipei(year, 8, 12, 9),
        ends_at=taipei(year, 8, 17, 17),
        takes_registrations=True,
        capacity=50,
        registration_questions=[
            "nationality",
            "university",
            "passport",
            "date_of_birth",
            "emergency_contact",
            "dietary",
        ],
        consent_text="我同意。",
        consent_text_en="I agree.",
        consent_text_ja="同意します。",
        consent_text_ko="동의합니다.",
    )


@pytest.fixture
def invitation():
    return InvitationFactory(
        event=EventFactory(kind="luncheon", is_public=True),
        person=PersonFactory(),
        max_companions=2,
    )


@given(data=form_data(REGISTRATION_FIELDS))
def test_registration_form_validates_any_input_without_raising(open_event, data):
    form = RegistrationForm(open_event, data)
    if form.is_valid():
        assert set(form.registration_data()) <= set(form.fields)


@given(data=form_data(REGISTRATION_FIELDS))
def test_registration_page_answers_any_post_without_error_or_partial_write(open_event, data):
    client = Client()
    with isolated_example():
        before = table_state(WATCHED)
        count = Registration.objects.count()
        response = client.post(f"/en/register/{open_event.uid}/", data)
        assert_not_server_error(response)
        if response.status_code == 302:
            # Accepted: exactly one application, from this form, with what it was sent.
            assert Registration.objects.count() == count + 1
            saved = Registration.objects.latest("pk")
            assert saved.email.lower() == data["email"].strip().lower()
        else:
            assert_unchanged(before, WATCHED)


@given(data=form_data(RSVP_FIELDS))
def test_rsvp_form_validates_any_input_without_raising(invitation, data):
    form = RsvpForm(invitation, data)
    if form.is_valid():
        assert 0 <= form.reply()["companions"] <= invitation.max_companions


@given(data=form_data(RSVP_FIELDS))
def test_rsvp_page_answers_any_post_without_error_or_partial_write(invitation, data):
    client = Client()
    path = urlsplit(rsvp_url(invitation.token, "en")).path
    with isolated_example():
        before = table_state(WATCHED)
        response = client.post(path, data)
        assert_not_server_error(response)
        if response.status_code == 302:
            reply = Invitation.objects.get(pk=invitation.pk)
            assert reply.status in ("accepted", "declined", "waitlisted")
            assert 0 <= reply.companions <= reply.max_companions
        else:
            assert_unchanged(before, WATCHED)


# Any character may appear, the NUL byte included (PostgreSQL refuses it in a query).
@given(token=hostile_text(max_size=100))
def test_rsvp_page_with_any_address_is_not_found_not_an_error(invitation, token):
    client = Client()
    with isolated_example():
        response = client.get(f"/en/rsvp/{quote(token, safe='')}/")
        assert_not_server_error(response)
        assert response.status_code in (301, 302, 404)


# The confirmation page after applying: its signed token is the visitor's to alter.
@given(token=hostile_text(max_size=200))
def test_registration_confirmation_with_any_token_is_not_found_not_an_error(open_event, token):
    client = Client()
    with isolated_example():
        response = client.get(f"/en/register/{open_event.uid}/done/{quote(token, safe='')}/")
        assert_not_server_error(response)
        assert response.status_code in (301, 302, 404)
