"""The envoys' tour: invitations, manifests, interpreters, forum pairing and follow-ups."""

import datetime
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from core.roles import PROTOCOL_OFFICERS, ensure_staff_groups
from crm.enums import Courtesy, InteractionKind, NameOrder, OfficeRank, OrganisationKind, TermKind
from crm.models import GlossaryTerm, Interaction
from events.enums import BookingStatus, InvitationStatus, StaffRole
from events.exceptions import BookingConflict
from events.models import Booking, ForumMeeting, ItineraryStaff, ManifestEntry
from events.programmes.envoy_tour.selectors import envoys_as_of, forum_table, transport_manifests
from events.programmes.envoy_tour.services import (
    assign_interpreters,
    invite_envoys,
    pair_forum,
    plan_tour_transport,
    plan_transfer,
    record_tour_follow_ups,
    set_department_areas,
    set_envoy_interests,
)
from events.services.invitations import respond_to_invitation
from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import (
    BookingFactory,
    DriverFactory,
    InterpreterFactory,
    VehicleFactory,
    taipei,
)
from tests.factories.programmes import accept_invitation, build_tour
from tests.factories.staff import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    ensure_staff_groups()
    user = StaffUserFactory(group=PROTOCOL_OFFICERS)
    client.force_login(user)
    return user


def accepted_tour(companions, **kwargs):
    """A tour whose envoys have all accepted, envoy n with companions[n] spouse and staff."""
    tour = build_tour(envoys=len(companions), **kwargs)
    invitations = invite_envoys(tour.event, max_companions=3)
    invitations = [accept_invitation(i, n) for i, n in zip(invitations, companions)]
    return tour, invitations


def travellers_per_leg(event):
    """{leg pk: Counter of (invitation pk, companion)} from the manifests."""
    legs = {}
    for entry in ManifestEntry.objects.filter(item__event=event):
        legs.setdefault(entry.item_id, Counter())[(entry.invitation_id, entry.companion)] += 1
    return legs


def test_envoys_are_heads_of_representative_offices_on_the_date():
    tour = build_tour(envoys=2)
    deputy = PersonFactory()
    AffiliationFactory(
        person=deputy,
        organisation=OrganisationFactory(kind=OrganisationKind.REPRESENTATIVE_OFFICE),
        office_rank=OfficeRank.DEPUTY,
    )
    mayor = PersonFactory()
    AffiliationFactory(person=mayor, office_rank=OfficeRank.AMBASSADOR)  # a city, not an office
    former = PersonFactory()
    AffiliationFactory(
        person=former,
        organisation=OrganisationFactory(kind=OrganisationKind.REPRESENTATIVE_OFFICE),
        office_rank=OfficeRank.AMBASSADOR,
        end_date=datetime.date(2019, 6, 30),
    )

    assert envoys_as_of(datetime.date(2019, 12, 6)) == tour.envoys


def test_invite_envoys_invites_each_once():
    tour = build_tour(envoys=3)

    first = invite_envoys(tour.event, max_companions=2)
    again = invite_envoys(tour.event)

    assert [i.person for i in first] == tour.envoys
    assert again == []
    assert [i.max_companions for i in first] == [2, 2, 2]


def test_rsvp_with_spouse_and_staff_counts_companions():
    tour = build_tour(envoys=1)
    (invitation,) = invite_envoys(tour.event, max_companions=2)

    respond_to_invitation(invitation, accept=True, companions=2, now=taipei(2019, 11, 1))

    invitation.refresh_from_db()
    assert (invitation.status, invitation.seat_count) == (InvitationStatus.ACCEPTED, 3)
    with pytest.raises(ValidationError):
        respond_to_invitation(invitation, accept=True, companions=3, now=taipei(2019, 11, 1))


def test_plan_transfer_seats_everyone_once_and_keeps_parties_together():
    tour, invitations = accepted_tour([2, 3, 0, 1])  # 10 travellers
    van, sedan, spare = VehicleFactory(seats=7), VehicleFactory(seats=4), VehicleFactory(seats=8)
    drivers = [DriverFactory(), DriverFactory(), DriverFactory()]
    leg = tour.legs[0]

    planned = plan_transfer(leg, vehicles=[van, sedan, spare], drivers=drivers)

    # Parties in protocol order: 3 + 4 fill the van, 1 + 2 go in the sedan, the spare stays.
    assert [t.vehicle for t in planned] == [van, sedan]
    loads = {t.vehicle_id: sorted(p.invitation_id for p in t.passengers.all()) for t in planned}
    assert loads[van.pk] == sorted([invitations[0].pk] * 3 + [invitations[1].pk] * 4)
    assert loads[sedan.pk] == sorted([invitations[2].pk] + [invitations[3].pk] * 2)
    assert travellers_per_leg(tour.event) == {
        leg.pk: Counter({(i.pk, c): 1 for i in invitations for c in range(i.seat_count)})
    }
    booked = Booking.objects.filter(item=leg, status=BookingStatus.CONFIRMED)
    assert sorted(booked.values_list("resource", flat=True)) == sorted(
        [van.pk, sedan.pk, drivers[0].pk, drivers[1].pk]
    )
    assert [t.driver for t in planned] == drivers[:2]
    assert [t.pickup_at for t in planned] == [leg.starts_at, leg.starts_at]


def test_plan_transfer_splits_a_party_too_big_for_any_vehicle():
    tour, invitations = accepted_tour([3, 3])  # 8 travellers
    cars = [VehicleFactory(seats=4), VehicleFactory(seats=3), VehicleFactory(seats=2)]

    planned = plan_transfer(tour.legs[0], vehicles=cars)

    assert [t.passengers.count() for t in planned] == [4, 3, 1]
    assert all(t.passengers.count() <= t.vehicle.seats for t in planned)
    assert sum(travellers_per_leg(tour.event)[tour.legs[0].pk].values()) == 8


def test_plan_transfer_refuses_too_few_seats_and_writes_nothing():
    tour, _invitations = accepted_tour([3, 3])

    with pytest.raises(ValidationError) as refused:
        plan_transfer(tour.legs[0], vehicles=[VehicleFactory(seats=7)])

    assert refused.value.code == "too_few_seats"
    assert ManifestEntry.objects.count() == 0
    assert Booking.objects.count() == 0


def test_plan_transfer_again_replaces_the_leg_and_frees_old_bookings():
    tour, _invitations = accepted_tour([1, 1])
    first, second = VehicleFactory(seats=8), VehicleFactory(seats=8)
    plan_transfer(tour.legs[0], vehicles=[first])

    plan_transfer(tour.legs[0], vehicles=[second])

    assert list(tour.legs[0].transport.values_list("vehicle", flat=True)) == [second.pk]
    statuses = dict(Booking.objects.values_list("resource", "status"))
    assert statuses == {first.pk: BookingStatus.CANCELLED, second.pk: BookingStatus.CONFIRMED}


def test_plan_transfer_clash_books_nothing():
    tour, _invitations = accepted_tour([1])
    busy = VehicleFactory(seats=8)
    leg = tour.legs[0]
    BookingFactory(resource=busy, starts_at=leg.starts_at, ends_at=leg.ends_at)

    with pytest.raises(BookingConflict):
        plan_tour_transport(tour.event, vehicles=[busy])

    assert ManifestEntry.objects.count() == 0
    assert Booking.objects.count() == 1


def test_manifest_constraints_refuse_a_traveller_twice_and_a_seat_twice():
    tour, (invitation,) = accepted_tour([1])
    (transport,) = plan_transfer(tour.legs[0], vehicles=[VehicleFactory(seats=4)])
    leg = tour.legs[0]

    with pytest.raises(IntegrityError), transaction.atomic():
        ManifestEntry.objects.create(
            item=leg, transport=transport, invitation=invitation, companion=0, seat=3
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ManifestEntry.objects.create(
            item=leg, transport=transport, invitation=invitation, companion=2, seat=1
        )


def test_manifest_entry_refuses_a_seat_the_vehicle_does_not_have():
    tour, (invitation,) = accepted_tour([1])
    (transport,) = plan_transfer(tour.legs[0], vehicles=[VehicleFactory(seats=4)])
    beyond = ManifestEntry(
        item=tour.legs[0], transport=transport, invitation=invitation, companion=0, seat=5
    )
    elsewhere = ManifestEntry(
        item=tour.legs[1], transport=transport, invitation=invitation, companion=0, seat=3
    )

    with pytest.raises(ValidationError) as too_far:
        beyond.clean()
    with pytest.raises(ValidationError) as other_leg:
        elsewhere.clean()

    assert too_far.value.error_dict["seat"][0].code == "no_such_seat"
    assert other_leg.value.code == "other_transfer"


def test_assign_interpreters_covers_languages_other_than_chinese_and_english():
    tour, _invitations = accepted_tour([0, 0, 0], languages=["ja", "en", "es"])
    japanese = InterpreterFactory(languages=["zh-hant", "ja"])
    busy = InterpreterFactory(languages=["zh-hant", "es"])
    BookingFactory(resource=busy, starts_at=tour.forum.starts_at, ends_at=tour.forum.ends_at)
    InterpreterFactory(languages=["en", "es"])  # no Chinese: cannot serve the pair

    plan = assign_interpreters(tour.event)
    again = assign_interpreters(tour.event)

    duties = ItineraryStaff.objects.filter(role=StaffRole.INTERPRETER)
    assert sorted(duties.values_list("item", "person", "language_to")) == [
        (tour.forum.pk, japanese.person.pk, "ja")
    ]
    assert [(item.pk, language) for item, language in plan.missing] == [(tour.forum.pk, "es")]
    assert again.assigned == []
    assert Booking.objects.filter(resource=japanese).count() == 1


def interested_tour():
    tour, invitations = accepted_tour([0, 0, 0])
    areas = tour.areas
    for slug, department in tour.departments.items():
        set_department_areas(department, [areas[slug]])
    set_envoy_interests(invitations[0], [areas["trade"], areas["tourism"]])
    set_envoy_interests(invitations[1], [areas["trade"]])
    set_envoy_interests(invitations[2], [areas["trade"], areas["education"]])
    return tour, invitations


def test_pair_forum_never_double_books_an_envoy_or_a_department():
    tour, invitations = interested_tour()
    start = taipei(2019, 12, 7, 10)

    plan = pair_forum(tour.event, starts_at=start, slot_minutes=20, slot_count=3)

    trade, tourism, education = (tour.departments[s] for s in ("trade", "tourism", "education"))
    e0, e1, e2 = (i.person for i in invitations)
    slot = [start + datetime.timedelta(minutes=20 * n) for n in range(3)]
    assert sorted(
        (m.starts_at, m.envoy.pk, m.department.pk) for m in ForumMeeting.objects.all()
    ) == sorted(
        [
            (slot[0], e0.pk, trade.pk),
            (slot[1], e1.pk, trade.pk),
            (slot[2], e2.pk, trade.pk),
            (slot[1], e0.pk, tourism.pk),
            (slot[0], e2.pk, education.pk),
        ]
    )
    assert plan.unplaced == []
    meetings = ForumMeeting.objects.all()
    assert len({(m.starts_at, m.envoy_id) for m in meetings}) == meetings.count()
    assert len({(m.starts_at, m.department_id) for m in meetings}) == meetings.count()


def test_pair_forum_reports_wishes_without_a_free_slot():
    tour, invitations = interested_tour()

    plan = pair_forum(tour.event, starts_at=taipei(2019, 12, 7, 10), slot_count=1)

    # One slot: trade meets the first envoy, who then has no time for tourism; the third
    # envoy meets education instead.
    e0, e1, e2 = (i.person.pk for i in invitations)
    assert [(e.pk, d.pk) for e, d, _area in plan.unplaced] == [
        (e1, tour.departments["trade"].pk),
        (e2, tour.departments["trade"].pk),
        (e0, tour.departments["tourism"].pk),
    ]


def test_forum_constraints_refuse_double_booking():
    tour, invitations = interested_tour()
    pair_forum(tour.event, starts_at=taipei(2019, 12, 7, 10), slot_count=3)
    meeting = ForumMeeting.objects.filter(department=tour.departments["trade"]).first()

    with pytest.raises(IntegrityError), transaction.atomic():
        ForumMeeting.objects.create(
            event=tour.event,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            envoy=PersonFactory(),
            department=meeting.department,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ForumMeeting.objects.create(
            event=tour.event,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            envoy=meeting.envoy,
            department=OrganisationFactory(parent=tour.home),
        )


def test_set_department_areas_only_for_home_departments():
    tour = build_tour(envoys=1)

    with pytest.raises(ValidationError):
        set_department_areas(OrganisationFactory(), [tour.areas["trade"]])


def test_record_tour_follow_ups_logs_letters_and_meetings_once():
    tour, invitations = interested_tour()
    pair_forum(tour.event, starts_at=taipei(2019, 12, 7, 10), slot_count=3)
    skipped = ForumMeeting.objects.get(department=tour.departments["education"])
    skipped.held = False
    skipped.save()
    user = StaffUserFactory()

    done = record_tour_follow_ups(tour.event, user=user, on=datetime.date(2019, 12, 10))
    again = record_tour_follow_ups(tour.event, user=user, on=datetime.date(2019, 12, 11))

    assert (len(done.letters), len(done.meetings)) == (3, 4)
    assert (again.letters, again.meetings) == ([], [])
    letters = Interaction.objects.filter(kind=InteractionKind.LETTER)
    assert sorted(letters.values_list("people", flat=True)) == sorted(
        i.person.pk for i in invitations
    )
    assert set(letters.values_list("occurred_on", flat=True)) == {datetime.date(2019, 12, 10)}
    meetings = Interaction.objects.filter(kind=InteractionKind.MEETING)
    assert meetings.count() == 4
    trade = ForumMeeting.objects.get(
        envoy=invitations[0].person, department=tour.departments["trade"]
    )
    office = invitations[0].person.affiliations.get().organisation
    assert set(trade.interaction.organisations.values_list("pk", flat=True)) == {
        tour.departments["trade"].pk,
        office.pk,
    }
    assert list(trade.interaction.people.all()) == [invitations[0].person]
    assert set(meetings.values_list("occurred_on", flat=True)) == {datetime.date(2019, 12, 7)}
    with pytest.raises(ValidationError):
        pair_forum(tour.event, starts_at=taipei(2019, 12, 7, 10))


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


def test_tour_page_query_count_constant(client, officer, django_assert_num_queries):
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

    url = reverse("programmes:tour", args=[event.pk])
    fill(10)
    with CaptureQueriesContext(connection) as at_ten:
        assert len(client.get(url).context["invitations"]) == 10
    fill(90)
    with django_assert_num_queries(len(at_ten)):
        response = client.get(url)
    assert len(response.context["invitations"]) == 100
    assert len(transport_manifests(event)[0].vehicles) == 2


def test_a_decline_gives_up_the_guests_transfer_seats_and_fewer_companions_theirs():
    tour, invitations = accepted_tour([2, 3, 0, 1])
    plan_transfer(tour.legs[0], vehicles=[VehicleFactory(seats=12)], drivers=[DriverFactory()])
    declining, shrinking = invitations[0], invitations[1]
    # Invitations carry no reply deadline here; the reply comes a month before the tour.
    respond_to_invitation(declining, accept=False, now=taipei(2019, 11, 1))
    respond_to_invitation(shrinking, accept=True, companions=1, now=taipei(2019, 11, 1))

    seats = travellers_per_leg(tour.event)[tour.legs[0].pk]
    assert not [key for key in seats if key[0] == declining.pk]
    assert sorted(c for pk, c in seats if pk == shrinking.pk) == [0, 1]
    assert sorted(c for pk, c in seats if pk == invitations[3].pk) == [0, 1]


def test_a_decline_gives_up_the_envoys_forum_meetings_not_yet_logged():
    tour, invitations = interested_tour()
    pair_forum(tour.event, starts_at=taipei(2019, 12, 7, 10), slot_count=3)
    declining = invitations[0]
    others = ForumMeeting.objects.exclude(envoy=declining.person).count()

    respond_to_invitation(declining, accept=False, now=taipei(2019, 11, 1))

    assert not ForumMeeting.objects.filter(envoy=declining.person).exists()
    assert ForumMeeting.objects.count() == others


# The manifest names each traveller as a place card in its chosen language does (crm.address),
# with the official names handbook's forms; the default is the office's language.
MANIFEST_NAMES = [
    ("zh-hant", "美國在台協會處長 酈英傑"),
    ("en", "H.E. Mr Brent Christensen"),
    ("ja", "米国在台湾協会所長 Brent Christensen 様"),
    ("ko", "미국재대만협회 처장 Brent Christensen"),
]


@pytest.mark.parametrize(("language", "expected"), MANIFEST_NAMES)
def test_manifest_names_travellers_in_its_chosen_language(language, expected):
    tour, invitations = accepted_tour([1])
    envoy = invitations[0].person
    envoy.family_name, envoy.given_name, envoy.native_name = "Christensen", "Brent", ""
    envoy.chinese_name, envoy.courtesy_title = "酈英傑", Courtesy.MR
    envoy.name_order = NameOrder.GIVEN_FIRST
    envoy.save()
    title = envoy.affiliations.get()
    office = title.organisation
    office.name, office.name_zh_hant, office.name_en = "美國在台協會", "美國在台協會", "AIT"
    office.name_ja, office.name_ko = "米国在台湾協会", "미국재대만협회"
    office.save()
    title.position_title, title.position_title_zh_hant = "處長", "處長"
    title.position_title_en, title.position_title_ja, title.position_title_ko = "Head", "", "처장"
    title.save()
    # The handbook gives the official English office and the Japanese title the record lacks.
    GlossaryTerm.objects.create(
        kind=TermKind.TITLE, name="處長", name_zh_hant="處長", name_en="Director", name_ja="所長"
    )
    GlossaryTerm.objects.create(
        kind=TermKind.AGENCY,
        name="美國在台協會",
        name_zh_hant="美國在台協會",
        name_en="American Institute in Taiwan",
    )
    plan_transfer(tour.legs[0], vehicles=[VehicleFactory(seats=6)])

    travellers = transport_manifests(tour.event, language=language)[0].vehicles[0].travellers

    with translation.override(language):
        companion = gettext("%(name)s, companion %(number)d") % {"name": expected, "number": 1}
    assert [t.label for t in travellers] == [expected, companion]


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
