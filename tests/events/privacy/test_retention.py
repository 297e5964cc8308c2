"""Retention: each kind of personal data goes when its rule says, and nothing before."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from events.enums import RegistrationStatus
from events.models import DelegationMember, Invitation, Registration, RetentionSettings
from events.privacy.services import RULE_LABELS, apply_retention, months_before
from events.services.registrations import review_registration
from tests.factories.events import (
    DelegationMemberFactory,
    EventFactory,
    InvitationFactory,
    RegistrationFactory,
    taipei,
)

pytestmark = pytest.mark.django_db

NOW = taipei(2020, 6, 1, 12)


def ended(days_ago):
    """An event that ended `days_ago` days before NOW."""
    end = NOW - datetime.timedelta(days=days_ago)
    return EventFactory(
        starts_at=end - datetime.timedelta(hours=3), ends_at=end, takes_registrations=True
    )


def camper(event, **kwargs):
    return RegistrationFactory(
        event=event,
        passport_number="M12345678",
        date_of_birth=datetime.date(2004, 5, 6),
        dietary_requirements="no peanuts",
        **kwargs,
    )


def counts(rules):
    return {rule.key: rule.count for rule in rules}


def test_defaults_are_the_safe_side():
    rules = RetentionSettings.load()
    assert (rules.sensitive_days, rules.guest_needs_days) == (30, 90)
    assert (rules.rejected_days, rules.registration_months) == (30, 12)


def test_passports_and_birth_dates_go_after_the_set_days_and_not_before():
    old = camper(ended(31), status=RegistrationStatus.ACCEPTED)
    recent = camper(ended(29), status=RegistrationStatus.ACCEPTED)
    upcoming = camper(EventFactory(starts_at=NOW, ends_at=NOW + datetime.timedelta(days=3)))
    assert counts(apply_retention(now=NOW))["sensitive"] == 1
    old.refresh_from_db()
    assert (old.passport_number, old.date_of_birth) == ("", None)
    # The rest of the application stays until its own rule.
    assert (old.family_name, old.dietary_requirements) != ("", "")
    for kept in (recent, upcoming):
        kept.refresh_from_db()
        assert (kept.passport_number, kept.date_of_birth) == (
            "M12345678",
            datetime.date(2004, 5, 6),
        )


def test_administrator_changes_the_number_of_days():
    rules = RetentionSettings.load()
    rules.sensitive_days = 7
    rules.save()
    registration = camper(ended(8))
    apply_retention(now=NOW)
    registration.refresh_from_db()
    assert registration.passport_number == ""


def test_rejected_applications_are_anonymised_sooner_than_the_rest():
    event = ended(40)
    rejected = camper(event, status=RegistrationStatus.REJECTED)
    withdrawn = camper(event, status=RegistrationStatus.WITHDRAWN)
    accepted = camper(event, status=RegistrationStatus.ACCEPTED)
    result = counts(apply_retention(now=NOW))
    assert (result["rejected"], result["registrations"]) == (2, 0)
    for registration in (rejected, withdrawn):
        registration.refresh_from_db()
        assert registration.anonymised_at == NOW
        assert (registration.family_name, registration.given_name) == ("", "")
        assert registration.email == f"anonymised-{registration.pk}@anonymised.invalid"
        assert registration.dietary_requirements == ""
    accepted.refresh_from_db()
    assert accepted.anonymised_at is None
    assert accepted.family_name != ""


def test_applications_are_anonymised_after_the_set_months_keeping_their_counts():
    event = ended(400)
    RegistrationFactory(event=event, status=RegistrationStatus.ACCEPTED, nationality="JP")
    RegistrationFactory(event=event, status=RegistrationStatus.ACCEPTED, nationality="JP")
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, nationality="KR")
    before = sorted(Registration.objects.values_list("status", "nationality", "event_id"))
    result = counts(apply_retention(now=NOW))
    assert result["registrations"] == 3
    assert sorted(Registration.objects.values_list("status", "nationality", "event_id")) == before
    assert not Registration.objects.exclude(family_name="").exists()
    assert not Registration.objects.filter(anonymised_at__isnull=True).exists()


def test_guests_needs_and_travel_details_go_after_their_days():
    invitation = InvitationFactory(
        event=ended(91), dietary_requirements="halal", accessibility_needs="wheelchair"
    )
    member = DelegationMemberFactory(
        delegation__event=invitation.event, arrival_flight="KE2291", notes="allergic to nuts"
    )
    recent = InvitationFactory(event=ended(10), dietary_requirements="halal")
    result = counts(apply_retention(now=NOW))
    assert (result["invitation_needs"], result["member_travel"]) == (1, 1)
    invitation = Invitation.objects.get(pk=invitation.pk)
    assert (invitation.dietary_requirements, invitation.accessibility_needs) == ("", "")
    member = DelegationMember.objects.get(pk=member.pk)
    assert (member.arrival_flight, member.notes) == ("", "")
    assert Invitation.objects.get(pk=recent.pk).dietary_requirements == "halal"


def test_dry_run_reports_the_same_counts_and_changes_nothing():
    event = ended(400)
    camper(event, status=RegistrationStatus.REJECTED)
    camper(event, status=RegistrationStatus.ACCEPTED)
    InvitationFactory(event=event, dietary_requirements="halal")
    planned = counts(apply_retention(now=NOW, dry_run=True))
    assert Registration.objects.filter(anonymised_at__isnull=True).count() == 2
    assert not ModelLogEntry.objects.filter(action="events.retention_applied").exists()
    assert counts(apply_retention(now=NOW)) == planned
    assert planned == {
        "sensitive": 2,
        "invitation_needs": 1,
        "member_travel": 0,
        "rejected": 1,
        "registrations": 1,
    }


def test_a_second_run_finds_nothing_left_to_do():
    camper(ended(400), status=RegistrationStatus.REJECTED)
    apply_retention(now=NOW)
    assert set(counts(apply_retention(now=NOW)).values()) == {0}


def test_each_run_leaves_one_audit_entry_with_counts_and_no_values():
    camper(ended(400), status=RegistrationStatus.ACCEPTED)
    apply_retention(now=NOW)
    entry = ModelLogEntry.objects.get(action="events.retention_applied")
    assert entry.data["counts"]["registrations"] == 1
    assert "M12345678" not in str(entry.data)


def test_anonymising_replaces_the_name_in_the_registration_audit_labels(django_user_model):
    registration = camper(ended(400), family_name="Tanaka", given_name="Yui")
    reviewer = django_user_model.objects.create_user("reviewer")
    review_registration(registration, status=RegistrationStatus.ACCEPTED, user=reviewer)
    assert ModelLogEntry.objects.filter(label__contains="Tanaka").exists()
    apply_retention(now=NOW)
    assert not ModelLogEntry.objects.filter(label__contains="Tanaka").exists()


def test_command_reports_and_applies_and_dry_run_changes_nothing():
    registration = camper(ended(31), status=RegistrationStatus.ACCEPTED)
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert f"{RULE_LABELS['sensitive']}: 1" in out.getvalue()
    registration.refresh_from_db()
    assert registration.passport_number == "M12345678"
    call_command("apply_retention", stdout=StringIO())
    registration.refresh_from_db()
    assert registration.passport_number == ""


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2020, 3, 31, 9), 1, datetime.datetime(2020, 2, 29, 9)),
        (datetime.datetime(2020, 1, 15), 12, datetime.datetime(2019, 1, 15)),
        (datetime.datetime(2020, 1, 15), 13, datetime.datetime(2018, 12, 15)),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected
