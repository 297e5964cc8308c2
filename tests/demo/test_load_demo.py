"""load_demo: the report's facts and totals, marked illustrations, and a second run that changes
nothing. Loading takes seconds, so one test loads twice and checks everything it needs."""

import datetime
import io
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, ManagementUtility, call_command
from django.db.models import Exists, OuterRef
from django.utils import translation
from wagtail.models import Page

from crm.models import Organisation, Person, Relationship, RelationshipRenewal
from crm.selectors.ties import sister_cities_in_order
from events.enums import Direction, VenueKind
from events.models import Booking, Delegation, Event, SeatingPlan, Venue
from events.seating.selectors import stored_warnings
from events.selectors.stats import (
    room_bookings_by_venue,
    vehicle_trips_by_month,
    visitors_in_year,
    visits_in_year,
)

pytestmark = pytest.mark.django_db

# The Chinese names the report gives the visitors it names.
CHINESE_NAMES = {
    ("Christensen", "Brent"): "酈英傑",
    ("O'Connor", "Matthew"): "歐雨修",
    ("Moriarty", "James F."): "莫健",
    ("Yeom", "Tae-young"): "廉泰英",
    ("Satake", "Norihisa"): "佐竹敬久",
    ("Kabashima", "Ikuo"): "蒲島郁夫",
    ("Wagner", "Bernard"): "韋柏納",
    ("Reeves", "Jordan"): "芮喬丹",
    ("Fuchssteiner", "Christian"): "傅詩元",
    ("Cowan", "Gary"): "高戈銳",
    ("黃", "偉權"): "黃偉權",
    ("涂", "慕怡"): "涂慕怡",
}


def snapshot():
    """Every row of the project's and auth's tables, with every column, in primary-key order."""
    tables = {}
    for label in ("crm", "events", "auth"):
        for model in apps.get_app_config(label).get_models():
            tables[model._meta.label] = list(model.objects.order_by("pk").values())
    tables["wagtailcore.Page"] = list(
        Page.objects.order_by("pk").values("pk", "path", "title", "locale_id", "live")
    )
    return tables


def load():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_loads_the_report_and_a_second_run_changes_nothing():
    output = load()
    first = snapshot()
    load()
    second = snapshot()

    assert "demo / kaohsiung-demo" in output
    assert {label: len(rows) for label, rows in second.items()} == {
        label: len(rows) for label, rows in first.items()
    }
    changed = [label for label in first if first[label] != second[label]]
    assert changed == []

    # A generational suffix follows the whole name, not the given name.
    assert str(Person.objects.get(family_name="Feulner")) == "Edwin J. Feulner, Jr."
    # Suwon is Kaohsiung's 34th sister or friendship city, signed at the luncheon.
    numbered = sister_cities_in_order()
    suwon = Relationship.objects.get(target__name_en="Suwon")
    assert [number for number, tie in numbered if tie == suwon] == [34]
    assert len(numbered) == 34
    assert suwon.signed_on == datetime.date(2019, 2, 16)
    assert suwon.is_illustrative is False
    luncheon = Event.objects.get(title_en="2019 Kaohsiung International Luncheon")
    assert list(luncheon.relationships.all()) == [suwon]
    assert luncheon.delegations.count() == 9
    # The luncheon's illustrative guest list, the replies and the generated seating plan.
    replies = Counter(luncheon.invitations.values_list("status", flat=True))
    assert replies == {"accepted": 136, "declined": 7, "pending": 3}
    assert not luncheon.invitations.filter(is_illustrative=False).exists()
    assert (
        sum(invitation.seat_count for invitation in luncheon.invitations.filter(status="accepted"))
        <= luncheon.capacity
    )
    assert sorted(
        (delegation.declared_size, delegation.members.count())
        for delegation in luncheon.delegations.all()
    ) == [(5, 5), (5, 5), (6, 6), (6, 6), (7, 7), (7, 7), (8, 8), (8, 8), (12, 12)]
    plan = SeatingPlan.objects.get(event=luncheon)
    assert plan.seats.count() == 136
    assert plan.seating_tables.count() == 14
    assert plan.host.native_name == "韓國瑜"
    # Suwon signed here: its mayor sits at the host's right although envoys rank higher.
    assert plan.guest_of_honour.native_name == "염태영"
    honour_seat = plan.seats.get(person=plan.guest_of_honour)
    assert (honour_seat.table.number, honour_seat.position) == (1, 2)
    assert [warning for warning in stored_warnings(plan) if warning.is_hard] == []
    assert list(
        RelationshipRenewal.objects.filter(
            relationship__target__name_en="Akita Prefecture"
        ).values_list("renewed_on", flat=True)
    ) == [datetime.date(2019, 8, 23)]

    # The other partners come from the public list, each with its source and no invented
    # date: 17 dated before Suwon, 16 without a date (listed last, without a number).
    others = [(number, tie) for number, tie in numbered if tie != suwon]
    assert {tie.is_illustrative for _number, tie in others} == {False}
    assert all(tie.source_url.startswith("http") for _number, tie in others)
    assert [number for number, _tie in others if number is not None] == list(range(1, 18))
    assert sum(1 for number, _tie in others if number is None) == 16
    assert not Organisation.objects.filter(name_en__startswith="Illustrative partner").exists()
    assert "34th" in suwon.notes
    honolulu = Relationship.objects.get(target__name_en="Honolulu")
    assert (honolulu.signed_on, honolulu.signed_precision) == (datetime.date(1962, 1, 1), "year")
    akita = Relationship.objects.get(target__name_en="Akita Prefecture")
    assert akita.signed_on == datetime.date(2016, 8, 25)

    # The named visitors carry their official Chinese names.
    found = {
        (person.family_name, person.given_name): person.chinese_name
        for person in Person.objects.filter(
            chinese_name__in=CHINESE_NAMES.values(), is_illustrative=False
        )
    }
    assert found == CHINESE_NAMES
    assert Person.objects.get(native_name="염태영").chinese_name == "廉泰英"

    # The report's 2019 totals, through the statistics selectors.
    assert visits_in_year(2019).total == 60
    assert visitors_in_year(2019).total == 855
    assert visits_in_year(2019).by_country["KR"] >= 2
    assert sum(vehicle_trips_by_month(2019).values()) == 938
    # The report counts meeting-room bookings apart from openings of the halls and plazas.
    by_building = {}
    for venue, count in room_bookings_by_venue(2019):
        if venue.building_en:
            key = (venue.building_en, venue.venue_kind == VenueKind.MEETING_ROOM)
            by_building[key] = by_building.get(key, 0) + count
    assert by_building == {
        ("Fengshan Administrative Center", True): 851,
        ("Fengshan Administrative Center", False): 264,
        ("Siwei (Four Dimensions) Administrative Center", True): 1021,
        ("Siwei (Four Dimensions) Administrative Center", False): 142,
    }
    assert Delegation.objects.filter(direction=Direction.OUTBOUND).count() == 4

    # No resource is booked twice at once (PostgreSQL's constraint enforces it; SQLite too).
    clash = (
        Booking.objects.confirmed()
        .filter(
            resource=OuterRef("resource"),
            starts_at__lt=OuterRef("ends_at"),
            ends_at__gt=OuterRef("starts_at"),
        )
        .exclude(pk=OuterRef("pk"))
    )
    assert Booking.objects.confirmed().filter(Exists(clash)).count() == 0
    assert Booking.objects.confirmed().filter(starts_at__year=2019).count() > 3000

    # The demo login and the staff groups.
    assert authenticate(username="demo", password="kaohsiung-demo") == User.objects.get(
        username="demo", is_superuser=True, is_staff=True
    )
    assert set(Group.objects.values_list("name", flat=True)) >= {"Protocol officers", "Viewers"}
    assert Venue.objects.filter(building_en="Fengshan Administrative Center").count() == 8

    # The gift register shows both reasons to declare; the mailing lists are invented, and say so.
    from crm.models import Gift, MailingList

    declared = list(Gift.objects.for_declaration())
    assert any(gift.above_threshold for gift in declared)
    assert any(gift.above_yearly_cap and not gift.above_threshold for gift in declared)
    assert not Gift.objects.filter(is_illustrative=False).exists()
    assert MailingList.objects.count() == 2
    assert not MailingList.objects.filter(is_illustrative=False).exists()


def test_load_demo_refuses_a_second_home_city_and_saves_nothing():
    Organisation.objects.create(kind="city", name="臺北市政府", name_en="Taipei", is_home=True)

    with (
        translation.override("en"),
        pytest.raises(CommandError, match="Loading the demo data failed, nothing was saved"),
    ):
        call_command("load_demo", stdout=io.StringIO())

    assert list(Organisation.objects.values_list("name_en", flat=True)) == ["Taipei"]
    assert Person.objects.count() == 0
    assert not User.objects.filter(username="demo").exists()


def test_load_demo_prints_its_help_in_the_active_language(capsys):
    # argparse formats the help with re.sub, which refuses a lazy translation.
    with translation.override("en"):
        ManagementUtility(["manage.py", "help", "load_demo"]).execute()
    assert "Running it again changes nothing." in " ".join(capsys.readouterr().out.split())
    with translation.override("zh-hant"):
        ManagementUtility(["manage.py", "help", "load_demo"]).execute()
    assert "重複執行不會變更任何資料。" in " ".join(capsys.readouterr().out.split())
