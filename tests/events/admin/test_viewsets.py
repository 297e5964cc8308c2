"""Every events and logistics viewset: who may open it, its menus, and flat query counts."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import (
    ItineraryStaff,
    Vip,
)
from events.services.feeds import create_feed_token
from tests.events.admin.conftest import make_user
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
)

pytestmark = pytest.mark.django_db


def make_delegation_member():
    return DelegationMemberFactory()


def make_item_staff():
    return ItineraryStaff.objects.create(
        item=ItineraryItemFactory(), person=PersonFactory(), role="liaison"
    )


def make_vip():
    person = PersonFactory()
    return Vip.objects.create(person=person, name_zh_hant=str(person))


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


def test_interpreters_languages_are_named_in_the_readers_language(officer_client):
    # Stored as codes; a protocol officer reads 韓語, not ['zh-hant', 'ko'].
    interpreter = InterpreterFactory(languages=["zh-hant", "ko"])

    for url in (
        reverse("interpreter:index"),
        reverse("interpreter:inspect", args=[interpreter.pk]),
    ):
        body = officer_client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
        assert "繁體中文, 韓語" in body, url
        assert "[&#x27;zh-hant&#x27;" not in body and "zh-hant, ko" not in body, url


def test_language_codes_on_other_records_are_named_too(officer_client):
    # An interpreting duty, a registration and a feed link store codes; the lists and inspect
    # pages name the languages, as the interpreter's page does.
    duty = ItineraryStaff.objects.create(
        item=ItineraryItemFactory(),
        person=PersonFactory(),
        role="interpreter",
        language_from="ko",
        language_to="zh-hant",
    )
    registration = RegistrationFactory(language="ja")
    token, _secret = create_feed_token("person", person=PersonFactory(), language="en")
    pages = {
        reverse("itinerarystaff:index"): ["韓語", "繁體中文"],
        reverse("itinerarystaff:inspect", args=[duty.pk]): ["韓語", "繁體中文"],
        reverse("registration:inspect", args=[registration.pk]): ["日語"],
        reverse("feed_token:index"): ["英語"],
        reverse("feed_token:inspect", args=[token.pk]): ["英語"],
    }
    for url, names in pages.items():
        body = officer_client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
        for name in names:
            assert name in body, (url, name)
