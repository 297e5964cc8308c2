"""The envoys' tour transfers: vehicles, drivers and the manifests that seat each traveller."""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext

from crm.enums import Courtesy, NameOrder, TermKind
from crm.models import GlossaryTerm
from events.enums import BookingStatus
from events.exceptions import BookingConflict
from events.models import Booking, ManifestEntry
from events.programmes.envoy_tour.selectors import transport_manifests
from events.programmes.envoy_tour.services import (
    plan_tour_transport,
    plan_transfer,
)
from events.services.invitations import respond_to_invitation
from tests.events.programmes.tours import accepted_tour
from tests.factories.events import (
    BookingFactory,
    DriverFactory,
    VehicleFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def travellers_per_leg(event):
    """{leg pk: Counter of (invitation pk, companion)} from the manifests."""
    legs = {}
    for entry in ManifestEntry.objects.filter(item__event=event):
        legs.setdefault(entry.item_id, Counter())[(entry.invitation_id, entry.companion)] += 1
    return legs


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
