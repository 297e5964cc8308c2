"""Clash warnings: holidays here and at home, a partner's days of note, a busy principal."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from crm.enums import OfficeRank
from crm.models import DayOfNote
from events.clashes import clash_warnings, event_clash_warnings, item_clash_warnings
from events.enums import Direction, ItemStatus
from events.models import ItineraryItem
from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import DelegationFactory, EventFactory, ItineraryItemFactory, taipei
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


def day_event(**kwargs):
    return EventFactory(starts_at=taipei(2026, 9, 9, 8), ends_at=taipei(2026, 9, 9, 20), **kwargs)


def item(event, start, end, *principals, **kwargs):
    found = ItineraryItemFactory(
        event=event, starts_at=taipei(2026, 9, 9, start), ends_at=taipei(2026, 9, 9, end), **kwargs
    )
    found.principals.set(principals)
    return found


def test_clash_item_principal_needed_at_an_overlapping_item_or_event():
    mayor, deputy = PersonFactory(), PersonFactory()
    suwon, akita = day_event(), day_event()
    banquet = item(suwon, 18, 20, mayor, deputy)
    ceremony = item(akita, 19, 20, mayor)
    item(akita, 18, 19, deputy, status=ItemStatus.CANCELLED)  # cancelled: no clash
    item(suwon, 10, 11, mayor)  # earlier the same day: no clash
    forum = EventFactory(
        principal=deputy, starts_at=taipei(2026, 9, 9, 19), ends_at=taipei(2026, 9, 9, 21)
    )
    warnings = item_clash_warnings(banquet)
    assert warnings == [
        f"{deputy} is also needed at {forum} (2026-09-09 19:00).",
        f"{mayor} is also needed at {ceremony.title} of {akita} (2026-09-09 19:00).",
    ]
    # Seen from the other side, and from the event forms.
    assert item_clash_warnings(ceremony) == [
        f"{mayor} is also needed at {banquet.title} of {suwon} (2026-09-09 18:00)."
    ]
    assert f"{mayor} is also needed at {ceremony.title} of {akita} (2026-09-09 19:00)." in (
        event_clash_warnings(suwon)
    )
    assert f"{deputy} is also needed at {banquet.title} of {suwon} (2026-09-09 18:00)." in (
        event_clash_warnings(forum)
    )


def test_clash_event_principal_is_not_a_clash_with_its_own_programme():
    mayor = PersonFactory()
    visit = day_event(principal=mayor)
    call = item(visit, 10, 11, mayor)
    assert event_clash_warnings(visit) == []
    assert item_clash_warnings(call) == []
    # Two items of the same visit at the same time both needing the mayor do clash.
    other = item(visit, 10, 12, mayor)
    assert item_clash_warnings(call) == [
        f"{mayor} is also needed at {other.title} of {visit} (2026-09-09 10:00)."
    ]


def test_clash_item_form_names_the_principal_and_warns_without_blocking(client):
    home = OrganisationFactory(is_home=True)
    mayor = AffiliationFactory(organisation=home, office_rank=OfficeRank.MAYOR).person
    clerk = AffiliationFactory(organisation=home).person  # not a principal
    first, second = day_event(), day_event()
    item(first, 18, 20, mayor)
    later = item(second, 19, 21)
    client.force_login(protocol_officer())
    url = reverse("itineraryitem:edit", args=[later.pk])
    page = client.get(url)
    choices = [pk for pk, _label in page.context["form"].fields["principals"].choices]
    assert [int(str(pk)) for pk in choices] == [mayor.pk] and clerk.pk not in choices
    later.principals.add(mayor)
    page = client.get(url)
    # The admin speaks the office's language to an officer who chose none.
    with translation.override(settings.LANGUAGE_CODE):
        expected = item_clash_warnings(later)
    assert len(expected) == 1
    assert escape(expected[0]) in page.content.decode()
    assert ItineraryItem.objects.get(pk=later.pk).principals.get() == mayor
