"""The officer's path for the International Luncheon, end to end on factory data:
build the guest list, invite, RSVP, seat, move, print."""

import io

import pytest
from pypdf import PdfReader

from events.enums import InvitationStatus
from events.models import Invitation, Seat
from events.seating import rules
from events.seating.guest_lists import build_guest_list
from events.seating.printing import render_print_pack
from events.seating.services import configure_seating_plan, generate_seating_plan, move_guest
from events.services.invitations import respond_to_invitation, send_invitation
from tests.factories.seating import build_luncheon

pytestmark = pytest.mark.django_db


def test_luncheon_from_guest_list_to_print_pack(django_capture_on_commit_callbacks, mailoutbox):
    scene = build_luncheon(guests=40, delegations=4, envoys=3, deputies=2)

    # 1. The guest list from the CRM, and the invitations sent.
    invitations = build_guest_list(scene.event)
    with django_capture_on_commit_callbacks(execute=True):
        for invitation in invitations:
            send_invitation(invitation)
    assert len(mailoutbox) == len(invitations)

    # 2. Replies: everyone accepts but one member, some with needs for the caterer.
    declining = next(p for p in scene.members if p.delegation_memberships.exists())
    needs = {scene.heads[0].pk: "Halal", scene.envoys[1].pk: "Vegetarian"}
    for invitation in Invitation.objects.filter(event=scene.event).select_related("person"):
        respond_to_invitation(
            invitation,
            accept=invitation.person != declining,
            dietary_requirements=needs.get(invitation.person_id, ""),
            accessibility_needs="Wheelchair" if invitation.person == scene.deputies[0] else "",
        )
    accepted = set(
        Invitation.objects.filter(event=scene.event, status=InvitationStatus.ACCEPTED).values_list(
            "person", flat=True
        )
    )
    assert declining.pk not in accepted

    # 3. Seating by precedence.
    plan = configure_seating_plan(scene.event, co_hosts=scene.deputies)
    result = generate_seating_plan(plan)

    seats = list(Seat.objects.filter(plan=plan).select_related("table", "person"))
    place = {seat.person_id: (seat.table.number, seat.position) for seat in seats}
    assert sorted(seat.person_id for seat in seats) == sorted(accepted)  # each once
    assert result.hard_violations == []
    assert place[scene.host.pk] == (1, 1)
    honour = min(scene.envoys, key=lambda p: (p.family_name.casefold(), p.pk))
    assert place[honour.pk] == (1, 2)
    for head_pk, interpreter in scene.interpreters.items():
        (table, position), (i_table, i_position) = place[head_pk], place[interpreter.pk]
        assert table == i_table and abs(position - i_position) == 1
    assert {place[d.pk] for d in scene.deputies} == {(2, 1), (3, 1)}

    # 4. A move that breaks a rule is made and warned about.
    warnings = move_guest(plan, honour, table=2, position=5)
    assert rules.GUEST_OF_HONOUR in [w.code for w in warnings]
    assert Seat.objects.filter(plan=plan).count() == len(accepted)

    # 5. The print pack names every seated guest in their own script.
    content = render_print_pack(plan, language="en")
    reader = PdfReader(io.BytesIO(content))
    text = "".join(
        "".join((page.extract_text() or "").replace("\x00", "").split()) for page in reader.pages
    )
    for seat in seats:
        # The native-script form; a guest who writes in Latin script has only that one.
        native = seat.person.native_name or seat.person.full_name
        assert native.replace(" ", "") in text, seat.person
    assert "Halal" in text and "Vegetarian" in text and "Wheelchair" in text
