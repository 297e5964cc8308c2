"""Admin pages: every display of a passport or birth date is recorded; administrators review the
record, export a person's data and erase it; staff groups can do none of that."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from core.roles import VIEWERS, ensure_staff_groups
from crm.models import Person
from events.enums import RegistrationStatus, SensitiveAccessContext
from events.models import RetentionSettings, SensitiveDataAccess
from tests.factories.crm import PersonFactory
from tests.factories.events import EventFactory, RegistrationFactory
from tests.factories.staff import StaffUserFactory

pytestmark = pytest.mark.django_db

PASSPORT = "M12345678"


@pytest.fixture
def administrator(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@kcg.example", "pw")
    client.force_login(user)
    return user


def applicant(**kwargs):
    return RegistrationFactory(
        passport_number=PASSPORT, date_of_birth=datetime.date(2004, 5, 6), **kwargs
    )


def contexts(user):
    return sorted(SensitiveDataAccess.objects.filter(user=user).values_list("context", flat=True))


def test_inspect_edit_and_export_are_each_recorded_with_who_and_which_record(client, officer):
    registration = applicant()
    RegistrationFactory(event=registration.event)  # no passport, no birth date: nothing shown
    client.get(reverse("registration:inspect", args=[registration.pk]))
    client.get(reverse("registration:edit", args=[registration.pk]))
    export = client.get(reverse("registration:index"), {"export": "csv"})
    assert PASSPORT in b"".join(export.streaming_content).decode()
    assert contexts(officer) == ["edit", "export", "inspect"]
    access = SensitiveDataAccess.objects.filter(user=officer).first()
    assert (access.registration_number, access.event, access.username) == (
        registration.pk,
        registration.event,
        officer.username,
    )


def test_nothing_is_recorded_for_staff_who_are_not_shown_the_fields(client):
    ensure_staff_groups()
    viewer = StaffUserFactory(group=VIEWERS)
    client.force_login(viewer)
    registration = applicant()
    client.get(reverse("registration:inspect", args=[registration.pk]))
    client.get(reverse("registration:index"), {"export": "csv"})
    assert not SensitiveDataAccess.objects.exists()


def test_camp_participants_list_is_recorded(client, officer):
    event = EventFactory(kind="camp", takes_registrations=True)
    applicant(event=event, status=RegistrationStatus.ACCEPTED)
    response = client.get(reverse("programmes:camp_participants", args=[event.pk]))
    assert PASSPORT in response.content.decode()
    assert contexts(officer) == [SensitiveAccessContext.PARTICIPANTS]


def test_access_log_is_for_administrators_and_read_only(client, officer, django_user_model):
    applicant_registration = applicant()
    client.get(reverse("registration:inspect", args=[applicant_registration.pk]))
    # Protocol officers see passports but not who else did.
    assert client.get(reverse("sensitive_access:index")).status_code == 302
    admin = django_user_model.objects.create_superuser("admin", "a@kcg.example", "pw")
    client.force_login(admin)
    listing = client.get(reverse("sensitive_access:index"))
    assert listing.status_code == 200
    assert officer.username in listing.content.decode()
    access = SensitiveDataAccess.objects.get()
    assert client.get(reverse("sensitive_access:edit", args=[access.pk])).status_code == 302
    assert client.get(reverse("sensitive_access:delete", args=[access.pk])).status_code == 302
    assert client.post(reverse("sensitive_access:delete", args=[access.pk])).status_code == 302
    assert SensitiveDataAccess.objects.count() == 1


def test_retention_settings_are_edited_by_administrators_only(client, officer, django_user_model):
    url = reverse(
        "wagtailsettings:edit", args=["events", "retentionsettings", RetentionSettings.load().pk]
    )
    assert client.get(url).status_code == 302
    admin = django_user_model.objects.create_superuser("admin", "a@kcg.example", "pw")
    client.force_login(admin)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "sensitive_days": 14,
            "guest_needs_days": 60,
            "rejected_days": 7,
            "registration_months": 6,
        },
    )
    assert response.status_code == 302
    assert RetentionSettings.load().sensitive_days == 14
    refused = client.post(
        url,
        {
            "sensitive_days": -1,
            "guest_needs_days": 60,
            "rejected_days": 7,
            "registration_months": 0,
        },
    )
    assert refused.status_code == 200
    assert RetentionSettings.load().registration_months == 6


def test_person_page_offers_export_and_erasure_to_administrators_only(client, officer):
    person = PersonFactory()
    page = client.get(reverse("crm_person:inspect", args=[person.pk])).content.decode()
    assert reverse("person_data:export", args=[person.pk]) not in page
    assert client.get(reverse("person_data:export", args=[person.pk])).status_code == 302
    assert client.post(reverse("person_data:erase", args=[person.pk])).status_code == 302
    assert Person.objects.get(pk=person.pk).erased_at is None
    officer.user_permissions.add(Permission.objects.get(codename="export_person"))
    page = client.get(reverse("crm_person:inspect", args=[person.pk])).content.decode()
    assert reverse("person_data:export", args=[person.pk]) in page
    assert reverse("person_data:erase", args=[person.pk]) not in page


def test_export_gives_everything_held_as_json_and_records_the_passport_display(
    client, administrator
):
    person = PersonFactory(family_name="Sato", given_name="Yui", email="yui@example.org")
    registration = applicant(person=person)
    response = client.get(reverse("person_data:export", args=[person.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["person"]["family_name"] == "Sato"
    assert data["registrations"][0]["passport_number"] == PASSPORT
    assert data["registrations"][0]["id"] == registration.pk
    assert contexts(administrator) == [SensitiveAccessContext.SUBJECT_ACCESS]


def test_erase_page_confirms_then_erases(client, administrator):
    person = PersonFactory(family_name="Sato", given_name="Yui")
    applicant(person=person)
    confirm = client.get(reverse("person_data:erase", args=[person.pk]))
    assert confirm.status_code == 200
    assert "Sato" in confirm.content.decode()
    response = client.post(reverse("person_data:erase", args=[person.pk]))
    assert response.status_code == 302
    assert response.url == reverse("crm_person:inspect", args=[person.pk])
    person.refresh_from_db()
    assert (person.erased_at is not None, person.family_name) == (True, "")
    entry = ModelLogEntry.objects.get(action="events.person_erased")
    assert entry.user == administrator
    page = client.get(reverse("crm_person:inspect", args=[person.pk])).content.decode()
    assert "Sato" not in page
    assert reverse("person_data:erase", args=[person.pk]) not in page


def _accesses(count, user):
    registration = applicant()
    SensitiveDataAccess.objects.bulk_create(
        SensitiveDataAccess(
            user=user,
            username=user.username,
            context="inspect",
            registration=registration,
            registration_number=registration.pk,
            event=registration.event,
        )
        for _ in range(count)
    )


def test_access_log_list_and_export_queries_do_not_grow(
    client, administrator, django_assert_num_queries
):
    url = reverse("sensitive_access:index")
    _accesses(10, administrator)
    with CaptureQueriesContext(connection) as at_ten:
        client.get(url)
    with CaptureQueriesContext(connection) as export_at_ten:
        b"".join(client.get(url, {"export": "csv"}).streaming_content)
    _accesses(100, administrator)
    with django_assert_num_queries(len(at_ten)):
        client.get(url)
    with django_assert_num_queries(len(export_at_ten)):
        exported = b"".join(client.get(url, {"export": "csv"}).streaming_content)
    assert exported.decode().count(administrator.username) == 110


def test_recording_an_export_costs_the_same_queries_at_10_and_100_rows(
    client, officer, django_assert_num_queries
):
    event = EventFactory(takes_registrations=True)
    for _ in range(10):
        applicant(event=event)
    with CaptureQueriesContext(connection) as at_ten:
        b"".join(client.get(reverse("registration:index"), {"export": "csv"}).streaming_content)
    for _ in range(90):
        applicant(event=event)
    with django_assert_num_queries(len(at_ten)):
        b"".join(client.get(reverse("registration:index"), {"export": "csv"}).streaming_content)
    assert SensitiveDataAccess.objects.filter(context="export").count() == 110
