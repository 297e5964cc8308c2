"""The summer camp: ranked review with quotas, groups, rooms, transfers and certificates."""

import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from crm.enums import NameOrder
from crm.roles import PROTOCOL_OFFICERS, VIEWERS, ensure_staff_groups
from events.enums import BookingStatus, EventKind, ItemKind, RegistrationStatus
from events.exceptions import BookingConflict
from events.models import Booking, CampGroupMember, RoomAssignment
from events.programmes.camp import certificates
from events.programmes.camp.selectors import camp_participants, rooming_list
from events.programmes.camp.services import (
    allocate_rooms,
    assign_room,
    book_transfer_vehicles,
    form_camp_groups,
    move_to_group,
    quota_key,
    rank_and_accept,
)
from events.programmes.camp.views import CertificatesView
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import (
    BookingFactory,
    DriverFactory,
    EventFactory,
    ItineraryItemFactory,
    RegistrationFactory,
    VehicleFactory,
    taipei,
)
from tests.factories.programmes import accepted, camp_event
from tests.factories.staff import StaffUserFactory

pytestmark = pytest.mark.django_db


def pdf_text(content):
    """A PDF's text without whitespace or the NULs pypdf reads from two-byte glyph codes."""
    reader = PdfReader(io.BytesIO(content))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    return "".join(text.replace("\x00", "").split())


@pytest.fixture
def officer(client):
    ensure_staff_groups()
    user = StaffUserFactory(group=PROTOCOL_OFFICERS)
    client.force_login(user)
    return user


def applicants(event, organisation, scores, **kwargs):
    return [
        RegistrationFactory(
            event=event,
            home_organisation=organisation,
            score=score,
            family_name=f"{organisation.name_en}-{score}",
            **kwargs,
        )
        for score in scores
    ]


def test_rank_and_accept_takes_the_best_within_quota_and_capacity(
    django_capture_on_commit_callbacks,
):
    event = camp_event()
    suwon, akita, nsysu = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    s90, s80, s70 = applicants(event, suwon, [90, 80, 70])
    a85, a60 = applicants(event, akita, [85, 60])
    n75, n50 = applicants(event, nsysu, [75, 50])
    unscored = RegistrationFactory(event=event, home_organisation=nsysu, score=None)

    with django_capture_on_commit_callbacks(execute=True):
        result = rank_and_accept(event, quota_per_organisation=2, capacity=5, user=None)

    # Quota 2 keeps s70 out although it outscores a60; the capacity of 5 stops at a60.
    assert [r.pk for r in result.accepted] == [s90.pk, a85.pk, s80.pk, n75.pk, a60.pk]
    assert [r.pk for r in result.waitlisted] == [s70.pk, n50.pk, unscored.pk]
    statuses = dict(event.registrations.values_list("pk", "status"))
    assert statuses[s70.pk] == RegistrationStatus.WAITLISTED
    assert statuses[a60.pk] == RegistrationStatus.ACCEPTED
    everyone = [s90, s80, s70, a85, a60, n75, n50, unscored]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in everyone)


def test_rank_and_accept_mails_each_applicant_in_their_language(
    django_capture_on_commit_callbacks,
):
    event = camp_event()
    city = OrganisationFactory()
    korean = RegistrationFactory(event=event, home_organisation=city, score=9, language="ko")
    english = RegistrationFactory(event=event, home_organisation=city, score=5, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        rank_and_accept(event, quota_per_organisation=1, capacity=10, user=None)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[korean.email].extra_headers["Content-Language"] == "ko"
    assert "국제 여름캠프" in by_address[korean.email].subject
    korean.refresh_from_db()
    assert korean.checkin_code in by_address[korean.email].body
    assert by_address[english.email].extra_headers["Content-Language"] == "en"
    assert "International Summer Camp" in by_address[english.email].subject


def test_rank_and_accept_counts_earlier_acceptances_against_the_quota():
    event = camp_event()
    city = OrganisationFactory()
    earlier = accepted(event, home_organisation=city, score=1)
    later = RegistrationFactory(event=event, home_organisation=city, score=99)

    result = rank_and_accept(event, quota_per_organisation=1, capacity=10, user=None)

    assert result.accepted == []
    assert [r.pk for r in result.waitlisted] == [later.pk]
    earlier.refresh_from_db()
    assert earlier.status == RegistrationStatus.ACCEPTED


def test_rank_and_accept_never_exceeds_the_event_capacity():
    event = camp_event(capacity=2)
    applicants(event, OrganisationFactory(), [3, 2, 1])

    result = rank_and_accept(event, quota_per_organisation=5, capacity=10, user=None)

    assert len(result.accepted) == 2
    assert event.registrations.filter(status=RegistrationStatus.ACCEPTED).count() == 2


def test_rank_and_accept_refuses_a_zero_quota():
    event = camp_event()
    RegistrationFactory(event=event)

    with pytest.raises(ValidationError):
        rank_and_accept(event, quota_per_organisation=0, capacity=10, user=None)
    assert event.registrations.get().status == RegistrationStatus.SUBMITTED


def test_quota_key_falls_back_to_the_typed_university():
    event = camp_event()
    city = OrganisationFactory()

    assert quota_key(RegistrationFactory.build(event=event, home_organisation=city)) == (
        "organisation",
        city.pk,
    )
    assert quota_key(RegistrationFactory.build(event=event, university=" NSYSU  Univ ")) == (
        "university",
        "nsysu univ",
    )
    assert quota_key(RegistrationFactory.build(event=event)) == ("unknown", "")


def test_form_camp_groups_mixes_cities_and_replaces_earlier_groups():
    event = camp_event()
    suwon, akita = OrganisationFactory(), OrganisationFactory()
    for index in range(3):
        accepted(event, home_organisation=suwon, family_name=f"S{index}")
        accepted(event, home_organisation=akita, family_name=f"A{index}")
    RegistrationFactory(event=event, home_organisation=suwon)  # not accepted: no group
    buddies = [PersonFactory(), PersonFactory(), PersonFactory()]
    form_camp_groups(event, buddies=[PersonFactory()])

    groups = form_camp_groups(event, buddies=buddies)

    assert [g.buddy for g in groups] == buddies
    assert event.camp_groups.count() == 3
    members = {
        group.pk: sorted(
            m.registration.home_organisation_id
            for m in CampGroupMember.objects.filter(group=group).select_related("registration")
        )
        for group in groups
    }
    assert all(cities == sorted([suwon.pk, akita.pk]) for cities in members.values())


def test_form_camp_groups_needs_distinct_buddies():
    event = camp_event()
    buddy = PersonFactory()

    with pytest.raises(ValidationError):
        form_camp_groups(event, buddies=[buddy, buddy])
    assert event.camp_groups.count() == 0


def test_move_to_group_keeps_one_group_per_participant():
    event = camp_event()
    registration = accepted(event)
    first, second = form_camp_groups(event, buddies=[PersonFactory(), PersonFactory()])

    move_to_group(registration, second)

    assert list(CampGroupMember.objects.filter(registration=registration)) == [
        CampGroupMember.objects.get(group=second)
    ]
    other = camp_event()
    with pytest.raises(ValidationError):
        move_to_group(registration, form_camp_groups(other, buddies=[PersonFactory()])[0])


def test_allocate_rooms_puts_compatriots_together():
    event = camp_event()
    kr = [accepted(event, nationality="KR", family_name=f"Kim{i}") for i in range(3)]
    jp = [accepted(event, nationality="JP", family_name=f"Sato{i}") for i in range(2)]

    allocate_rooms(event, hotel="Hotel Kaohsiung", room_size=2, first_room=201)

    rooms = [(room.room, [r.pk for r in room.occupants]) for room in rooming_list(event)]
    # JP sorts before KR; five participants in rooms of two need three rooms.
    assert rooms == [
        ("201", [jp[0].pk, jp[1].pk]),
        ("202", [kr[0].pk, kr[1].pk]),
        ("203", [kr[2].pk]),
    ]


def test_one_room_per_registration_per_event():
    event = camp_event()
    registration = accepted(event)
    assign_room(registration, hotel="H", room="301")

    assign_room(registration, hotel="H", room="302")

    assert list(RoomAssignment.objects.values_list("room", flat=True)) == ["302"]
    with pytest.raises(ValidationError):
        RoomAssignment(event=event, registration=registration, hotel="H", room="303").full_clean()


def test_book_transfer_vehicles_books_every_transfer_once():
    event = camp_event()
    for _ in range(5):
        accepted(event)
    legs = [
        ItineraryItemFactory(
            event=event,
            kind=ItemKind.TRANSFER,
            starts_at=taipei(2019, 8, 12, 13),
            ends_at=taipei(2019, 8, 12, 14),
        ),
        ItineraryItemFactory(
            event=event,
            kind=ItemKind.TRANSFER,
            starts_at=taipei(2019, 8, 13, 13),
            ends_at=taipei(2019, 8, 13, 14),
        ),
    ]
    ItineraryItemFactory(event=event, kind=ItemKind.CLASS)  # no vehicle for a class
    coach, driver = VehicleFactory(seats=40), DriverFactory()

    first = book_transfer_vehicles(event, vehicles=[coach], drivers=[driver])
    again = book_transfer_vehicles(event, vehicles=[coach], drivers=[driver])

    assert len(first) == 4
    assert again == []
    assert sorted(
        Booking.objects.filter(status=BookingStatus.CONFIRMED).values_list("item", "resource")
    ) == sorted([(leg.pk, resource.pk) for leg in legs for resource in (coach, driver)])


def test_book_transfer_vehicles_refuses_too_few_seats_and_clashes():
    event = camp_event()
    for _ in range(5):
        accepted(event)
    ItineraryItemFactory(
        event=event,
        kind=ItemKind.TRANSFER,
        starts_at=taipei(2019, 8, 12, 13),
        ends_at=taipei(2019, 8, 12, 14),
    )
    small, busy = VehicleFactory(seats=4), VehicleFactory(seats=40)
    BookingFactory(
        resource=busy, starts_at=taipei(2019, 8, 12, 12), ends_at=taipei(2019, 8, 12, 15)
    )

    with pytest.raises(ValidationError):
        book_transfer_vehicles(event, vehicles=[small])
    with pytest.raises(BookingConflict):
        book_transfer_vehicles(event, vehicles=[busy])
    assert Booking.objects.filter(item__event=event).count() == 0


def test_certificate_names_put_cjk_family_names_first():
    event = camp_event()
    korean = RegistrationFactory.build(
        event=event, family_name="Kim", given_name="Minji", native_name="김민지", nationality="KR"
    )
    american = RegistrationFactory.build(
        event=event, family_name="Smith", given_name="Anna", nationality="US"
    )
    person = PersonFactory(
        family_name="Sato",
        given_name="Yui",
        native_name="佐藤結衣",
        name_order=NameOrder.FAMILY_FIRST,
    )
    linked = RegistrationFactory.build(
        event=event, family_name="x", given_name="y", nationality="US", person=person
    )

    assert certificates.certificate_names(korean) == ("김민지", "Kim Minji")
    assert certificates.certificate_names(american) == ("Anna Smith", "")
    assert certificates.certificate_names(linked) == ("佐藤結衣", "Sato Yui")
    local = RegistrationFactory.build(
        event=event, family_name="陳", given_name="怡君", native_name="陳怡君", nationality="TW"
    )
    assert certificates.certificate_names(local) == ("陳怡君", "")


def test_certificate_is_in_the_participants_language_and_script():
    event = camp_event()
    registration = accepted(
        event,
        family_name="Kim",
        given_name="Minji",
        native_name="김민지",
        nationality="KR",
        language="ko",
    )

    text = pdf_text(certificates.render_certificate(registration))

    assert "김민지" in text
    assert "KimMinji" in text
    assert "국제여름캠프" in text
    with translation.override("ko"):
        from django.utils.translation import gettext

        assert "".join(gettext("Certificate of participation").split()) in text


def test_certificate_is_refused_for_an_applicant_not_accepted():
    registration = RegistrationFactory(event=camp_event())

    with pytest.raises(ValidationError):
        certificates.render_certificate(registration)


def test_camp_officers_path_end_to_end(client, rf, officer, django_capture_on_commit_callbacks):
    """Applications in, ranked with quotas, groups, rooms, coach, participant list, certificates."""
    event = camp_event(capacity=4)
    suwon, akita = OrganisationFactory(name_en="Suwon"), OrganisationFactory(name_en="Akita")
    kim = RegistrationFactory(
        event=event,
        home_organisation=suwon,
        score=95,
        family_name="Kim",
        given_name="Minji",
        native_name="김민지",
        nationality="KR",
        language="ko",
        emergency_contact_name="Kim Sr",
        emergency_contact_phone="+82212345678",
        passport_number="M12345678",
    )
    lee = RegistrationFactory(event=event, home_organisation=suwon, score=90, nationality="KR")
    park = RegistrationFactory(event=event, home_organisation=suwon, score=85, nationality="KR")
    sato = RegistrationFactory(
        event=event,
        home_organisation=akita,
        score=70,
        family_name="Sato",
        given_name="Yui",
        native_name="佐藤結衣",
        nationality="JP",
        language="ja",
    )
    transfer = ItineraryItemFactory(
        event=event,
        kind=ItemKind.TRANSFER,
        starts_at=taipei(2019, 8, 12, 13),
        ends_at=taipei(2019, 8, 12, 14),
    )
    buddy = PersonFactory(family_name="Lin", given_name="Yi-chun")
    coach, driver = VehicleFactory(seats=20), DriverFactory()
    camp_url = reverse("programmes:camp", args=[event.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("programmes:camp_rank", args=[event.pk]),
            {"quota_per_organisation": 2, "capacity": 4},
        )
    assert response.status_code == 302
    statuses = dict(event.registrations.values_list("pk", "status"))
    assert statuses == {
        kim.pk: RegistrationStatus.ACCEPTED,
        lee.pk: RegistrationStatus.ACCEPTED,
        park.pk: RegistrationStatus.WAITLISTED,
        sato.pk: RegistrationStatus.ACCEPTED,
    }
    assert {m.to[0] for m in mail.outbox} == {kim.email, lee.email, park.email, sato.email}

    client.post(reverse("programmes:camp_groups", args=[event.pk]), {"buddies": [buddy.pk]})
    client.post(
        reverse("programmes:camp_rooms", args=[event.pk]),
        {"hotel": "Hotel Kaohsiung", "room_size": 2, "first_room": 101},
    )
    client.post(
        reverse("programmes:camp_vehicles", args=[event.pk]),
        {"vehicles": [coach.pk], "drivers": [driver.pk]},
    )
    assert set(transfer.bookings.values_list("resource", flat=True)) == {coach.pk, driver.pk}

    page = client.get(camp_url)
    assert page.status_code == 200
    assert [r.pk for r in page.context["review"]] == [kim.pk, lee.pk, park.pk, sato.pk]
    assert [len(g.members) for g in page.context["groups"]] == [3]

    participants = client.get(reverse("programmes:camp_participants", args=[event.pk]))
    rows = {p.registration.pk: p for p in participants.context["participants"]}
    assert sorted(rows) == sorted([kim.pk, lee.pk, sato.pk])
    assert rows[kim.pk].buddy == buddy
    # Japanese before Korean; the two Korean students share a room.
    assert rows[sato.pk].room.room == "101"
    assert rows[kim.pk].room.room == rows[lee.pk].room.room == "102"
    html = participants.content.decode()
    assert "Kim Sr" in html and "+82212345678" in html
    assert "Kim Minji" in html and "Sato Yui" in html  # family name first for CJK names
    assert "M12345678" in html  # officers may see passports

    pdf = client.get(reverse("programmes:camp_certificates", args=[event.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    assert len(reader.pages) == 3
    text = pdf_text(pdf.content)
    assert "김민지" in text and "佐藤結衣" in text
    single = client.get(reverse("programmes:camp_certificate", args=[event.pk, sato.pk]))
    assert "佐藤結衣" in pdf_text(single.content)
    # A waitlisted applicant has no certificate (called directly: through the client,
    # LocaleMiddleware turns an admin 404 into a redirect).
    request = rf.get("/")
    request.user = officer
    with pytest.raises(Http404):
        CertificatesView.as_view()(request, pk=event.pk, registration=park.pk)


def test_participant_list_hides_passports_without_the_permission(client):
    ensure_staff_groups()
    client.force_login(StaffUserFactory(group=VIEWERS))
    event = camp_event()
    accepted(event, passport_number="M12345678", emergency_contact_name="Mother")

    response = client.get(reverse("programmes:camp_participants", args=[event.pk]))

    assert response.status_code == 200
    assert "Mother" in response.content.decode()
    assert "M12345678" not in response.content.decode()
    # Viewers may not decide: Wagtail sends them back to the dashboard and nothing changes.
    refused = client.post(
        reverse("programmes:camp_rank", args=[event.pk]),
        {"quota_per_organisation": 1, "capacity": 1},
    )
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))


def test_camp_participants_query_count_constant(client, officer, django_assert_num_queries):
    event = camp_event()
    city = OrganisationFactory()

    def fill(count):
        for _ in range(count):
            accepted(event, home_organisation=city)
        form_camp_groups(event, buddies=[PersonFactory(), PersonFactory()])
        allocate_rooms(event, hotel="H")

    url = reverse("programmes:camp_participants", args=[event.pk])
    fill(10)
    with CaptureQueriesContext(connection) as at_ten:
        assert len(client.get(url).context["participants"]) == 10
    fill(90)
    with django_assert_num_queries(len(at_ten)):
        response = client.get(url)
    assert len(response.context["participants"]) == 100
    assert len(camp_participants(event)) == 100


def test_camp_page_query_count_constant(client, officer, django_assert_num_queries):
    event = camp_event()
    city = OrganisationFactory()

    def fill(count):
        for _ in range(count):
            accepted(event, home_organisation=city)
            RegistrationFactory(event=event, home_organisation=city, score=1)
        form_camp_groups(event, buddies=[PersonFactory(), PersonFactory()])
        allocate_rooms(event, hotel="H")

    url = reverse("programmes:camp", args=[event.pk])
    fill(5)
    with CaptureQueriesContext(connection) as at_ten:
        assert len(client.get(url).context["review"]) == 10
    fill(45)
    with django_assert_num_queries(len(at_ten)):
        response = client.get(url)
    assert len(response.context["review"]) == 100


def test_certificates_query_count_constant(django_assert_num_queries):
    event = camp_event()

    def fill(count):
        for _ in range(count):
            accepted(event, native_name="김민지", nationality="KR", language="ko")

    fill(10)
    with CaptureQueriesContext(connection) as at_ten:
        assert len(PdfReader(io.BytesIO(certificates.event_certificates(event))).pages) == 10
    fill(90)
    with django_assert_num_queries(len(at_ten)):
        content = certificates.event_certificates(event)
    assert len(PdfReader(io.BytesIO(content)).pages) == 100


def test_programmes_index_lists_camps_tours_and_parties(client, officer, django_assert_num_queries):
    kinds = [EventKind.CAMP, EventKind.TOUR, EventKind.PARTY]

    def fill(count):
        for index in range(count):
            EventFactory(kind=kinds[index % 3])
            EventFactory(kind=EventKind.MEETING)  # not a programme: not listed

    url = reverse("programmes:index")
    fill(10)
    with CaptureQueriesContext(connection) as at_ten:
        rows = client.get(url).context["rows"]
    assert len(rows) == 10
    assert {row["url"].split("/")[-3] for row in rows} == {"camp", "tour", "party"}
    fill(90)
    with django_assert_num_queries(len(at_ten)):
        response = client.get(url)
    assert len(response.context["rows"]) == 100
