"""The visit planner page: one POST saves everything, a clash comes back with alternatives."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from crm.enums import OfficeRank
from events.clashes import principal_warnings
from events.models import Booking, DelegationMember, ItineraryItem
from events.services.bookings import create_booking
from tests.factories.crm import AffiliationFactory, OrganisationFactory
from tests.factories.events import (
    DelegationFactory,
    EventFactory,
    InterpreterFactory,
    ItineraryItemFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def _management(prefix, total):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _post(organisation, car, **extra):
    data = {
        "delegation-name": "Akita",
        "delegation-organisation": organisation.pk,
        "delegation-hotel": "Grand Hi-Lai",
        **_management("members", 2),
        "members-0-family_name": "Yamamoto",
        "members-0-given_name": "Taro",
        "members-0-native_name": "山本太郎",
        "members-0-role": "head",
        "members-1-role": "member",
        **_management("items", 2),
        "items-0-day": "2019-05-01",
        "items-0-starts": "13:00",
        "items-0-ends": "16:30",
        "items-0-kind": "site_visit",
        "items-0-title": "Port visit",
        "items-0-vehicle": car.pk,
        "save": "1",
    }
    data.update(extra)
    return data


@pytest.fixture
def event():
    return EventFactory(starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 2, 18))


def test_planner_page_opens_for_officers(officer_client, event):
    response = officer_client.get(reverse("visit-planner:plan", args=[event.pk]))

    assert response.status_code == 200
    assert [day for day, _label in response.context["items"].forms[0].fields["day"].choices] == [
        "",
        "2019-05-01",
        "2019-05-02",
    ]


def test_planner_saves_the_visit_and_goes_to_its_programme(officer_client, event):
    car = VehicleFactory()

    response = officer_client.post(
        reverse("visit-planner:plan", args=[event.pk]), _post(OrganisationFactory(), car)
    )

    member = DelegationMember.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("delegation:programme", args=[member.delegation_id])
    assert member.person.native_name == "山本太郎"
    assert Booking.objects.get().resource_id == car.pk


def test_viewers_may_neither_open_nor_post_to_the_planner(viewer_client, event):
    # Planning a visit adds a delegation: read-only staff are refused before any form is read.
    url = reverse("visit-planner:plan", args=[event.pk])

    opened = viewer_client.get(url)
    posted = viewer_client.post(url, _post(OrganisationFactory(), VehicleFactory()))

    assert opened.status_code == posted.status_code == 302
    assert opened.url == posted.url == reverse("wagtailadmin_home")
    assert DelegationMember.objects.count() == 0
    assert viewer_client.get(reverse("visit-planner:index")).status_code == 302


def test_planner_clash_saves_nothing_and_offers_the_free_car(officer_client, event):
    taken, free = VehicleFactory(name="Van A"), VehicleFactory(name="Van B")
    create_booking(taken, starts_at=taipei(2019, 5, 1, 12), ends_at=taipei(2019, 5, 1, 14))

    response = officer_client.post(
        reverse("visit-planner:plan", args=[event.pk]), _post(OrganisationFactory(), taken)
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert DelegationMember.objects.count() == 0
    assert 'data-field-errors="vehicle"' in page
    assert f'data-value="{free.pk}"' in page
    assert f'data-value="{taken.pk}"' not in page


def test_check_availability_orders_free_first_and_names_the_holder(officer_client, event):
    taken, free = VehicleFactory(name="Van A"), VehicleFactory(name="Van B")
    booking = create_booking(
        taken,
        starts_at=taipei(2019, 5, 1, 12),
        ends_at=taipei(2019, 5, 1, 14),
        purpose="Mayor's trip",
    )
    data = _post(OrganisationFactory(), taken, check="1")
    del data["save"]

    response = officer_client.post(reverse("visit-planner:plan", args=[event.pk]), data)

    choices = response.context["items"].forms[0].fields["vehicle"].widget.choices
    assert [value for value, _label in choices] == ["", free.pk, taken.pk]
    assert "Mayor's trip" in choices[2][1]
    assert reverse("booking:edit", args=[booking.pk]) in response.content.decode()
    assert DelegationMember.objects.count() == 0


# Changing a visit already planned.


def _planned_visit(event):
    from events.planning.services import ItemPlan, MemberPlan, plan_visit

    car, room = VehicleFactory(name="Van A"), VenueFactory(name="Hall")
    delegation, members, items = plan_visit(
        event,
        delegation_values={"name": "Akita", "organisation": OrganisationFactory()},
        members=[
            MemberPlan(role="head", family_name="Sato", native_name="佐竹"),
            MemberPlan(role="member", family_name="Kim", native_name="김"),
        ],
        items=[
            ItemPlan(
                kind="call",
                title="拜會市長",
                starts_at=taipei(2019, 5, 1, 10),
                ends_at=taipei(2019, 5, 1, 11),
                resources={"venue": room, "vehicle": car},
            )
        ],
    )
    return delegation, members, items[0], car, room


def _edit_post(response, **changes):
    """The edit page's own form as a browser would post it, with some fields changed."""
    data = {}
    for form in [response.context["delegation_form"]]:
        for field in form:
            value = field.value()
            data[field.html_name] = getattr(value, "pk", value) or ""
    for formset in (response.context["members"], response.context["items"]):
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for form in formset.forms:
            for field in form:
                value = field.value()
                if value is None or value is False:
                    continue
                if hasattr(value, "pk"):
                    value = value.pk
                elif hasattr(value, "strftime") and not hasattr(value, "hour"):
                    value = value.isoformat()
                elif hasattr(value, "hour") and not hasattr(value, "year"):
                    value = value.strftime("%H:%M")
                elif hasattr(value, "year"):
                    value = value.strftime("%Y-%m-%d %H:%M")
                data[field.html_name] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_edit_page_shows_the_visit_as_planned(officer_client, event):
    delegation, _members, item, car, room = _planned_visit(event)

    response = officer_client.get(reverse("visit-planner:edit", args=[delegation.pk]))

    assert response.status_code == 200
    members = response.context["members"]
    assert [form.initial["person"].native_name for form in members.initial_forms] == ["佐竹", "김"]
    row = response.context["items"].initial_forms[0].initial
    assert (row["id"], row["day"], str(row["starts"]), row["venue"], row["vehicle"]) == (
        item.pk,
        "2019-05-01",
        "10:00:00",
        room.pk,
        car.pk,
    )


def test_edit_page_moves_an_item_and_its_bookings_in_one_save(officer_client, event):
    delegation, _members, item, car, room = _planned_visit(event)
    url = reverse("visit-planner:edit", args=[delegation.pk])
    page = officer_client.get(url)

    response = officer_client.post(
        url, _edit_post(page, **{"items-0-starts": "14:00", "items-0-ends": "15:30", "save": "1"})
    )

    assert response.status_code == 302
    live = Booking.objects.filter(status="confirmed").order_by("resource_id")
    assert {(b.resource_id, b.starts_at, b.ends_at) for b in live} == {
        (room.pk, taipei(2019, 5, 1, 14), taipei(2019, 5, 1, 15, 30)),
        (car.pk, taipei(2019, 5, 1, 14), taipei(2019, 5, 1, 15, 30)),
    }


def test_edit_page_clash_saves_nothing_and_offers_the_free_car(officer_client, event):
    delegation, _members, item, car, room = _planned_visit(event)
    taken, free = VehicleFactory(name="Van C"), VehicleFactory(name="Van D")
    create_booking(taken, starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 1, 12))
    url = reverse("visit-planner:edit", args=[delegation.pk])
    page = officer_client.get(url)

    response = officer_client.post(
        url,
        _edit_post(
            page,
            **{
                "items-0-vehicle": taken.pk,
                "members-0-DELETE": "on",
                "items-0-title": "改名",
                "save": "1",
            },
        ),
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-field-errors="vehicle"' in content
    assert f'data-value="{free.pk}"' in content
    assert f'data-value="{car.pk}"' in content  # given up by this very item
    assert DelegationMember.objects.filter(delegation=delegation).count() == 2
    item.refresh_from_db()
    assert item.title == "拜會市長"
    assert Booking.objects.get(item=item, resource=car).status == "confirmed"


def test_edit_page_removes_a_member_and_cancels_an_item(officer_client, event):
    delegation, members, item, _car, _room = _planned_visit(event)
    url = reverse("visit-planner:edit", args=[delegation.pk])
    page = officer_client.get(url)

    response = officer_client.post(
        url, _edit_post(page, **{"members-1-DELETE": "on", "items-0-DELETE": "on", "save": "1"})
    )

    assert response.status_code == 302
    assert list(delegation.members.values_list("person__native_name", flat=True)) == ["佐竹"]
    item.refresh_from_db()
    assert item.status == "cancelled"
    assert not Booking.objects.filter(status="confirmed").exists()


def test_rows_added_beyond_the_page_are_saved(officer_client, event):
    """What "Add a row" does in the browser: a further numbered row and a higher total."""
    delegation, _members, _item, _car, _room = _planned_visit(event)
    url = reverse("visit-planner:edit", args=[delegation.pk])
    page = officer_client.get(url)
    total = int(page.context["members"].management_form.initial["TOTAL_FORMS"])

    response = officer_client.post(
        url,
        _edit_post(
            page,
            **{
                "members-TOTAL_FORMS": str(total + 1),
                f"members-{total}-family_name": "Park",
                f"members-{total}-native_name": "박",
                f"members-{total}-role": "member",
                f"members-{total}-languages": "ko",
                "save": "1",
            },
        ),
    )

    assert response.status_code == 302
    park = delegation.members.get(person__native_name="박")
    assert park.person.preferred_languages == ["ko"]
    assert park.items.count() == 1


def test_interpreters_who_speak_the_visits_language_come_first(officer_client, event):
    delegation, members, _item, _car, _room = _planned_visit(event)
    person = members[1].person
    person.preferred_languages = ["ko", "en"]
    person.save()
    japanese = InterpreterFactory(name="A Japanese", languages=["zh-hant", "ja"])
    korean = InterpreterFactory(name="B Korean", languages=["zh-hant", "ko"])

    response = officer_client.get(
        reverse("visit-planner:edit", args=[delegation.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )

    choices = response.context["items"].forms[0].fields["interpreter"].widget.choices
    assert [value for value, _label in choices] == ["", korean.pk, japanese.pk]
    assert "does not speak Korean" in choices[2][1]
    assert "speaks Korean" in choices[1][1]
    assert "Interpreters are offered for: Korean." in response.content.decode()


def test_edit_page_queries_do_not_grow_with_the_visit(officer_client, event):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(delegation):
        with CaptureQueriesContext(connection) as captured:
            officer_client.get(reverse("visit-planner:edit", args=[delegation.pk]))
        return len(captured)

    small = _grown(event, 10)
    large = _grown(EventFactory(starts_at=event.starts_at, ends_at=event.ends_at), 100)
    assert count(small) == count(large)


def _grown(event, size):
    from events.planning.services import ItemPlan, MemberPlan, plan_visit

    car, room = VehicleFactory(), VenueFactory()
    delegation, _members, _items = plan_visit(
        event,
        delegation_values={"name": f"Visit {size}", "organisation": OrganisationFactory()},
        members=[MemberPlan(role="member", family_name=f"M{n}") for n in range(size)],
        items=[
            ItemPlan(
                kind="call",
                title=f"Item {n}",
                starts_at=taipei(2019, 5, 1, 9) + datetime.timedelta(minutes=20 * n),
                ends_at=taipei(2019, 5, 1, 9, 15) + datetime.timedelta(minutes=20 * n),
                resources={"vehicle": car, "venue": room},
            )
            for n in range(size)
        ],
    )
    return delegation


def test_a_visit_opens_in_the_planner_from_every_page_that_shows_it(officer_client):
    # Running now, so the officer's day lists it as a visit of this week.
    now = timezone.now()
    event = EventFactory(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=1)
    )
    delegation = DelegationFactory(event=event)
    link = reverse("visit-planner:edit", args=[delegation.pk])

    pages = [
        reverse("event:edit", args=[event.pk]),
        reverse("event:inspect", args=[event.pk]),
        reverse("delegation:index"),
        reverse("delegation:edit", args=[delegation.pk]),
        reverse("delegation:inspect", args=[delegation.pk]),
        reverse("delegation:programme", args=[delegation.pk]),
        reverse("visit-planner:index"),
        reverse("wagtailadmin_home"),  # the officer's day: visits this week
    ]

    for page in pages:
        response = officer_client.get(page)
        assert response.status_code == 200, page
        assert link in response.content.decode(), page


def test_planner_index_queries_do_not_grow_with_events(officer_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = officer_client.get(reverse("visit-planner:index"))
        assert response.status_code == 200
        return len(captured)

    soon = taipei(datetime.date.today().year + 1, 1, 10, 9)
    for _ in range(2):
        DelegationFactory(event=EventFactory(starts_at=soon, ends_at=soon))
    few = count()
    for _ in range(20):
        DelegationFactory.create_batch(2, event=EventFactory(starts_at=soon, ends_at=soon))
    assert count() == few


def test_planner_item_names_a_principal_warns_of_a_clash_and_saves(officer_client, event):
    mayor = AffiliationFactory(
        organisation=OrganisationFactory(is_home=True), office_rank=OfficeRank.MAYOR
    ).person
    elsewhere = ItineraryItemFactory(
        event=EventFactory(starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 1, 18)),
        starts_at=taipei(2019, 5, 1, 15),
        ends_at=taipei(2019, 5, 1, 17),
    )
    elsewhere.principals.add(mayor)
    url = reverse("visit-planner:plan", args=[event.pk])
    data = _post(OrganisationFactory(), VehicleFactory(), **{"items-0-principals": [mayor.pk]})
    del data["save"]
    data["check"] = "1"

    response = officer_client.post(url, data)

    assert response.status_code == 200
    # The admin speaks the office's language to an officer who chose none.
    with translation.override(settings.LANGUAGE_CODE):
        expected = principal_warnings(
            [mayor],
            starts_at=taipei(2019, 5, 1, 13),
            ends_at=taipei(2019, 5, 1, 16, 30),
            exclude_event=event,
        )
    assert len(expected) == 1
    assert expected[0] in response.context["clashes"]
    assert "data-principal-clashes" in response.content.decode()
    # Never blocking: saving the same plan keeps the principal on the item.
    data["save"] = "1"
    del data["check"]
    assert officer_client.post(url, data).status_code == 302
    planned = ItineraryItem.objects.exclude(pk=elsewhere.pk).get()
    assert list(planned.principals.all()) == [mayor]
