"""Lists in item forms are filtered to the event in hand: its delegations' members, its items."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.forms import ItineraryItemAdminForm, ItineraryStaffAdminForm
from events.models import ItineraryItem, ItineraryStaff
from tests.events.admin.test_records import item_post_data
from tests.factories.events import (
    DelegationMemberFactory,
    EventFactory,
    ItineraryItemFactory,
)

pytestmark = pytest.mark.django_db


def _form_class(form, model, fields):
    from wagtail.admin.panels import FieldPanel, ObjectList

    return (
        ObjectList([FieldPanel(name) for name in fields], base_form_class=form)
        .bind_to_model(model)
        .get_form_class()
    )


def test_the_members_box_lists_only_the_event_in_hands_delegations():
    event, other = EventFactory(), EventFactory()
    ours = DelegationMemberFactory(delegation__event=event)
    DelegationMemberFactory.create_batch(5, delegation__event=other)
    item = ItineraryItemFactory(event=event)
    form_class = _form_class(ItineraryItemAdminForm, ItineraryItem, ["event", "members"])

    form = form_class(instance=item)

    assert list(form.fields["members"].queryset) == [ours]


def test_a_new_item_lists_members_of_events_not_yet_over():
    now = timezone.now()
    current = EventFactory(starts_at=now, ends_at=now + datetime.timedelta(days=2))
    old = EventFactory(
        starts_at=now - datetime.timedelta(days=400), ends_at=now - datetime.timedelta(days=399)
    )
    ours = DelegationMemberFactory(delegation__event=current)
    DelegationMemberFactory(delegation__event=old)
    form_class = _form_class(ItineraryItemAdminForm, ItineraryItem, ["event", "members"])

    assert list(form_class().fields["members"].queryset) == [ours]


def test_a_member_of_another_events_delegation_is_refused(officer_client):
    event, other = EventFactory(), EventFactory()
    stranger = DelegationMemberFactory(delegation__event=other)

    response = officer_client.post(
        reverse("itineraryitem:add"), item_post_data(event, members=[stranger.pk])
    )

    assert response.status_code == 200
    assert response.context["form"].errors["members"]
    assert not ItineraryItem.objects.exists()


def test_the_item_dropdown_of_an_interpreter_duty_lists_the_event_in_hands_items():
    now = timezone.now()
    event = EventFactory(starts_at=now, ends_at=now + datetime.timedelta(days=2))
    mine = ItineraryItemFactory(event=event, starts_at=now, ends_at=now)
    old = ItineraryItemFactory(
        starts_at=now - datetime.timedelta(days=2000), ends_at=now - datetime.timedelta(days=2000)
    )
    duty = ItineraryStaff(item=mine)
    form_class = _form_class(ItineraryStaffAdminForm, ItineraryStaff, ["item"])

    assert list(form_class(instance=duty).fields["item"].queryset) == [mine]
    listed = list(form_class().fields["item"].queryset)
    assert mine in listed and old not in listed
