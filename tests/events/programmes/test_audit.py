"""A programme step an officer takes in the admin leaves an audit entry naming them, like every
other action page; the same services called by the demo loader (no user) leave none."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from events.programmes.camp.services import (
    allocate_rooms,
    assign_room,
    form_camp_groups,
    move_to_group,
)
from events.programmes.envoy_tour.services import pair_forum, set_department_areas
from tests.factories.crm import PersonFactory
from tests.factories.events import taipei
from tests.factories.programmes import accepted, camp_event

from .tours import accepted_tour, interested_tour

pytestmark = pytest.mark.django_db


def entries():
    return [
        (entry.action, entry.content_type.model, entry.object_id, entry.user_id)
        for entry in ModelLogEntry.objects.select_related("content_type").order_by("pk")
    ]


def test_camp_groups_and_rooms_record_the_officer(client, officer):
    event = camp_event()
    accepted(event, nationality="KR")

    groups = client.post(
        reverse("programmes:camp_groups", args=[event.pk]), {"buddies": [PersonFactory().pk]}
    )
    rooms = client.post(
        reverse("programmes:camp_rooms", args=[event.pk]),
        {"hotel": "Hotel Kaohsiung", "room_size": 2, "first_room": 101},
    )

    assert (groups.status_code, rooms.status_code) == (302, 302)
    assert event.room_assignments.count() == 1
    assert entries() == [
        ("wagtail.edit", "event", str(event.pk), officer.pk),
        ("wagtail.edit", "event", str(event.pk), officer.pk),
    ]


def test_envoy_interests_and_forum_pairing_record_the_officer(client, officer):
    tour, invitations = accepted_tour([0])
    ModelLogEntry.objects.all().delete()
    event = tour.event

    interests = client.post(
        reverse("programmes:tour_interests", args=[event.pk]),
        {"invitation": invitations[0].pk, "areas": [tour.areas["trade"].pk]},
    )
    forum = client.post(
        reverse("programmes:tour_forum", args=[event.pk]),
        {"starts_at": "2019-12-07 10:00", "slot_minutes": 15, "slot_count": 4},
    )

    assert (interests.status_code, forum.status_code) == (302, 302)
    assert list(invitations[0].interests.values_list("area", flat=True)) == [tour.areas["trade"].pk]
    assert entries() == [
        ("wagtail.edit", "invitation", str(invitations[0].pk), officer.pk),
        ("wagtail.edit", "event", str(event.pk), officer.pk),
    ]


def test_department_areas_record_the_officer_on_the_department(client, officer):
    tour, _invitations = accepted_tour([0])
    ModelLogEntry.objects.all().delete()
    trade = tour.departments["trade"]

    response = client.post(
        reverse("programmes:tour_departments", args=[tour.event.pk]),
        {"department": trade.pk, "areas": [tour.areas["trade"].pk]},
    )

    assert response.status_code == 302
    assert list(trade.forum_areas.values_list("area", flat=True)) == [tour.areas["trade"].pk]
    assert entries() == [("wagtail.edit", "organisation", str(trade.pk), officer.pk)]


def test_moving_a_participant_and_changing_a_room_record_the_officer(officer):
    event = camp_event()
    participant = accepted(event, nationality="KR")
    first, second = form_camp_groups(event, buddies=[PersonFactory(), PersonFactory()])
    ModelLogEntry.objects.all().delete()

    move_to_group(participant, second, user=officer)
    assign_room(participant, hotel="Hotel Kaohsiung", room="301", user=officer)

    assert entries() == [
        ("wagtail.edit", "registration", str(participant.pk), officer.pk),
        ("wagtail.edit", "registration", str(participant.pk), officer.pk),
    ]


def test_programme_steps_without_a_user_write_no_entry():
    event = camp_event()
    accepted(event)
    tour, _invitations = interested_tour()
    ModelLogEntry.objects.all().delete()

    form_camp_groups(event, buddies=[PersonFactory()])
    allocate_rooms(event, hotel="H")
    pair_forum(tour.event, starts_at=taipei(2019, 12, 7, 10))
    set_department_areas(tour.departments["trade"], [tour.areas["trade"]])
    participant = event.registrations.get()
    move_to_group(participant, event.camp_groups.last())
    assign_room(participant, hotel="H", room="1")

    assert entries() == []
