"""The freshmen party: registrations by university, QR check-in, statistics chart."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from core.roles import VIEWERS, ensure_staff_groups
from events.charts import bar_chart
from events.checkin_codes import checkin_qr_png, checkin_qr_svg
from events.enums import EventKind, RegistrationStatus
from events.programmes.freshmen.selectors import party_statistics, registrations_by_university
from events.services.checkin import check_in_by_code
from events.services.registrations import review_registration, submit_registration
from tests.factories.events import EventFactory, RegistrationFactory, taipei
from tests.factories.programmes import accepted
from tests.factories.staff import StaffUserFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def party(**kwargs):
    return EventFactory(
        kind=EventKind.PARTY,
        starts_at=taipei(2019, 11, 23, 9),
        ends_at=taipei(2019, 11, 24, 15),
        takes_registrations=True,
        registration_questions=["nationality", "university"],
        **kwargs,
    )


def messages_of(response):
    return [str(message).strip() for message in response.context["messages"]]


def test_check_in_by_code_marks_the_time_and_logs_who(officer):
    event = party()
    registration = accepted(event)

    checked = check_in_by_code(
        event, registration.checkin_code.lower(), user=officer, now=taipei(2019, 11, 23, 8, 55)
    )

    assert checked.pk == registration.pk
    registration.refresh_from_db()
    assert registration.checked_in_at == taipei(2019, 11, 23, 8, 55)
    entry = ModelLogEntry.objects.get(action="events.check_in")
    assert (entry.user_id, entry.object_id) == (officer.pk, str(registration.pk))


def test_check_in_twice_is_refused_with_the_first_time(officer):
    event = party()
    registration = accepted(event, given_name="Ana", family_name="Silva")
    check_in_by_code(event, registration.checkin_code, user=officer, now=taipei(2019, 11, 23, 9))

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        check_in_by_code(
            event, registration.checkin_code, user=officer, now=taipei(2019, 11, 23, 10)
        )

    assert refused.value.code == "already_checked_in"
    assert refused.value.messages == ["Ana Silva already checked in at 09:00."]
    registration.refresh_from_db()
    assert registration.checked_in_at == taipei(2019, 11, 23, 9)


def test_check_in_refuses_unknown_codes_other_events_and_unaccepted(officer):
    event, other = party(), party()
    elsewhere = accepted(other)
    waiting = RegistrationFactory(event=event, checkin_code="ABCDEFGHJK")

    for code in ("NOPE", elsewhere.checkin_code, waiting.checkin_code):
        with pytest.raises(ValidationError) as refused:
            check_in_by_code(event, code, user=officer)
        assert refused.value.code == "unknown_code"
    assert not ModelLogEntry.objects.filter(action="events.check_in").exists()


def test_checkin_qr_svg_is_an_svg_of_the_code():
    svg = checkin_qr_svg("abcd-efgh jk")

    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.tag == f"{SVG}svg"
    assert "checkin-qr" in root.get("class")
    # Version 1 (21 modules) plus a border of 2 on each side, at scale 6.
    assert root.get("width") == str((21 + 4) * 6)


def test_acceptance_mail_carries_the_qr_code(django_capture_on_commit_callbacks):
    event = party()
    registration = RegistrationFactory(event=event)

    with django_capture_on_commit_callbacks(execute=True):
        review_registration(registration, status=RegistrationStatus.ACCEPTED, user=None)

    (message,) = mail.outbox
    assert message.attachments == [
        ("check-in.png", checkin_qr_png(registration.checkin_code), "image/png")
    ]
    assert message.attachments[0][1].startswith(b"\x89PNG")


def test_party_statistics_by_country_and_university():
    event = party()
    for nationality, university, arrived in [
        ("VN", "NSYSU", True),
        ("VN", "NSYSU", False),
        ("VN", " nsysu ", True),
        ("ID", "KMU", False),
        ("JP", "KMU", True),
    ]:
        registration = accepted(event, nationality=nationality, university=university)
        if arrived:
            check_in_by_code(event, registration.checkin_code, user=None)
    RegistrationFactory(event=event, nationality="FR", university="NKUHT")  # not accepted

    with translation.override("en"):
        figures = party_statistics(event)

    assert (figures.total, figures.checked_in) == (5, 3)
    assert [(f.label, f.count, f.checked_in) for f in figures.by_country] == [
        ("Vietnam", 3, 2),
        ("Indonesia", 1, 0),
        ("Japan", 1, 1),
    ]
    assert [(f.label, f.count, f.checked_in) for f in figures.by_university] == [
        ("NSYSU", 3, 2),
        ("KMU", 2, 1),
    ]


def test_bar_chart_scales_to_the_largest_figure():
    event = party()
    for nationality in ("VN", "VN", "VN", "VN", "JP"):
        accepted(event, nationality=nationality, university="KMU")

    chart = bar_chart(party_statistics(event).by_country)

    assert [row["width"] for row in chart["rows"]] == [360, 90]
    assert [row["checked_in_width"] for row in chart["rows"]] == [0, 0]
    assert chart["height"] == 44


def test_registrations_by_university_group_as_typed():
    event = party()
    a = RegistrationFactory(event=event, university="NSYSU", family_name="A")
    b = RegistrationFactory(event=event, university="nsysu", family_name="B")
    c = RegistrationFactory(event=event, university="", family_name="C")
    RegistrationFactory(event=event, university="KMU", status=RegistrationStatus.WITHDRAWN)

    groups = registrations_by_university(event)

    assert [(g.name, [r.pk for r in g.registrations]) for g in groups] == [
        ("NSYSU", [a.pk, b.pk]),
        (gettext("university unknown"), [c.pk]),
    ]


def test_freshmen_party_officers_path_end_to_end(client, officer):
    """Students register, are accepted, arrive with QR codes; twice is refused; the chart."""
    event = party()
    students = [
        ("Nguyen", "VN", "National Sun Yat-sen University"),
        ("Tran", "VN", "Kaohsiung Medical University"),
        ("Sari", "ID", "National Sun Yat-sen University"),
        ("Suzuki", "JP", "Wenzao Ursuline University of Languages"),
    ]
    registrations = []
    for family_name, nationality, university in students:
        registration = submit_registration(
            event,
            data={
                "family_name": family_name,
                "given_name": "Student",
                "email": f"{family_name.lower()}@example.edu",
                "nationality": nationality,
                "university": university,
            },
            language="en",
            now=taipei(2019, 11, 1),
        )
        client.get(reverse("registration:review", args=[registration.pk]))
        client.post(
            reverse("registration:review", args=[registration.pk]),
            {"status": RegistrationStatus.ACCEPTED, "note": ""},
        )
        registration.refresh_from_db()
        registrations.append(registration)
    assert all(r.status == RegistrationStatus.ACCEPTED for r in registrations)
    url = reverse("programmes:party", args=[event.pk])
    check_in = reverse("programmes:party_check_in", args=[event.pk])

    qr = client.get(reverse("programmes:party_qr", args=[event.pk, registrations[0].pk]))
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.decode() == checkin_qr_svg(registrations[0].checkin_code)

    first = client.post(check_in, {"code": registrations[0].checkin_code}, follow=True)
    assert any("Nguyen" in message for message in messages_of(first))
    typed = registrations[2].checkin_code.lower()
    second = client.post(check_in, {"code": f"{typed[:5]}-{typed[5:]}"}, follow=True)
    assert any("Sari" in message for message in messages_of(second))
    twice = client.post(check_in, {"code": registrations[0].checkin_code}, follow=True)
    unknown = client.post(check_in, {"code": "ZZZZZZZZZZ"}, follow=True)

    registrations[0].refresh_from_db()
    with translation.override(twice.wsgi_request.LANGUAGE_CODE):
        assert messages_of(twice) == [
            gettext("%(name)s already checked in at %(time)s.")
            % {
                # Printed as crm.names prints it, like the welcome: family name first.
                "name": "Nguyen Student",
                "time": timezone.localtime(registrations[0].checked_in_at).strftime("%H:%M"),
            }
        ]
        assert messages_of(unknown) == [
            gettext("No accepted application for this event has that code.")
        ]
    arrived = dict(event.registrations.values_list("family_name", "checked_in_at"))
    assert [name for name, at in arrived.items() if at] == ["Nguyen", "Sari"]

    page = client.get(url)
    assert page.status_code == 200
    statistics = page.context["statistics"]
    assert (statistics.total, statistics.checked_in) == (4, 2)
    html = page.content.decode()
    chart = re.search(
        r'<svg class="programme-chart"[^>]*data-chart="by-university".*?</svg>', html, re.S
    )
    root = ET.fromstring(chart.group(0))  # noqa: S314 - our own page
    bars = [(g.get("data-label"), g.get("data-count")) for g in root.iter(f"{SVG}g")]
    assert bars == [
        ("National Sun Yat-sen University", "2"),
        ("Kaohsiung Medical University", "1"),
        ("Wenzao Ursuline University of Languages", "1"),
    ]
    universities = [u.name for u in page.context["universities"]]
    assert universities == [
        "Kaohsiung Medical University",
        "National Sun Yat-sen University",
        "Wenzao Ursuline University of Languages",
    ]


def test_check_in_page_is_for_officers_only(client):
    ensure_staff_groups()
    client.force_login(StaffUserFactory(group=VIEWERS))
    event = party()
    registration = accepted(event)

    page = client.get(reverse("programmes:party", args=[event.pk]))
    refused = client.post(
        reverse("programmes:party_check_in", args=[event.pk]),
        {"code": registration.checkin_code},
    )

    assert page.status_code == 200
    assert page.context["may_check_in"] is False
    assert refused.status_code == 302
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_party_page_query_count_constant(client, officer, django_assert_num_queries):
    event = party()
    countries = ["VN", "ID", "JP", "KR", "TH"]

    def fill(count):
        start = event.registrations.count()
        for index in range(count):
            registration = accepted(
                event,
                nationality=countries[index % 5],
                university=f"University {(start + index) % 10}",
            )
            if index % 2:
                check_in_by_code(event, registration.checkin_code, user=None)

    url = reverse("programmes:party", args=[event.pk])
    fill(10)
    with CaptureQueriesContext(connection) as at_ten:
        assert client.get(url).context["statistics"].total == 10
    fill(90)
    with django_assert_num_queries(len(at_ten)):
        response = client.get(url)
    assert response.context["statistics"].total == 100
    assert sum(len(u.registrations) for u in response.context["universities"]) == 100
