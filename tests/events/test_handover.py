"""Envoy rotation: the hand-over page and the action that moves links to the successor.

crm owns the page and the service; events moves invitations and feed links through hooks,
so the test lives on the events side where both halves are present.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.models import ModelLogEntry

from crm.models import MailingListMember
from crm.services.handover import hand_over
from events.enums import FeedKind, InvitationStatus
from events.models import FeedToken, Invitation
from events.services.feeds import create_feed_token
from tests.factories.crm import (
    AffiliationFactory,
    GiftFactory,
    InteractionFactory,
    MailingListFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.factories.events import DelegationMemberFactory, EventFactory, InvitationFactory
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db


def future_event():
    start = timezone.now() + datetime.timedelta(days=30)
    return EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2))


def rotation():
    office = OrganisationFactory(kind="representative_office")
    old = PersonFactory(family_name="Christensen", given_name="Brent")
    new = PersonFactory(family_name="Greene", given_name="Sandra")
    AffiliationFactory(
        person=old,
        organisation=office,
        start_date=datetime.date(2018, 7, 1),
        end_date=datetime.date(2021, 7, 1),
    )
    AffiliationFactory(person=new, organisation=office, start_date=datetime.date(2021, 7, 2))
    return old, new


def test_hand_over_moves_future_unanswered_invitations_and_feed_links():
    old, new = rotation()
    user = protocol_officer()
    pending = InvitationFactory(person=old, event=future_event())
    accepted = InvitationFactory(person=old, event=future_event(), status=InvitationStatus.ACCEPTED)
    past = InvitationFactory(person=old)  # 2019: history, stays
    both = future_event()
    InvitationFactory(person=old, event=both)
    InvitationFactory(person=new, event=both)
    old_hash = pending.token_hash
    feed, _secret = create_feed_token(FeedKind.PERSON, person=old, label="Calendar")

    moved = hand_over(old, new, user=user)

    assert moved == {"mailing_lists": 0, "invitations": 1, "feed_links": 1}
    pending.refresh_from_db()
    assert (pending.person, pending.sent_at) == (new, None)
    # The link mailed to the predecessor stops working: a new secret, a new stored hash.
    assert pending.token_hash != old_hash
    assert Invitation.objects.get(pk=accepted.pk).person == old
    assert Invitation.objects.get(pk=past.pk).person == old
    assert Invitation.objects.filter(event=both).count() == 2
    feed.refresh_from_db()
    assert feed.revoked_at is not None
    assert FeedToken.objects.get(person=new).label == "Calendar"
    assert ModelLogEntry.objects.filter(action="crm.hand_over").count() == 2


def test_hand_over_moves_mailing_list_memberships_once():
    old, new = rotation()
    cards, luncheon, press = (MailingListFactory() for _ in range(3))
    for mailing_list in (cards, luncheon):
        MailingListMember.objects.create(mailing_list=mailing_list, person=old)
    MailingListMember.objects.create(mailing_list=luncheon, person=new)  # already on it
    MailingListMember.objects.create(mailing_list=press, person=PersonFactory())

    moved = hand_over(old, new, user=protocol_officer())

    assert moved["mailing_lists"] == 2
    assert not MailingListMember.objects.filter(person=old).exists()
    assert sorted(
        MailingListMember.objects.filter(person=new).values_list("mailing_list__name", flat=True)
    ) == sorted([cards.name, luncheon.name])
    assert MailingListMember.objects.filter(mailing_list=press).count() == 1


def test_hand_over_moves_mailing_lists_in_the_same_transaction_as_the_rest():
    old, new = rotation()
    cards = MailingListFactory()
    MailingListMember.objects.create(mailing_list=cards, person=old)

    def failing_mover(predecessor, successor, user):
        raise ValidationError("a later mover refuses")

    with (
        hooks.register_temporarily("register_handover_moves", failing_mover),
        pytest.raises(ValidationError),
    ):
        hand_over(old, new)
    assert MailingListMember.objects.get().person == old


def test_hand_over_to_oneself_is_refused_and_writes_nothing():
    old, _new = rotation()
    invitation = InvitationFactory(person=old, event=future_event())
    with pytest.raises(ValidationError):
        hand_over(old, old)
    invitation.refresh_from_db()
    assert invitation.person == old


def test_hand_over_page_shows_history_and_proposes_the_successor(client):
    old, new = rotation()
    client.force_login(protocol_officer())
    InteractionFactory().people.add(old)
    GiftFactory(counterpart_organisation=None, counterpart_person=old, description="Vase")
    DelegationMemberFactory(person=old)
    InvitationFactory(person=old, event=future_event())
    response = client.get(reverse("crm_handover:index", args=[old.pk]))
    assert response.status_code == 200
    assert response.context["form"].initial["successor"] == new
    cards = MailingListFactory(name="New Year cards")
    MailingListMember.objects.create(mailing_list=cards, person=old)
    response = client.get(reverse("crm_handover:index", args=[old.pk]))
    # interactions, gifts, agreements signed, mailing lists, visits, future invitations, feeds
    counts = [len(section.rows) for section in response.context["sections"]]
    assert counts == [1, 1, 0, 1, 1, 1, 0]
    assert "New Year cards" in response.content.decode()
    inspect = client.get(reverse("crm_person:inspect", args=[old.pk]))
    assert reverse("crm_handover:index", args=[old.pk]) in inspect.content.decode()
    response = client.post(reverse("crm_handover:index", args=[old.pk]), {"successor": new.pk})
    assert response.status_code == 302
    assert Invitation.objects.get().person == new
    assert MailingListMember.objects.get().person == new


def _history(person, count):
    for _ in range(count):
        InteractionFactory().people.add(person)
        GiftFactory(counterpart_organisation=None, counterpart_person=person)
        DelegationMemberFactory(person=person)
        InvitationFactory(person=person, event=future_event())
        MailingListMember.objects.create(mailing_list=MailingListFactory(), person=person)


def test_hand_over_page_query_count_holds_from_10_to_100_rows(client, django_assert_num_queries):
    old, _new = rotation()
    client.force_login(protocol_officer())
    url = reverse("crm_handover:index", args=[old.pk])
    _history(old, 10)
    client.get(url)
    with CaptureQueriesContext(connection) as at_10:
        assert client.get(url).status_code == 200
    _history(old, 90)
    with django_assert_num_queries(len(at_10.captured_queries)):
        response = client.get(url)
    assert len(response.context["sections"][0].rows) == 100
