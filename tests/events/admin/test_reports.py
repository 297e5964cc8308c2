"""The events admin's read-only pages: run sheet, programme, booking week, statistics."""

import datetime
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from django_countries.fields import Country

from core.roles import VIEWERS, ensure_staff_groups
from events.enums import BookingStatus, EventKind, ItemStatus, StaffRole
from events.models import ItineraryStaff
from events.views.resources import week_blocks, week_grid
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import (
    BookingFactory,
    DelegationFactory,
    DelegationMemberFactory,
    DriverFactory,
    EventFactory,
    ItineraryItemFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


class TableReader(HTMLParser):
    """The text of each cell of the rows marked data-entry, one list per row."""

    def __init__(self):
        super().__init__()
        self.rows, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "tr" and "data-entry" in dict(attrs):
            self.rows.append([])
        elif tag == "td" and self.rows is not None and self._cell is None and self.rows:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" / ")

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_rows(response):
    reader = TableReader()
    reader.feed(response.content.decode())
    return reader.rows


def office_words(*messages):
    """Template strings as the admin shows them in the office's language (zh-hant)."""
    words = []
    with translation.override("zh-hant"):
        for text, params in messages:
            params = dict(params)
            context = params.pop("context", None)
            word = pgettext(context, text) if context else gettext(text)
            words.append(word % params if params else word)
    return words


@pytest.fixture
def viewer_client(client, django_user_model):
    ensure_staff_groups()
    user = django_user_model.objects.create_user(username="viewer", password="pw")
    user.groups.add(Group.objects.get(name=VIEWERS))
    client.force_login(user)
    return client


def make_day():
    """The Belize City visit of 2019-03-29: a call, a transfer and a meeting-room booking."""
    event = EventFactory(
        title_zh_hant="貝里斯市訪問",
        starts_at=taipei(2019, 3, 29, 9),
        ends_at=taipei(2019, 3, 29, 18),
    )
    hall = VenueFactory(name_zh_hant="市長會客室", building_zh_hant="四維行政中心")
    room = VenueFactory(name_zh_hant="第一會議室", building_zh_hant="")
    car = VehicleFactory(name_zh_hant="禮賓車", plate="KHH-0001")
    driver = DriverFactory(person=PersonFactory(family_name="Chen", given_name="Wei"))
    interpreter = PersonFactory(family_name="Lee", given_name="Anna")
    call = ItineraryItemFactory(
        event=event,
        title_zh_hant="拜會市長",
        starts_at=taipei(2019, 3, 29, 10),
        ends_at=taipei(2019, 3, 29, 10, 30),
        venue=hall,
    )
    ItineraryStaff.objects.create(
        item=call,
        person=interpreter,
        role=StaffRole.INTERPRETER,
        language_from="en",
        language_to="zh-hant",
    )
    transfer = ItineraryItemFactory(
        event=event,
        title_zh_hant="前往港區",
        kind="transfer",
        starts_at=taipei(2019, 3, 29, 11),
        ends_at=taipei(2019, 3, 29, 11, 45),
        address="高雄港",
    )
    for resource in (car, driver):
        BookingFactory(
            resource=resource,
            item=transfer,
            starts_at=transfer.starts_at,
            ends_at=transfer.ends_at,
        )
    BookingFactory(
        resource=room,
        starts_at=taipei(2019, 3, 29, 8),
        ends_at=taipei(2019, 3, 29, 9),
        purpose="局務會議",
        requested_by="新聞局",
    )
    ItineraryItemFactory(
        event=event,
        title_zh_hant="取消的晚宴",
        starts_at=taipei(2019, 3, 29, 19),
        ends_at=taipei(2019, 3, 29, 21),
        status=ItemStatus.CANCELLED,
    )
    # The next day does not belong on this sheet.
    ItineraryItemFactory(
        event=event,
        title_zh_hant="送機",
        starts_at=taipei(2019, 3, 30, 9),
        ends_at=taipei(2019, 3, 30, 10),
    )
    return event


def test_run_sheet_lists_the_day_in_time_order(viewer_client):
    make_day()

    response = viewer_client.get(reverse("run-sheet:index"), {"date": "2019-03-29"})

    for_press, interpreter, cancelled = office_words(
        ("for %(owner)s", {"owner": "新聞局"}),
        ("interpreter", {}),
        ("cancelled", {"context": "item status"}),
    )
    assert response.status_code == 200
    assert table_rows(response) == [
        ["08:00–09:00", f"局務會議 / {for_press}", "", "第一會議室", "", "", "", "", ""],
        [
            "10:00–10:30",
            "拜會市長 / 貝里斯市訪問",
            "四維行政中心 市長會客室",
            "市長會客室",
            "",
            "",
            # Interpreting languages by name: 英語→繁體中文, not en→zh-hant.
            f"Anna Lee ({interpreter}) 英語→繁體中文",
            "",
            "",
        ],
        [
            "11:00–11:45",
            "前往港區 / 貝里斯市訪問",
            "高雄港",
            "",
            "禮賓車 (KHH-0001)",
            "Wei Chen",
            "",
            "",
            "",
        ],
        ["19:00–21:00", f"取消的晚宴 ({cancelled}) / 貝里斯市訪問", "", "", "", "", "", "", ""],
    ]
    content = response.content.decode()
    assert 'class="is-cancelled"' in content
    assert "events/css/admin.css" in content
    assert "?date=2019-03-28" in content
    assert "?date=2019-03-30" in content


def test_run_sheet_defaults_to_today(viewer_client):
    response = viewer_client.get(reverse("run-sheet:index"))

    assert response.status_code == 200
    assert response.context["day"] == timezone.localdate()
    assert table_rows(response) == []
    assert office_words(("Nothing is scheduled.", {}))[0] in response.content.decode()


def test_run_sheet_query_count_constant(viewer_client, django_assert_num_queries):
    def fill(count):
        event = EventFactory(starts_at=taipei(2019, 3, 29, 0), ends_at=taipei(2019, 3, 29, 23))
        venue = VenueFactory()
        for minute in range(count):
            start = taipei(2019, 3, 29, 8) + datetime.timedelta(minutes=5 * minute)
            item = ItineraryItemFactory(
                event=event,
                venue=venue,
                starts_at=start,
                ends_at=start + datetime.timedelta(minutes=5),
            )
            BookingFactory(
                resource=VehicleFactory(), item=item, starts_at=start, ends_at=item.ends_at
            )
            ItineraryStaff.objects.create(item=item, person=PersonFactory(), role="liaison")

    url = reverse("run-sheet:index")
    fill(10)
    with CaptureQueriesContext(connection) as at_ten:
        assert len(table_rows(viewer_client.get(url, {"date": "2019-03-29"}))) == 10
    fill(90)
    with django_assert_num_queries(len(at_ten)):
        response = viewer_client.get(url, {"date": "2019-03-29"})
    assert len(table_rows(response)) == 100


def test_delegation_programme_shows_its_days(viewer_client):
    event = make_day()
    delegation = DelegationFactory(event=event, name="Belize City delegation", hotel="漢來飯店")

    response = viewer_client.get(reverse("delegation:programme", args=[delegation.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-day="2019-03-29"' in content
    assert 'data-day="2019-03-30"' in content
    assert "漢來飯店" in content
    assert [row[1] for row in table_rows(response)] == [
        "拜會市長",
        "前往港區",
        "取消的晚宴 ({})".format(*office_words(("cancelled", {"context": "item status"}))),
        "送機",
    ]


def test_delegation_programme_query_count_constant(viewer_client, django_assert_num_queries):
    event = EventFactory(starts_at=taipei(2019, 8, 12, 0), ends_at=taipei(2019, 8, 17, 23))
    delegation = DelegationFactory(event=event)
    member = DelegationMemberFactory(delegation=delegation)

    def fill(count):
        for index in range(count):
            start = taipei(2019, 8, 12, 8) + datetime.timedelta(hours=index)
            item = ItineraryItemFactory(
                event=event,
                starts_at=start,
                ends_at=start + datetime.timedelta(minutes=30),
                venue=VenueFactory(),
            )
            item.members.add(member)

    url = reverse("delegation:programme", args=[delegation.pk])
    fill(10)
    with CaptureQueriesContext(connection) as at_ten:
        assert len(table_rows(viewer_client.get(url))) == 10
    fill(90)
    with django_assert_num_queries(len(at_ten)):
        response = viewer_client.get(url)
    assert len(table_rows(response)) == 100


def test_week_view_places_bookings_by_day_and_hour(viewer_client):
    room = VenueFactory(name_zh_hant="第一會議室")
    # Monday 2019-02-11 to Sunday 2019-02-17.
    tuesday = BookingFactory(
        resource=room,
        starts_at=taipei(2019, 2, 12, 9),
        ends_at=taipei(2019, 2, 12, 10, 30),
        purpose="局務會議",
        requested_by="新聞局",
    )
    cancelled = BookingFactory(
        resource=room,
        starts_at=taipei(2019, 2, 13, 14),
        ends_at=taipei(2019, 2, 13, 15),
        purpose="取消的會議",
        status=BookingStatus.CANCELLED,
    )
    BookingFactory(
        resource=VenueFactory(),
        starts_at=taipei(2019, 2, 12, 9),
        ends_at=taipei(2019, 2, 12, 10),
        purpose="別的會議室",
    )
    BookingFactory(
        resource=room,
        starts_at=taipei(2019, 2, 18, 9),
        ends_at=taipei(2019, 2, 18, 10),
        purpose="下週",
    )

    response = viewer_client.get(
        reverse("booking-week:index"), {"resource": room.pk, "week": "2019-02-14"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert 'data-week="2019-02-11"' in content
    # Tuesday is the third grid column; 09:00 is row 2 + 8 quarter hours after 07:00.
    assert f'data-booking="{tuesday.pk}" style="grid-column: 3; grid-row: 10 / 16"' in content
    assert "局務會議" in content and "新聞局" in content
    assert f'data-booking="{cancelled.pk}"' not in content
    assert "取消的會議" not in content
    assert "別的會議室" not in content
    assert "下週" not in content
    assert f"?resource={room.pk}&amp;week=2019-02-04" in content
    assert f"?resource={room.pk}&amp;week=2019-02-18" in content
    assert content.count('class="events-week__day') == 7
    assert content.count('class="events-week__hour"') == 14


def test_week_view_without_a_resource_shows_the_picker(viewer_client):
    VenueFactory(name_zh_hant="第一會議室")

    response = viewer_client.get(reverse("booking-week:index"))

    assert response.status_code == 200
    assert response.context["resource"] is None
    assert 'name="resource"' in response.content.decode()
    assert "第一會議室" in response.content.decode()


def test_week_blocks_split_an_overnight_booking_and_widen_the_grid():
    room = VenueFactory()
    overnight = BookingFactory(
        resource=room, starts_at=taipei(2019, 2, 12, 22), ends_at=taipei(2019, 2, 13, 6, 30)
    )
    from events.selectors.logistics import resource_week

    blocks = week_blocks(resource_week(room, datetime.date(2019, 2, 11)))
    hours, slots = week_grid(blocks)

    assert [
        (b["booking"], b["day"], b["start_minute"], b["end_minute"], b["row_start"], b["row_end"])
        for b in blocks
    ] == [
        (overnight, 1, 22 * 60, 24 * 60, 22 * 4 + 2, 24 * 4 + 2),
        (overnight, 2, 0, 6 * 60 + 30, 2, 26 + 2),
    ]
    assert [blocks[0]["continues_after"], blocks[1]["continues_before"]] == [True, True]
    assert (hours[0]["label"], hours[-1]["label"], slots) == ("00:00", "23:00", 96)


def test_week_view_query_count_constant(viewer_client, django_assert_num_queries):
    room = VenueFactory()

    def fill(count, offset):
        for index in range(count):
            start = taipei(2019, 2, 11, 7) + datetime.timedelta(minutes=10 * (offset + index))
            BookingFactory(
                resource=room, starts_at=start, ends_at=start + datetime.timedelta(minutes=10)
            )

    url = reverse("booking-week:index")
    fill(10, 0)
    with CaptureQueriesContext(connection) as at_ten:
        assert (
            viewer_client.get(url, {"resource": room.pk, "week": "2019-02-11"}).status_code == 200
        )
    fill(90, 10)
    with django_assert_num_queries(len(at_ten)):
        response = viewer_client.get(url, {"resource": room.pk, "week": "2019-02-11"})
    assert len(response.context["blocks"]) == 100


def test_statistics_count_the_year(viewer_client):
    suwon = OrganisationFactory(name_zh_hant="水原市", country="KR")
    akita = OrganisationFactory(name_zh_hant="秋田縣", country="JP")
    luncheon = EventFactory(kind="luncheon", starts_at=taipei(2019, 2, 16, 11))
    visit = EventFactory(
        kind="courtesy_visit", starts_at=taipei(2019, 3, 29, 9), ends_at=taipei(2019, 3, 29, 18)
    )
    DelegationFactory(event=luncheon, organisation=suwon, declared_size=12)
    DelegationFactory(event=visit, organisation=akita, declared_size=5)
    DelegationFactory(event=visit, organisation=suwon, declared_size=3)
    car = VehicleFactory()
    hall = VenueFactory(name_zh_hant="大禮堂", building_zh_hant="四維行政中心")
    for month, day in ((1, 5), (1, 6), (3, 1)):
        BookingFactory(
            resource=car,
            starts_at=taipei(2019, month, day, 9),
            ends_at=taipei(2019, month, day, 10),
        )
    BookingFactory(resource=hall, starts_at=taipei(2019, 4, 1, 9), ends_at=taipei(2019, 4, 1, 10))
    BookingFactory(resource=hall, starts_at=taipei(2018, 4, 1, 9), ends_at=taipei(2018, 4, 1, 10))

    response = viewer_client.get(reverse("event-statistics:index"), {"year": 2019})

    assert response.status_code == 200
    context = response.context
    assert (context["visits"].total, context["visitors"].total) == (3, 20)
    # Labels in the admin's language (zh-hant here), as the catalogues translate them.
    with translation.override("zh-hant"):
        korea, japan = Country("KR").name, Country("JP").name
        luncheon_label, visit_label = EventKind.LUNCHEON.label, EventKind.COURTESY_VISIT.label
    assert context["by_country"] == [
        {"label": korea, "visits": 2, "visitors": 15},
        {"label": japan, "visits": 1, "visitors": 5},
    ]
    assert [{**row, "label": str(row["label"])} for row in context["by_kind"]] == [
        {"label": str(luncheon_label), "visits": 1, "visitors": 12},
        {"label": str(visit_label), "visits": 2, "visitors": 8},
    ]
    assert [(row["count"], row["percent"]) for row in context["trips"][:4]] == [
        (2, 100),
        (0, 0),
        (1, 50),
        (0, 0),
    ]
    assert context["trips_total"] == 3
    assert [(row["venue"], row["count"]) for row in context["room_bookings"]] == [(hall, 1)]
    content = response.content.decode()
    assert '<td class="events-number" data-visitors>20</td>' in content
    assert '<td class="events-number" data-trips>3</td>' in content


def test_statistics_tables_by_country_and_by_kind_show_visits_and_visitors(viewer_client):
    event = EventFactory(kind="luncheon", starts_at=taipei(2019, 2, 16, 11))
    DelegationFactory(event=event, organisation=OrganisationFactory(country="KR"), declared_size=12)

    response = viewer_client.get(reverse("event-statistics:index"), {"year": 2019})

    content = response.content.decode()
    for name in ("by-country", "by-kind"):
        table = content.split(f"data-{name}>")[1].split("</table>")[0]
        assert table.count("<tr>") == 2  # the heading and one row
        assert '<td class="events-number">1</td><td class="events-number">12</td>' in table


def test_statistics_query_count_constant(viewer_client, django_assert_num_queries):
    def fill(count):
        for _ in range(count):
            event = EventFactory(starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 1, 10))
            DelegationFactory(event=event, declared_size=4)
            VenueFactory()

    url = reverse("event-statistics:index")
    fill(10)
    with CaptureQueriesContext(connection) as at_ten:
        assert viewer_client.get(url, {"year": 2019}).context["visits"].total == 10
    fill(90)
    with django_assert_num_queries(len(at_ten)):
        response = viewer_client.get(url, {"year": 2019})
    assert response.context["visits"].total == 100


def test_report_pages_redirect_anonymous_to_login(client):
    delegation = DelegationFactory()

    for url in (
        reverse("run-sheet:index"),
        reverse("booking-week:index"),
        reverse("event-statistics:index"),
        reverse("delegation:programme", args=[delegation.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
