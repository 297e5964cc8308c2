"""A protocol officer plans a three-person, two-day visit on one screen, meets a clash with
another event's booking of the car, and takes the free car the planner offers instead."""

import datetime

import pytest
from django.contrib.auth.models import Group

from core.roles import PROTOCOL_OFFICERS
from events.enums import BookingStatus
from events.models import Booking, DelegationMember
from events.services.bookings import create_booking
from tests.factories.events import (
    DelegationFactory,
    EventFactory,
    ItineraryItemFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "planner-test-password"  # noqa: S105


@pytest.fixture
def visit(django_user_model):
    year = datetime.date.today().year + 1
    officer = django_user_model.objects.create_user("planner", password=PASSWORD)
    officer.groups.add(Group.objects.get(name=PROTOCOL_OFFICERS))
    event = EventFactory(
        title="秋田縣訪問團",
        title_en="Akita delegation visit",
        starts_at=taipei(year, 5, 4, 9),
        ends_at=taipei(year, 5, 5, 18),
    )
    delegation = DelegationFactory(event=event, name="Akita Prefecture delegation")
    room = VenueFactory(name="第一會議室", name_en="Meeting room 1", capacity=12)
    taken = VehicleFactory(name="Van A", seats=8)
    free = VehicleFactory(name="Van B", seats=8)
    other = ItineraryItemFactory(
        title="他案參訪",
        title_en="Another visit",
        starts_at=taipei(year, 5, 5, 12),
        ends_at=taipei(year, 5, 5, 15),
    )
    create_booking(taken, starts_at=other.starts_at, ends_at=other.ends_at, item=other)
    return {
        "year": year,
        "event": event,
        "delegation": delegation,
        "room": room,
        "taken": taken,
        "free": free,
    }


def _log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "planner")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


MEMBERS = [
    ("head", "Sato", "Norihisa", "佐竹敬久"),
    ("member", "Yamamoto", "Taro", "山本太郎"),
    ("member", "Yamamoto", "Hanako", "山本花子"),
]


def test_officer_plans_a_visit_meets_a_clash_and_takes_the_alternative(live_server, browser, visit):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="en-GB")
    page = context.new_page()
    try:
        _log_in(page, live_server)
        page.goto(f"{live_server.url}/admin/visit-planner/{visit['event'].pk}/")
        page.select_option("#id_delegation-delegation", str(visit["delegation"].pk))
        page.fill("#id_delegation-hotel", "Grand Hi-Lai Hotel")
        year = visit["year"]
        for row, (role, family, given, native) in enumerate(MEMBERS):
            page.select_option(f"#id_members-{row}-role", role)
            page.fill(f"#id_members-{row}-family_name", family)
            page.fill(f"#id_members-{row}-given_name", given)
            page.fill(f"#id_members-{row}-native_name", native)
            page.fill(f"#id_members-{row}-arrival_flight", "JL809")
        day1, day2 = f"{year}-05-04", f"{year}-05-05"
        rows = [
            (day1, "10:00", "11:00", "call", "Call on the mayor", visit["room"], visit["free"]),
            (day2, "13:00", "16:30", "site_visit", "Port visit", None, visit["taken"]),
        ]
        for row, (day, starts, ends, kind, title, venue, car) in enumerate(rows):
            page.select_option(f"#id_items-{row}-day", day)
            page.fill(f"#id_items-{row}-starts", starts)
            page.fill(f"#id_items-{row}-ends", ends)
            page.select_option(f"#id_items-{row}-kind", kind)
            page.fill(f"#id_items-{row}-title", title)
            if venue:
                page.select_option(f"#id_items-{row}-venue", str(venue.pk))
            page.select_option(f"#id_items-{row}-vehicle", str(car.pk))

        page.click("button[name=save]")

        # Refused: the van is held by another event's visit; nothing was saved.
        error = page.locator('[data-field-errors="vehicle"]')
        assert "Van A" in error.inner_text()
        assert DelegationMember.objects.count() == 0
        page.screenshot(path=str(ARTIFACTS / "visit_planner_conflict.png"), full_page=True)
        page.locator("[data-use-alternative]", has_text="Van B").click()
        assert page.locator("#id_items-1-vehicle").input_value() == str(visit["free"].pk)

        page.click("button[name=save]")
        page.wait_for_url("**/delegation/programme/**")

        members = DelegationMember.objects.filter(delegation=visit["delegation"])
        assert sorted(m.person.native_name for m in members) == sorted(m[3] for m in MEMBERS)
        live = Booking.objects.filter(status=BookingStatus.CONFIRMED, item__event=visit["event"])
        assert sorted(b.resource.name for b in live) == ["Van B", "Van B", "第一會議室"]
        visit["delegation"].refresh_from_db()
        assert visit["delegation"].hotel == "Grand Hi-Lai Hotel"
    finally:
        context.close()


def test_officer_reads_the_car_timeline_and_opens_a_booking(live_server, browser, visit):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-GB")
    page = context.new_page()
    try:
        _log_in(page, live_server)
        day = f"{visit['year']}-05-05"
        page.goto(f"{live_server.url}/admin/resource-timeline/?kind=vehicle&date={day}&span=day")
        rows = page.locator(".events-timeline__row[data-resource]")
        assert rows.count() == 2
        bar = page.locator(f'[data-resource="{visit["taken"].pk}"] .events-timeline__bar a')
        assert "12:00" in bar.inner_text()
        page.screenshot(path=str(ARTIFACTS / "resource_timeline.png"), full_page=True)
        bar.click()
        page.wait_for_url("**/booking/edit/**")
    finally:
        context.close()


def test_officer_changes_a_planned_visit_and_adds_a_row(live_server, browser, visit):
    """The visit opens again in the planner; "Add an item" gives a row; one save changes all."""
    from events.planning.services import ItemPlan, MemberPlan, plan_visit

    year = visit["year"]
    plan_visit(
        visit["event"],
        delegation=visit["delegation"],
        members=[MemberPlan(role="head", family_name="Sato", native_name="佐竹敬久")],
        items=[
            ItemPlan(
                kind="call",
                title="拜會市長",
                starts_at=taipei(year, 5, 4, 10),
                ends_at=taipei(year, 5, 4, 11),
                resources={"venue": visit["room"]},
            )
        ],
    )
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="en-GB")
    page = context.new_page()
    try:
        _log_in(page, live_server)
        page.goto(f"{live_server.url}/admin/delegation/programme/{visit['delegation'].pk}/")
        page.click("[data-visit-planner-link]")
        page.wait_for_url("**/visit-planner/delegation/**")
        assert page.locator("#id_items-0-title").input_value() == "拜會市長"
        page.fill("#id_items-0-starts", "14:00")
        page.fill("#id_items-0-ends", "15:00")
        before = page.locator("tbody[data-rows=items] tr[data-item-row]").count()
        page.click("[data-add-row=items]")
        row = before  # rows are numbered from 0
        assert page.locator("tbody[data-rows=items] tr[data-item-row]").count() == before + 1
        page.select_option(f"#id_items-{row}-day", f"{year}-05-05")
        page.fill(f"#id_items-{row}-starts", "13:00")
        page.fill(f"#id_items-{row}-ends", "16:30")
        page.select_option(f"#id_items-{row}-kind", "site_visit")
        page.fill(f"#id_items-{row}-title", "Port visit")
        page.select_option(f"#id_items-{row}-vehicle", str(visit["free"].pk))
        page.screenshot(path=str(ARTIFACTS / "visit_planner_edit.png"), full_page=True)
        page.click("button[name=save]")
        page.wait_for_url("**/delegation/programme/**")

        live = Booking.objects.filter(status=BookingStatus.CONFIRMED, item__event=visit["event"])
        assert sorted((b.resource.name, b.starts_at) for b in live) == [
            ("Van B", taipei(year, 5, 5, 13)),
            ("第一會議室", taipei(year, 5, 4, 14)),
        ]
    finally:
        context.close()
