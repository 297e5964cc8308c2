"""The envoys' tour page: the officer's path through it, its queries and its manifests' language."""

from collections import Counter

import pytest
from django.urls import reverse

from crm.enums import InteractionKind, OfficeRank, OrganisationKind
from crm.models import Interaction
from events.programmes.envoy_tour.selectors import forum_table, transport_manifests
from events.programmes.envoy_tour.services import (
    invite_envoys,
    pair_forum,
    plan_tour_transport,
    plan_transfer,
    set_department_areas,
    set_envoy_interests,
)
from events.services.invitations import respond_to_invitation
from tests.events.programmes.tours import accepted_tour
from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import (
    DriverFactory,
    InterpreterFactory,
    VehicleFactory,
    taipei,
)
from tests.factories.programmes import accept_invitation, build_tour

pytestmark = pytest.mark.django_db


def test_envoy_tour_officers_path_end_to_end(client, officer):
    """Invite, RSVP with spouses and staff, manifests, interpreters, forum, follow-ups."""
    tour = build_tour(envoys=4, languages=["en", "ja", "en", "ko"])
    event = tour.event
    url = reverse("programmes:tour", args=[event.pk])
    coach, van = VehicleFactory(seats=6), VehicleFactory(seats=6)
    drivers = [DriverFactory(), DriverFactory()]
    japanese = InterpreterFactory(languages=["zh-hant", "ja"])
    korean = InterpreterFactory(languages=["zh-hant", "ko"])

    client.post(reverse("programmes:tour_invite", args=[event.pk]), {"max_companions": 2})
    invitations = list(event.invitations.order_by("person__family_name"))
    assert [i.person for i in invitations] == tour.envoys
    for invitation, companions in zip(invitations, [2, 1, 0, 2]):
        respond_to_invitation(
            invitation, accept=True, companions=companions, now=taipei(2019, 11, 20)
        )

    client.post(
        reverse("programmes:tour_transport", args=[event.pk]),
        {
            "vehicles": [coach.pk, van.pk],
            "drivers": [drivers[0].pk, drivers[1].pk],
            "pickup_address": "Ambassador Hotel",
        },
    )
    client.post(reverse("programmes:tour_interpreters", args=[event.pk]))
    for slug, department in tour.departments.items():
        client.post(
            reverse("programmes:tour_departments", args=[event.pk]),
            {"department": department.pk, "areas": [tour.areas[slug].pk]},
        )
    for invitation in invitations:
        client.post(
            reverse("programmes:tour_interests", args=[event.pk]),
            {"invitation": invitation.pk, "areas": [tour.areas["trade"].pk]},
        )
    client.post(
        reverse("programmes:tour_forum", args=[event.pk]),
        {"starts_at": "2019-12-07 10:00", "slot_minutes": 15, "slot_count": 4},
    )
    client.post(reverse("programmes:tour_follow_ups", args=[event.pk]), {"on": "2019-12-10"})

    page = client.get(url)
    assert page.status_code == 200
    manifests = page.context["manifests"]
    # Every traveller (4 envoys, 5 companions) exactly once on each leg, no vehicle overfull.
    everyone = Counter({(i.pk, c): 1 for i in invitations for c in range(i.seat_count)})
    for leg in manifests:
        seated = Counter((t.invitation.pk, t.companion) for v in leg.vehicles for t in v.travellers)
        assert seated == everyone
        assert all(len(v.travellers) <= v.transport.vehicle.seats for v in leg.vehicles)
        assert [v.transport.driver for v in leg.vehicles] == drivers
        assert {v.transport.pickup_address for v in leg.vehicles} == {"Ambassador Hotel"}
    assert len(manifests) == 2
    duties = sorted((d.language_to, d.person.pk) for d in page.context["interpreters"])
    assert duties == [("ja", japanese.person.pk), ("ko", korean.person.pk)]
    forum = forum_table(event)
    assert [d.pk for d in forum.departments] == [tour.departments["trade"].pk]
    assert [row["cells"][0].envoy for row in forum.rows] == tour.envoys
    assert Interaction.objects.filter(kind=InteractionKind.LETTER).count() == 4
    assert Interaction.objects.filter(kind=InteractionKind.MEETING).count() == 4
    html = page.content.decode()
    assert "Ambassador Hotel" in html
    assert str(coach.plate) in html


def test_tour_page_query_count_constant(officer, assert_listing_queries_constant):
    tour = build_tour(envoys=0)
    event = tour.event
    offices = [OrganisationFactory(kind=OrganisationKind.REPRESENTATIVE_OFFICE)]

    def fill(count):
        start = event.invitations.count()
        for index in range(count):
            person = PersonFactory(family_name=f"E{start + index:03d}")
            AffiliationFactory(
                person=person, organisation=offices[0], office_rank=OfficeRank.AMBASSADOR
            )
        invitations = invite_envoys(event, max_companions=1)
        for invitation in invitations:
            accept_invitation(invitation, 0)
            set_envoy_interests(invitation, [tour.areas["trade"]])
        set_department_areas(tour.departments["trade"], [tour.areas["trade"]])
        vehicles = [VehicleFactory(seats=50) for _ in range(3)]
        plan_tour_transport(event, vehicles=vehicles)
        pair_forum(event, starts_at=taipei(2019, 12, 7, 10), slot_minutes=5, slot_count=100)

    assert_listing_queries_constant(
        reverse("programmes:tour", args=[event.pk]), "invitations", fill
    )
    assert len(transport_manifests(event)[0].vehicles) == 2


def test_manifest_language_is_chosen_on_the_tour_page_not_the_admin_language(client, officer):
    tour, invitations = accepted_tour([0])
    envoy = invitations[0].person
    envoy.chinese_name = "酈英傑"
    envoy.save()
    plan_transfer(tour.legs[0], vehicles=[VehicleFactory(seats=6)])
    url = reverse("programmes:tour", args=[tour.event.pk])

    office = client.get(url).context["manifests"][0].vehicles[0].travellers[0].label
    english = client.get(url, {"manifest_language": "en"})

    assert "酈英傑" in office
    label = english.context["manifests"][0].vehicles[0].travellers[0].label
    assert "酈英傑" not in label and envoy.family_name in label
