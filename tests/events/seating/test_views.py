"""The seating admin: luncheon list, room picture, guest list, generate, move, print pack."""

import io

import pytest
from django.contrib.messages import get_messages
from django.http import Http404
from django.urls import reverse
from pypdf import PdfReader

from core.roles import VIEWERS
from events.enums import EventKind, InvitationStatus
from events.models import Invitation, Seat
from events.seating.services import configure_seating_plan, generate_seating_plan
from events.seating.views import PrintPackView
from tests.factories.events import EventFactory
from tests.factories.seating import accept_all, build_luncheon
from tests.factories.staff import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_admin(settings):
    # Messages are asserted in English; the admin speaks the default language otherwise.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def viewer_client(client):
    from core.roles import ensure_staff_groups

    ensure_staff_groups()
    client.force_login(StaffUserFactory(group=VIEWERS))
    return client


def seated_luncheon(guests=16, **kwargs):
    scene = build_luncheon(guests=guests, **kwargs)
    accept_all(scene)
    plan = configure_seating_plan(scene.event)
    generate_seating_plan(plan)
    return scene, plan


def seat_of(plan, person):
    seat = Seat.objects.select_related("table").get(plan=plan, person=person)
    return seat.table.number, seat.position


def message_texts(response):
    """Messages waiting for the next page, oldest first (Wagtail adds trailing newlines)."""
    return [str(m).strip() for m in get_messages(response.wsgi_request)]


def test_seating_index_lists_luncheons_with_their_counts(client, officer):
    scene, _plan = seated_luncheon(guests=12)

    response = client.get(reverse("seating:index"))

    assert response.status_code == 200
    event = next(e for e in response.context["events"] if e.pk == scene.event.pk)
    assert (event.invited, event.accepted, event.seated) == (12, 12, 12)
    assert reverse("seating:plan", args=[scene.event.pk]) in response.content.decode()


def test_seating_plan_page_draws_the_room_with_every_guest(client, officer):
    scene, _plan = seated_luncheon(guests=12)

    response = client.get(reverse("seating:plan", args=[scene.event.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="seating-table"') == 2
    assert html.count("seating-seat is-taken") == 12
    for person in scene.people:
        assert f'data-person="{person.pk}"' in html
    assert f'data-person="{scene.host.pk}"' in html.split('data-position="1"', 1)[1][:80]
    assert f'action="{reverse("seating:move", args=[scene.event.pk])}"' in html
    # Pending, accepted, declined, waitlisted (labels follow the reader's language).
    assert [count for _label, count in response.context["replies"]] == [0, 12, 0, 0]


@pytest.mark.parametrize("guests", [10, 100])
def test_seating_plan_page_reads_in_constant_queries(
    guests, client, officer, django_assert_num_queries
):
    scene, _plan = seated_luncheon(guests=guests, delegations=2 if guests == 10 else 9)
    url = reverse("seating:plan", args=[scene.event.pk])
    client.get(url)  # warm the session and the permission caches

    # The settings form lists the accepted guests three times: host, co-hosts, guest of honour.
    with django_assert_num_queries(17):
        response = client.get(url)

    assert response.status_code == 200


def test_viewers_see_the_plan_but_cannot_change_it(viewer_client):
    scene, plan = seated_luncheon(guests=10)
    before = seat_of(plan, scene.host)

    page = viewer_client.get(reverse("seating:plan", args=[scene.event.pk]))
    move = viewer_client.post(
        reverse("seating:move", args=[scene.event.pk]),
        {"person": scene.host.pk, "table": 2, "position": 5},
    )

    assert page.status_code == 200
    # Only the print pack's language form (a GET that changes nothing) points at seating pages.
    assert 'method="post" action="/admin/seating/' not in page.content.decode()
    # Wagtail answers a refused admin request by sending the user back to the dashboard.
    assert (move.status_code, move["Location"]) == (302, reverse("wagtailadmin_home"))
    assert seat_of(plan, scene.host) == before


def test_anonymous_users_are_sent_to_the_login(client):
    scene = build_luncheon(guests=10)

    response = client.get(reverse("seating:plan", args=[scene.event.pk]))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_officer_builds_the_guest_list_generates_and_moves(client, officer):
    scene = build_luncheon(guests=12)
    url = reverse("seating:guest_list", args=[scene.event.pk])

    response = client.post(
        url, {"delegations": "on", "representative_heads": "on", "city_leadership": "on"}
    )

    assert response.status_code == 302
    invited = Invitation.objects.filter(event=scene.event)
    assert invited.count() > 0
    invited.update(status=InvitationStatus.ACCEPTED)

    response = client.post(reverse("seating:generate", args=[scene.event.pk]), {"table_size": 6})

    assert response.status_code == 302
    plan = scene.event.seating_plan
    assert Seat.objects.filter(plan=plan).count() == invited.count()
    assert plan.table_size == 6

    envoy = scene.envoys[0]
    target_table = 2 if seat_of(plan, envoy)[0] == 1 else 1
    response = client.post(
        reverse("seating:move", args=[scene.event.pk]),
        {"person": envoy.pk, "table": target_table, "position": 4},
    )

    assert seat_of(plan, envoy) == (target_table, 4)
    texts = message_texts(response)
    moved = texts.index(f"{envoy.full_name} moved to table {target_table}, seat 4.")
    assert any("guest of honour" in text for text in texts[moved + 1 :])


def test_generate_reports_a_refusal_as_an_error_message(client, officer):
    scene, plan = seated_luncheon(guests=24)

    response = client.post(
        reverse("seating:generate", args=[scene.event.pk]), {"table_size": 10, "table_count": 2}
    )

    assert message_texts(response) == ["24 guests need at least 3 tables of 10; the plan has 2."]
    assert Seat.objects.filter(plan=plan).count() == 24


def test_print_part_is_a_pdf_with_the_guests_native_names(client, officer):
    scene, _plan = seated_luncheon(guests=10)

    response = client.get(reverse("seating:print", args=[scene.event.pk, "badges"]))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join("".join(p.extract_text().replace("\x00", "").split()) for p in reader.pages)
    for person in scene.people:
        assert (person.native_name or "") in text


def test_print_part_unknown_is_not_found(rf, officer):
    scene, _plan = seated_luncheon(guests=10)
    request = rf.get("/")
    request.user = officer

    # Called directly: through the client, LocaleMiddleware turns any admin 404 into a
    # redirect to a language-prefixed URL that the public site's catch-all would serve.
    with pytest.raises(Http404):
        PrintPackView.as_view()(request, event_pk=scene.event.pk, part="menu")


def test_prepared_print_pack_is_kept_and_downloadable(client, officer):
    scene, plan = seated_luncheon(guests=10)

    client.post(reverse("seating:print_pack_generate", args=[scene.event.pk]))
    response = client.get(reverse("seating:print_pack_download", args=[scene.event.pk]))

    plan.refresh_from_db()
    assert plan.print_pack_generated_at is not None
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("events", [10, 100])
def test_seating_index_reads_in_constant_queries(
    events, client, officer, django_assert_num_queries
):
    EventFactory.create_batch(events, kind=EventKind.LUNCHEON)
    url = reverse("seating:index")
    client.get(url)  # warm the session and the permission caches

    with django_assert_num_queries(9):
        response = client.get(url)

    assert len(response.context["events"]) == events


def test_officer_chooses_the_guest_of_honour(client, officer):
    scene, plan = seated_luncheon(guests=16)
    mayor = scene.heads[0]
    url = reverse("seating:generate", args=[scene.event.pk])

    client.post(url, {"table_size": 10, "guest_of_honour": mayor.pk})

    assert seat_of(plan, mayor) == (1, 2)
    page = client.get(reverse("seating:plan", args=[scene.event.pk]))
    assert page.context["settings_form"].initial["guest_of_honour"] == mayor.pk

    refused = client.post(
        url, {"table_size": 10, "host": scene.host.pk, "guest_of_honour": scene.host.pk}
    )
    assert message_texts(refused) == ["The guest of honour cannot also be the host or a co-host."]
    assert seat_of(plan, mayor) == (1, 2)
