"""The subject-access export: everything held about one person, and nothing that acts as them."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.log_actions import log

from events.models import FeedToken, SensitiveDataAccess
from events.privacy.selectors import person_data
from tests.factories.crm import AffiliationFactory, InteractionFactory, PersonFactory
from tests.factories.events import (
    DelegationMemberFactory,
    InvitationFactory,
    RegistrationFactory,
)
from tests.factories.seating import SeatingPlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guest():
    return PersonFactory(family_name="Kim", given_name="Minji", email="minji@example.org")


def test_export_holds_every_record_that_refers_to_the_person(guest):
    AffiliationFactory(person=guest, position_title_en="Mayor")
    invitation = InvitationFactory(person=guest, dietary_requirements="halal")
    DelegationMemberFactory(person=guest, arrival_flight="KE2291")
    InteractionFactory(subject="Courtesy call").people.add(guest)
    SeatingPlanFactory(guest_of_honour=guest)
    FeedToken.objects.create(kind="person", person=guest, token_hash="f" * 64)
    data = person_data(guest)
    related = data["related"]
    assert related["crm.Affiliation"][0]["position_title_en"] == "Mayor"
    assert related["events.Invitation"][0]["dietary_requirements"] == "halal"
    assert related["events.DelegationMember"][0]["arrival_flight"] == "KE2291"
    assert related["crm.Interaction"][0]["subject"] == "Courtesy call"
    assert related["events.SeatingPlan"][0]["guest_of_honour"]["id"] == guest.pk
    # A link's secret would let the reader answer or subscribe as the guest.
    text = json.dumps(data, default=str)
    assert invitation.token not in text
    assert "f" * 64 not in text
    assert related["events.FeedToken"][0]["kind"] == "person"


def test_export_holds_applications_by_link_or_address_with_their_sensitive_fields(guest):
    RegistrationFactory(person=guest, passport_number="M12345678")
    RegistrationFactory(email="MINJI@example.org", date_of_birth=datetime.date(2001, 2, 3))
    RegistrationFactory(email="other@example.org")
    registrations = person_data(guest)["registrations"]
    assert sorted((r["passport_number"], r["date_of_birth"]) for r in registrations) == [
        ("", "2001-02-03"),
        ("M12345678", None),
    ]


def test_export_holds_the_audit_trail_and_when_staff_saw_the_passport(guest, django_user_model):
    staff = django_user_model.objects.create_user("officer")
    log(guest, "crm.edit", user=staff, data={"changes": {"email": ["", "minji@example.org"]}})
    registration = RegistrationFactory(person=guest, passport_number="M12345678")
    SensitiveDataAccess.objects.create(
        user=staff,
        username="officer",
        context="inspect",
        registration=registration,
        registration_number=registration.pk,
    )
    data = person_data(guest)
    assert [entry["action"] for entry in data["audit_log"]] == ["crm.edit"]
    assert data["audit_log"][0]["by"] == "officer"
    assert data["sensitive_data_shown"][0]["registration"] == registration.pk


def test_command_writes_the_export_and_records_the_display(guest):
    RegistrationFactory(person=guest, passport_number="M12345678")
    out = StringIO()
    call_command("export_person_data", str(guest.pk), stdout=out)
    data = json.loads(out.getvalue())
    assert data["person"]["email"] == "minji@example.org"
    access = SensitiveDataAccess.objects.get()
    assert (access.context, access.user) == ("subject_access", None)
    assert access.username


def test_command_refuses_an_unknown_person():
    with pytest.raises(CommandError):
        call_command("export_person_data", "999999", stdout=StringIO())
