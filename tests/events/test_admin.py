"""The events back office: viewsets, permissions, service-backed forms, sensitive fields."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.roles import PROTOCOL_OFFICERS, VIEWERS, ensure_staff_groups
from events.enums import (
    BookingStatus,
    EventStatus,
    InvitationStatus,
    ItemStatus,
    RegistrationStatus,
)
from events.exceptions import BookingConflict
from events.models import (
    Booking,
    Event,
    Interpreter,
    Invitation,
    ItineraryItem,
    ItineraryStaff,
    Vip,
)
from tests.factories.crm import PersonFactory, RelationshipFactory
from tests.factories.events import (
    BookingFactory,
    DelegationFactory,
    DelegationMemberFactory,
    DriverFactory,
    EventFactory,
    InterpreterFactory,
    InvitationFactory,
    ItineraryItemFactory,
    RegistrationFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db

PASSPORT = "X1234567"


def make_user(django_user_model, username, group_name=None):
    user = django_user_model.objects.create_user(username=username, password="pw")
    if group_name:
        ensure_staff_groups()
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def officer(django_user_model):
    return make_user(django_user_model, "officer", PROTOCOL_OFFICERS)


@pytest.fixture
def viewer(django_user_model):
    return make_user(django_user_model, "viewer", VIEWERS)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def clerk_client(client, django_user_model):
    """An editor of registrations without the permission for passports and birth dates."""
    user = make_user(django_user_model, "clerk")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="events",
            codename__in=["view_registration", "change_registration", "add_registration"],
        ),
        Permission.objects.get(codename="access_admin"),
    )
    client.force_login(user)
    return client


def make_delegation_member():
    return DelegationMemberFactory()


def make_item_staff():
    return ItineraryStaff.objects.create(
        item=ItineraryItemFactory(), person=PersonFactory(), role="liaison"
    )


def make_vip():
    person = PersonFactory()
    return Vip.objects.create(person=person, name_zh_hant=str(person))


# Every viewset's URL namespace with a maker for one of its records.
VIEWSETS = {
    "event": EventFactory,
    "delegation": DelegationFactory,
    "delegationmember": make_delegation_member,
    "itineraryitem": ItineraryItemFactory,
    "itinerarystaff": make_item_staff,
    "invitation": InvitationFactory,
    "registration": RegistrationFactory,
    "venue": VenueFactory,
    "vehicle": VehicleFactory,
    "driver": DriverFactory,
    "interpreter": InterpreterFactory,
    "vip": make_vip,
    "booking": BookingFactory,
}


@pytest.mark.parametrize("name", VIEWSETS)
def test_admin_pages_open_for_a_protocol_officer(officer_client, name):
    record = VIEWSETS[name]()

    for url in (
        reverse(f"{name}:index"),
        reverse(f"{name}:add"),
        reverse(f"{name}:edit", args=[record.pk]),
        reverse(f"{name}:inspect", args=[record.pk]),
        reverse(f"{name}:delete", args=[record.pk]),
    ):
        assert officer_client.get(url).status_code == 200, url


@pytest.mark.parametrize("name", VIEWSETS)
def test_admin_viewer_reads_but_cannot_write(viewer_client, name):
    record = VIEWSETS[name]()

    assert viewer_client.get(reverse(f"{name}:index")).status_code == 200
    assert viewer_client.get(reverse(f"{name}:inspect", args=[record.pk])).status_code == 200
    for url in (
        reverse(f"{name}:add"),
        reverse(f"{name}:edit", args=[record.pk]),
        reverse(f"{name}:delete", args=[record.pk]),
    ):
        response = viewer_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home"), url
    assert viewer_client.post(reverse(f"{name}:delete", args=[record.pk])).status_code == 302
    assert type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("name", VIEWSETS)
def test_admin_pages_redirect_anonymous_to_login(client, name):
    response = client.get(reverse(f"{name}:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_admin_menu_lists_events_and_logistics_groups(officer_client):
    response = officer_client.get(reverse("wagtailadmin_home"))

    content = response.content.decode()
    for url in (
        reverse("event:index"),
        reverse("booking:index"),
        reverse("run-sheet:index"),
        reverse("booking-week:index"),
        reverse("event-statistics:index"),
    ):
        assert url in content


def test_admin_menu_hidden_from_users_without_events_permissions(client, django_user_model):
    user = make_user(django_user_model, "outsider")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    content = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("event:index") not in content
    assert reverse("run-sheet:index") not in content
    assert client.get(reverse("run-sheet:index")).status_code == 302


def test_event_filters_by_kind_status_and_year(officer_client):
    EventFactory(title_zh_hant="午宴", kind="luncheon", starts_at=taipei(2019, 2, 16, 11))
    EventFactory(
        title_zh_hant="論壇",
        kind="forum",
        starts_at=taipei(2019, 3, 1, 9),
        ends_at=taipei(2019, 3, 1, 12),
    )
    EventFactory(
        title_zh_hant="舊午宴",
        kind="luncheon",
        starts_at=taipei(2018, 2, 16, 11),
        ends_at=taipei(2018, 2, 16, 14),
    )

    response = officer_client.get(reverse("event:index"), {"kind": "luncheon", "year": 2019})

    assert [event.title for event in response.context["object_list"]] == ["午宴"]


def test_event_search_finds_any_language(officer_client):
    EventFactory(title_zh_hant="友好城市午宴", title_en="Sister-city luncheon")
    EventFactory(title_zh_hant="論壇", title_en="Forum")

    response = officer_client.get(reverse("event:index"), {"q": "luncheon"})

    assert [event.title_en for event in response.context["object_list"]] == ["Sister-city luncheon"]


def test_event_form_groups_each_translated_field_by_language(officer_client):
    content = officer_client.get(reverse("event:add")).content.decode()

    for code in ("zh_hant", "en", "ja", "ko"):
        assert f'name="title_{code}"' in content
        assert f'name="summary_{code}"' in content
    for label in ("繁體中文", "English", "日本語", "한국어"):
        assert label in content
    assert 'name="title"' not in content


def event_post_data(**overrides):
    data = {
        "kind": "luncheon",
        "title_zh_hant": "姊妹市午宴",
        "title_en": "Sister-city luncheon",
        "title_ja": "",
        "title_ko": "",
        "summary_zh_hant": "",
        "summary_en": "",
        "summary_ja": "",
        "summary_ko": "",
        "starts_at": "2019-02-16 11:00",
        "ends_at": "2019-02-16 14:00",
        "status": "confirmed",
        "location": "",
        "registration_questions": ["nationality", "passport"],
        "consent_text_zh_hant": "",
        "consent_text_en": "",
        "consent_text_ja": "",
        "consent_text_ko": "",
    }
    data.update(overrides)
    return data


def test_event_create_saves_all_languages(officer_client):
    response = officer_client.post(reverse("event:add"), event_post_data())

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.title_zh_hant, event.title_en) == ("姊妹市午宴", "Sister-city luncheon")
    assert event.starts_at == taipei(2019, 2, 16, 11)
    assert event.registration_questions == ["nationality", "passport"]


def test_event_edit_of_time_raises_sequence(officer_client):
    event = EventFactory(title_zh_hant="姊妹市午宴", title_en="Sister-city luncheon")

    response = officer_client.post(
        reverse("event:edit", args=[event.pk]),
        event_post_data(starts_at="2019-02-16 12:00", registration_questions=[]),
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.starts_at == taipei(2019, 2, 16, 12)
    assert event.sequence == 1


def test_event_edit_of_title_keeps_sequence(officer_client):
    event = EventFactory(title_zh_hant="姊妹市午宴", title_en="Sister-city luncheon")

    officer_client.post(
        reverse("event:edit", args=[event.pk]),
        event_post_data(title_en="Luncheon", registration_questions=[]),
    )

    event.refresh_from_db()
    assert (event.title_en, event.sequence) == ("Luncheon", 0)


def item_post_data(event, **overrides):
    data = {
        "event": event.pk,
        "kind": "call",
        "title_zh_hant": "拜會市長",
        "title_en": "Call on the mayor",
        "title_ja": "",
        "title_ko": "",
        "starts_at": "2019-03-29 10:00",
        "ends_at": "2019-03-29 10:30",
        "status": "confirmed",
        "is_public": "on",
        "address": "",
        "public_description_zh_hant": "",
        "public_description_en": "",
        "public_description_ja": "",
        "public_description_ko": "",
        "private_notes": "",
    }
    data.update(overrides)
    return data


def test_item_create_goes_through_the_service(officer_client):
    event = EventFactory()
    member = DelegationMemberFactory(delegation__event=event)

    response = officer_client.post(
        reverse("itineraryitem:add"), item_post_data(event, members=[member.pk])
    )

    assert response.status_code == 302
    item = ItineraryItem.objects.get()
    assert (item.title_zh_hant, item.title_en) == ("拜會市長", "Call on the mayor")
    assert item.starts_at == taipei(2019, 3, 29, 10)
    assert list(item.members.all()) == [member]
    assert item.sequence == 0


def test_item_edit_of_time_raises_sequence_and_moves_its_booking(officer_client):
    item = ItineraryItemFactory(
        starts_at=taipei(2019, 3, 29, 10), ends_at=taipei(2019, 3, 29, 10, 30)
    )
    booking = BookingFactory(item=item, starts_at=item.starts_at, ends_at=item.ends_at)

    response = officer_client.post(
        reverse("itineraryitem:edit", args=[item.pk]),
        item_post_data(
            item.event,
            title_zh_hant=item.title_zh_hant,
            starts_at="2019-03-29 11:00",
            ends_at="2019-03-29 11:30",
        ),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    booking.refresh_from_db()
    assert item.sequence == 1
    assert (booking.starts_at, booking.ends_at) == (
        taipei(2019, 3, 29, 11),
        taipei(2019, 3, 29, 11, 30),
    )


def booking_post_data(resource=None, **overrides):
    data = {
        "starts_at": "2019-02-16 09:30",
        "ends_at": "2019-02-16 10:30",
        "purpose": "Press briefing",
        "requested_by": "",
        "pickup_address": "",
        "dropoff_address": "",
    }
    if resource is not None:
        data["resource"] = resource.pk
    data.update(overrides)
    return data


def test_booking_create_records_who_booked(officer_client, officer):
    venue = VenueFactory()

    response = officer_client.post(reverse("booking:add"), booking_post_data(venue))

    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.resource_id, booking.booked_by, booking.purpose) == (
        venue.pk,
        officer,
        "Press briefing",
    )


def test_booking_clash_is_shown_on_the_create_form_and_nothing_saved(officer_client):
    venue = VenueFactory(name_zh_hant="第一會議室")
    clashing = BookingFactory(
        resource=venue,
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 10),
        purpose="新聞處例會",
        requested_by="新聞局",
    )

    response = officer_client.post(reverse("booking:add"), booking_post_data(venue))

    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = BookingConflict(clashing).messages
    assert response.context["form"].non_field_errors() == expected
    assert "09:00" in expected[0] and "新聞局" in expected[0]
    assert "新聞處例會" in response.content.decode()
    assert "data-form-errors" in response.content.decode()
    assert Booking.objects.count() == 1


def test_booking_clash_is_shown_on_the_edit_form_and_nothing_saved(officer_client):
    venue = VenueFactory(name_zh_hant="第一會議室")
    BookingFactory(
        resource=venue,
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 10),
        purpose="新聞處例會",
        requested_by="新聞局",
    )
    mine = BookingFactory(
        resource=venue, starts_at=taipei(2019, 2, 16, 11), ends_at=taipei(2019, 2, 16, 12)
    )

    response = officer_client.post(
        reverse("booking:edit", args=[mine.pk]),
        booking_post_data(purpose="Moved", starts_at="2019-02-16 09:30"),
    )

    assert response.status_code == 200
    assert "新聞局" in str(response.context["form"].non_field_errors())
    mine.refresh_from_db()
    assert (mine.starts_at, mine.purpose, mine.sequence) == (taipei(2019, 2, 16, 11), "", 0)


def test_booking_edit_moves_and_updates_details(officer_client):
    mine = BookingFactory(starts_at=taipei(2019, 2, 16, 11), ends_at=taipei(2019, 2, 16, 12))

    response = officer_client.post(
        reverse("booking:edit", args=[mine.pk]),
        booking_post_data(
            purpose="Moved", starts_at="2019-02-16 10:00", ends_at="2019-02-16 12:00"
        ),
    )

    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.starts_at, mine.ends_at, mine.purpose, mine.sequence) == (
        taipei(2019, 2, 16, 10),
        taipei(2019, 2, 16, 12),
        "Moved",
        1,
    )


def test_booking_cancel_frees_the_slot(officer_client):
    booking = BookingFactory()

    response = officer_client.post(reverse("booking:cancel", args=[booking.pk]))

    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_booking_cancel_refused_for_viewer(viewer_client):
    booking = BookingFactory()

    viewer_client.post(reverse("booking:cancel", args=[booking.pk]))

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_invitation_create_goes_through_the_service(officer_client):
    event = EventFactory()
    person = PersonFactory()

    response = officer_client.post(
        reverse("invitation:add"),
        {"event": event.pk, "person": person.pk, "respond_by": "", "max_companions": 2},
    )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.person, invitation.max_companions, invitation.status) == (
        person,
        2,
        InvitationStatus.PENDING,
    )
    assert len(invitation.token) >= 43


def test_send_invitations_mails_every_unsent_guest(
    officer_client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    InvitationFactory.create_batch(2, event=event)
    InvitationFactory(event=EventFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            reverse("event:invitations", args=[event.pk]), {"action": "send"}
        )

    assert response.status_code == 302
    assert len(mailoutbox) == 2
    assert Invitation.objects.filter(event=event, sent_at__isnull=False).count() == 2


def test_send_invitations_refused_for_viewer(viewer_client, mailoutbox):
    event = EventFactory()
    InvitationFactory(event=event)

    response = viewer_client.post(reverse("event:invitations", args=[event.pk]), {"action": "send"})

    assert response.status_code == 302
    assert mailoutbox == []


def test_registration_review_accepts_from_the_list(officer_client, officer):
    registration = RegistrationFactory()

    listing = officer_client.get(reverse("registration:index")).content.decode()
    review_url = reverse("registration:review", args=[registration.pk])
    assert f"{review_url}?status=accepted" in listing

    response = officer_client.post(review_url, {"status": "accepted", "note": "Strong essay"})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.status, registration.review_note, registration.reviewed_by) == (
        RegistrationStatus.ACCEPTED,
        "Strong essay",
        officer,
    )


def test_registration_passport_visible_with_the_permission(officer_client):
    registration = RegistrationFactory(
        passport_number=PASSPORT, date_of_birth=datetime.date(2000, 5, 1)
    )

    edit = officer_client.get(reverse("registration:edit", args=[registration.pk]))
    inspect = officer_client.get(reverse("registration:inspect", args=[registration.pk]))
    export = officer_client.get(reverse("registration:index"), {"export": "csv"})

    assert 'name="passport_number"' in edit.content.decode()
    assert 'name="date_of_birth"' in edit.content.decode()
    assert PASSPORT in inspect.content.decode()
    assert PASSPORT in b"".join(export.streaming_content).decode()


def test_registration_passport_hidden_without_the_permission(clerk_client):
    registration = RegistrationFactory(
        passport_number=PASSPORT, date_of_birth=datetime.date(2000, 5, 1)
    )

    listing = clerk_client.get(reverse("registration:index"))
    edit = clerk_client.get(reverse("registration:edit", args=[registration.pk]))
    inspect = clerk_client.get(reverse("registration:inspect", args=[registration.pk]))
    export = clerk_client.get(reverse("registration:index"), {"export": "csv"})

    assert listing.status_code == edit.status_code == inspect.status_code == 200
    for response in (listing, edit, inspect):
        content = response.content.decode()
        assert PASSPORT not in content
        assert "2000-05-01" not in content
        assert 'name="passport_number"' not in content
    exported = b"".join(export.streaming_content).decode()
    assert registration.email in exported
    assert PASSPORT not in exported
    assert "2000-05-01" not in exported


def test_registration_edit_without_the_permission_keeps_the_passport(clerk_client):
    registration = RegistrationFactory(
        passport_number=PASSPORT,
        date_of_birth=datetime.date(2000, 5, 1),
        family_name="Lin",
        given_name="Mei",
    )

    response = clerk_client.post(
        reverse("registration:edit", args=[registration.pk]),
        {
            "event": registration.event_id,
            "family_name": "Lin",
            "given_name": "Meiling",
            "native_name": "",
            "email": registration.email,
            "phone": "",
            "language": "en",
            "nationality": "",
            "university": "",
            "emergency_contact_name": "",
            "emergency_contact_phone": "",
            "dietary_requirements": "",
            "review_note": "",
            "passport_number": "",
            "date_of_birth": "",
        },
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.given_name == "Meiling"
    assert (registration.passport_number, registration.date_of_birth) == (
        PASSPORT,
        datetime.date(2000, 5, 1),
    )


def test_interpreter_languages_are_typed_as_codes(officer_client):
    person = PersonFactory()

    response = officer_client.post(
        reverse("interpreter:add"),
        {
            "name_zh_hant": "口譯員",
            "name_en": "",
            "name_ja": "",
            "name_ko": "",
            "person": person.pk,
            "languages": "zh-hant, KO",
            "mode": "consecutive",
            "is_active": "on",
            "notes": "",
        },
    )

    assert response.status_code == 302
    assert Interpreter.objects.get().languages == ["zh-hant", "ko"]


@pytest.mark.parametrize("name", VIEWSETS)
def test_admin_list_query_count_constant(officer_client, django_assert_num_queries, name):
    url = reverse(f"{name}:index")
    for _ in range(10):
        VIEWSETS[name]()
    with CaptureQueriesContext(connection) as at_ten:
        assert len(officer_client.get(url).context["object_list"]) == 10

    for _ in range(90):
        VIEWSETS[name]()
    with django_assert_num_queries(len(at_ten)):
        response = officer_client.get(url)
    # The page holds 20 rows of the 100; the count must not depend on either.
    assert response.context["paginator"].count == 100


@pytest.mark.parametrize("name", ["booking", "registration", "event", "delegation"])
def test_admin_export_query_count_constant(officer_client, django_assert_num_queries, name):
    url = reverse(f"{name}:index")
    for _ in range(10):
        VIEWSETS[name]()
    with CaptureQueriesContext(connection) as at_ten:
        rows = b"".join(officer_client.get(url, {"export": "csv"}).streaming_content)
    assert len(rows.decode().strip().splitlines()) == 11

    for _ in range(90):
        VIEWSETS[name]()
    with django_assert_num_queries(len(at_ten)):
        rows = b"".join(officer_client.get(url, {"export": "csv"}).streaming_content)
    assert len(rows.decode().strip().splitlines()) == 101


def test_registration_review_refused_for_viewer(viewer_client):
    registration = RegistrationFactory()

    response = viewer_client.post(
        reverse("registration:review", args=[registration.pk]), {"status": "accepted"}
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    listing = viewer_client.get(reverse("registration:index")).content.decode()
    assert reverse("registration:review", args=[registration.pk]) not in listing


def test_registration_review_shows_a_service_refusal_on_the_form(officer_client):
    registration = RegistrationFactory(status=RegistrationStatus.WITHDRAWN)

    response = officer_client.post(
        reverse("registration:review", args=[registration.pk]), {"status": "accepted"}
    )

    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = translation.gettext(
            "The applicant has withdrawn; the application cannot be reviewed."
        )
    assert response.context["form"].non_field_errors() == [expected]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.WITHDRAWN


def test_send_invitations_reports_guests_it_cannot_mail(
    officer_client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    InvitationFactory(event=event)
    unreachable = InvitationFactory(event=event, person=PersonFactory(email=""))

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            reverse("event:invitations", args=[event.pk]), {"action": "send"}, follow=True
        )

    assert response.status_code == 200
    assert len(mailoutbox) == 1
    unreachable.refresh_from_db()
    assert unreachable.sent_at is None
    with translation.override("zh-hant"):
        warning = translation.gettext("%(person)s has no e-mail address on record.") % {
            "person": unreachable.person
        }
    assert [str(message).strip() for message in response.context["messages"]][0] == warning


def test_send_reminders_mails_guests_who_have_not_replied(
    officer_client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    sent = datetime.datetime(2019, 1, 2, tzinfo=datetime.UTC)
    waiting = InvitationFactory(event=event, sent_at=sent)
    InvitationFactory(event=event, sent_at=sent, status=InvitationStatus.ACCEPTED)
    InvitationFactory(event=event)

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            reverse("event:invitations", args=[event.pk]), {"action": "remind"}
        )

    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [[waiting.person.email]]
    waiting.refresh_from_db()
    assert waiting.reminded_at is not None


@pytest.mark.parametrize(
    ("name", "make_choice"),
    [("event", RelationshipFactory), ("itineraryitem", DelegationMemberFactory)],
)
def test_admin_form_query_count_constant(
    officer_client, django_assert_num_queries, name, make_choice
):
    # Agreements and delegation members are labelled by related rows (parties, person).
    url = reverse(f"{name}:add")
    for _ in range(10):
        make_choice()
    with CaptureQueriesContext(connection) as at_ten:
        assert officer_client.get(url).status_code == 200

    for _ in range(90):
        make_choice()
    with django_assert_num_queries(len(at_ten)):
        assert officer_client.get(url).status_code == 200


def test_event_edit_to_cancelled_cancels_items_and_frees_bookings(officer_client):
    event = EventFactory(title_zh_hant="姊妹市午宴", title_en="Sister-city luncheon")
    item = ItineraryItemFactory(event=event)
    booking = BookingFactory(item=item, starts_at=item.starts_at, ends_at=item.ends_at)

    response = officer_client.post(
        reverse("event:edit", args=[event.pk]),
        event_post_data(status="cancelled", registration_questions=[]),
    )

    assert response.status_code == 302
    event.refresh_from_db()
    item.refresh_from_db()
    booking.refresh_from_db()
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 1)
    assert (item.status, item.sequence) == (ItemStatus.CANCELLED, 1)
    assert booking.status == BookingStatus.CANCELLED


def test_item_edit_to_cancelled_frees_its_bookings(officer_client):
    item = ItineraryItemFactory(
        starts_at=taipei(2019, 3, 29, 10), ends_at=taipei(2019, 3, 29, 10, 30)
    )
    booking = BookingFactory(item=item, starts_at=item.starts_at, ends_at=item.ends_at)

    response = officer_client.post(
        reverse("itineraryitem:edit", args=[item.pk]),
        item_post_data(item.event, title_zh_hant=item.title_zh_hant, status="cancelled"),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    booking.refresh_from_db()
    assert (item.status, item.sequence, booking.status) == (
        ItemStatus.CANCELLED,
        1,
        BookingStatus.CANCELLED,
    )


def test_booking_edit_page_links_to_cancel_and_its_week(officer_client):
    booking = BookingFactory(starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10))

    content = officer_client.get(reverse("booking:edit", args=[booking.pk])).content.decode()

    assert reverse("booking:cancel", args=[booking.pk]) in content
    week_url = f"{reverse('booking-week:index')}?resource={booking.resource_id}&amp;week=2019-02-16"
    assert week_url in content


def test_event_edit_page_links_to_sending_invitations(officer_client):
    event = EventFactory()

    content = officer_client.get(reverse("event:edit", args=[event.pk])).content.decode()

    assert reverse("event:invitations", args=[event.pk]) in content
