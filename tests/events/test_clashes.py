"""Clash warnings: holidays here and at home, a partner's days of note, a busy principal."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from crm.models import DayOfNote
from events.clashes import clash_warnings, event_clash_warnings
from events.enums import Direction
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import DelegationFactory, EventFactory, taipei
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def korean_visit_on_chuseok():
    daegu = OrganisationFactory(country="KR", name_en="Daegu Metropolitan City")
    event = EventFactory(starts_at=taipei(2026, 9, 25, 10), ends_at=taipei(2026, 9, 25, 16))
    DelegationFactory(event=event, organisation=daegu, direction=Direction.INBOUND)
    return event, daegu


def test_clash_korean_delegation_on_chuseok_warns():
    event, _daegu = korean_visit_on_chuseok()
    warnings = event_clash_warnings(event)
    assert "2026-09-25 is a public holiday in KR: Chuseok." in warnings


def test_clash_taiwan_holiday_warns_without_a_delegation():
    warnings = clash_warnings(starts_at=taipei(2026, 10, 10, 9), ends_at=taipei(2026, 10, 10, 11))
    assert len(warnings) == 1
    assert warnings[0].startswith("2026-10-10 is a public holiday in TW")


def test_clash_ordinary_day_is_quiet():
    assert clash_warnings(starts_at=taipei(2026, 9, 9, 9), ends_at=taipei(2026, 9, 9, 11)) == []


def test_clash_partner_day_of_note_recurs_every_year():
    partner = OrganisationFactory(country="JP")
    DayOfNote.objects.create(
        organisation=partner, name="City festival", date=datetime.date(2001, 11, 3)
    )
    warnings = clash_warnings(
        starts_at=taipei(2027, 11, 2, 9),
        ends_at=taipei(2027, 11, 4, 11),
        organisations=[partner],
    )
    assert f"2027-11-03 is a day of note for {partner}: City festival." in warnings


def test_clash_principal_needed_elsewhere():
    mayor = PersonFactory()
    first = EventFactory(
        principal=mayor, starts_at=taipei(2026, 9, 9, 9), ends_at=taipei(2026, 9, 9, 12)
    )
    other = EventFactory(
        principal=mayor, starts_at=taipei(2026, 9, 9, 11), ends_at=taipei(2026, 9, 9, 13)
    )
    EventFactory(principal=mayor, starts_at=taipei(2026, 9, 9, 14), ends_at=taipei(2026, 9, 9, 15))
    warnings = event_clash_warnings(first)
    assert warnings == [f"{mayor} is also needed at {other} (2026-09-09 11:00)."]


def test_clash_shown_in_event_form_and_planner_without_blocking(client):
    event, _daegu = korean_visit_on_chuseok()
    client.force_login(protocol_officer())
    response = client.get(reverse("event:edit", args=[event.pk]))
    assert response.status_code == 200
    assert "Chuseok" in response.content.decode()
    response = client.get(reverse("visit-planner:plan", args=[event.pk]))
    assert response.status_code == 200
    # The admin speaks the officer's language; the Korean holiday keeps its English name there.
    assert any("KR" in clash and "Chuseok" in clash for clash in response.context["clashes"])
