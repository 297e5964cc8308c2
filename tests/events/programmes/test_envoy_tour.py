"""The envoys' tour: whom it invites, their replies, interpreters, the forum and follow-ups."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from crm.enums import InteractionKind, OfficeRank, OrganisationKind
from crm.models import Interaction
from events.enums import InvitationStatus, StaffRole
from events.models import Booking, ForumMeeting, ItineraryStaff
from events.programmes.envoy_tour.selectors import envoys_as_of
from events.programmes.envoy_tour.services import (
    assign_interpreters,
    invite_envoys,
    pair_forum,
    record_tour_follow_ups,
    set_department_areas,
)
from events.services.invitations import respond_to_invitation
from tests.events.programmes.tours import accepted_tour, interested_tour
from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import (
    BookingFactory,
    InterpreterFactory,
    taipei,
)
from tests.factories.programmes import build_tour
from tests.factories.staff import StaffUserFactory

pytestmark = pytest.mark.django_db


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


def test_a_decline_gives_up_the_envoys_forum_meetings_not_yet_logged():
    tour, invitations = interested_tour()
    pair_forum(tour.event, starts_at=taipei(2019, 12, 7, 10), slot_count=3)
    declining = invitations[0]
    others = ForumMeeting.objects.exclude(envoy=declining.person).count()

    respond_to_invitation(declining, accept=False, now=taipei(2019, 11, 1))

    assert not ForumMeeting.objects.filter(envoy=declining.person).exists()
    assert ForumMeeting.objects.count() == others
