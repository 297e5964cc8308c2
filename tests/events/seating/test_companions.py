"""Companions are named guests: counted, seated beside who brought them, printed."""

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import translation

from events.enums import InvitationStatus
from events.models import Invitation, InvitationCompanion, Seat
from events.seating.printing import render_print_pack
from events.seating.selectors import plan_view, print_guests
from events.seating.services import configure_seating_plan, generate_seating_plan
from events.services.invitations import respond_to_invitation
from tests.events.seating.test_printing import pdf_text
from tests.factories.crm import PersonFactory
from tests.factories.events import EventFactory, InvitationFactory, taipei

pytestmark = pytest.mark.django_db

BEFORE = taipei(2019, 2, 9, 12)


def _luncheon_of_two():
    """One guest accepting with one named companion: two people to seat."""
    event = EventFactory(starts_at=taipei(2019, 2, 16, 11, 30), ends_at=taipei(2019, 2, 16, 14))
    guest = PersonFactory(family_name="Yamamoto", given_name="Ken", native_name="山本健")
    invitation = InvitationFactory(event=event, person=guest, max_companions=2)
    respond_to_invitation(
        invitation,
        accept=True,
        companions=1,
        companion_guests=[{"name": "Yamamoto Aiko", "dietary_requirements": "vegetarian"}],
        now=BEFORE,
    )
    plan = configure_seating_plan(event)
    generate_seating_plan(plan)
    return event, invitation, plan


def test_the_caterer_counts_a_guest_and_their_companion_as_two():
    _event, _invitation, plan = _luncheon_of_two()

    text = pdf_text(render_print_pack(plan, parts=("caterer",), language="en"))

    assert "2guestsat1table." in text
    assert "YamamotoAiko" in text and "vegetarian" in text


def test_a_companion_is_seated_beside_the_guest_who_brought_them():
    _event, invitation, plan = _luncheon_of_two()

    seats = list(Seat.objects.filter(plan=plan).order_by("position"))

    assert len(seats) == 2
    companion = invitation.companion_guests.get()
    by_holder = {seat.person_id or f"c{seat.companion_id}": seat.position for seat in seats}
    assert by_holder[invitation.person_id] == 1
    # The anchor's right is kept for the guest of honour, so a companion takes the left.
    assert by_holder[f"c{companion.pk}"] == plan.table_size
    view = plan_view(plan)
    assert [seat.name for seat in view.tables[0].occupied] == ["Ken Yamamoto", "Yamamoto Aiko"]
    assert plan.warnings == []


def test_place_cards_and_badges_name_the_companion():
    _event, _invitation, plan = _luncheon_of_two()

    text = pdf_text(render_print_pack(plan, parts=("cards", "badges"), language="en"))

    assert text.count("YamamotoAiko") >= 3  # two faces of the tent card and the badge


def test_an_unnamed_companion_prints_as_the_guest_of_who_brought_them():
    event = EventFactory()
    invitation = InvitationFactory(event=event, max_companions=1)
    respond_to_invitation(invitation, accept=True, companions=1, now=BEFORE)
    plan = configure_seating_plan(event)
    generate_seating_plan(plan)

    guests = print_guests(plan)

    with translation.override("en"):
        names = [g.companion.display_name for g in guests if g.companion]
    assert names == [f"Guest of {invitation.person}"]


def test_replying_with_fewer_companions_removes_the_extra_rows_and_keeps_names():
    invitation = InvitationFactory(max_companions=3)
    respond_to_invitation(
        invitation,
        accept=True,
        companions=3,
        companion_guests=[{"name": "A"}, {"name": "B"}, {"name": "C"}],
        now=BEFORE,
    )

    respond_to_invitation(invitation, accept=True, companions=2, now=BEFORE)

    assert list(invitation.companion_guests.values_list("number", "name")) == [
        (1, "A"),
        (2, "B"),
    ]
    respond_to_invitation(invitation, accept=False, now=BEFORE)
    assert invitation.companion_guests.count() == 0


def test_naming_more_companions_than_are_coming_is_refused_and_nothing_saved():
    invitation = InvitationFactory(max_companions=2)

    with translation.override("en"), pytest.raises(Exception, match="More companions are named"):
        respond_to_invitation(
            invitation,
            accept=True,
            companions=1,
            companion_guests=[{"name": "A"}, {"name": "B"}],
            now=BEFORE,
        )

    invitation.refresh_from_db()
    assert (invitation.status, invitation.companions) == (InvitationStatus.PENDING, 0)
    assert not InvitationCompanion.objects.exists()


def test_the_database_refuses_a_seat_with_both_a_guest_and_a_companion():
    _event, invitation, plan = _luncheon_of_two()
    seat = Seat.objects.filter(plan=plan, person__isnull=False).get()

    with pytest.raises(IntegrityError), transaction.atomic():
        Seat.objects.filter(pk=seat.pk).update(companion=invitation.companion_guests.get())


def test_the_database_refuses_two_companions_with_one_number():
    invitation = InvitationFactory(max_companions=2)
    InvitationCompanion.objects.create(invitation=invitation, number=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        InvitationCompanion.objects.create(invitation=invitation, number=1)


def test_the_migration_gives_every_counted_companion_an_unnamed_row():
    import importlib

    migration = importlib.import_module("events.migrations.0013_invitation_companions")
    invitation = InvitationFactory(max_companions=2)
    Invitation.objects.filter(pk=invitation.pk).update(
        companions=2, status=InvitationStatus.ACCEPTED
    )

    migration.placeholders_for_counted_companions(apps, None)

    assert list(invitation.companion_guests.values_list("number", "name")) == [(1, ""), (2, "")]
