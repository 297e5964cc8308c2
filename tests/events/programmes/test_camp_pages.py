"""The summer camp's pages and papers: the officer's path, participant list, certificates."""

import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from core.roles import VIEWERS, ensure_staff_groups
from crm.enums import NameOrder, TermKind
from crm.models import GlossaryTerm
from events.enums import EventKind, ItemKind, RegistrationStatus
from events.programmes.camp import certificates
from events.programmes.camp.selectors import camp_participants
from events.programmes.camp.services import (
    allocate_rooms,
    form_camp_groups,
)
from events.programmes.camp.views import CertificatesView
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import (
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


def certificate_people(event):
    korean = RegistrationFactory.build(
        event=event,
        family_name="Kim",
        given_name="Minji",
        native_name="김민지",
        nationality="KR",
        language="ko",
    )
    american = RegistrationFactory.build(
        event=event, family_name="Smith", given_name="Anna", nationality="US", language="en"
    )
    person = PersonFactory(
        family_name="Sato",
        given_name="Yui",
        native_name="佐藤結衣",
        name_order=NameOrder.FAMILY_FIRST,
        honorific="Dr.",
    )
    linked = RegistrationFactory.build(
        event=event, family_name="x", given_name="y", nationality="JP", person=person, language="ja"
    )
    local = RegistrationFactory.build(
        event=event,
        family_name="陳",
        given_name="怡君",
        native_name="陳怡君",
        nationality="TW",
        language="zh-hant",
    )
    return {"korean": korean, "american": american, "linked": linked, "local": local}


# (participant, certificate language, (large name, the participant's own form below it)):
# the large name is crm.address's, in the certificate's language and script; CJK family
# names first; "Dr." only in English.
CERTIFICATE_NAMES = [
    ("korean", "ko", ("김민지", "Kim Minji")),
    ("korean", "en", ("Kim Minji", "김민지")),
    ("korean", "ja", ("Kim Minji", "김민지")),
    ("korean", "zh-hant", ("Kim Minji", "김민지")),
    ("american", "en", ("Anna Smith", "")),
    ("american", "ko", ("Anna Smith", "")),
    ("linked", "ja", ("佐藤結衣", "Sato Yui")),
    ("linked", "zh-hant", ("佐藤結衣", "Sato Yui")),
    ("linked", "en", ("Dr. Sato Yui", "佐藤結衣")),
    ("linked", "ko", ("Sato Yui", "佐藤結衣")),
    ("local", "zh-hant", ("陳怡君", "")),
    ("local", "ja", ("陳怡君", "")),
]


@pytest.mark.parametrize(("who", "language", "expected"), CERTIFICATE_NAMES)
def test_certificate_names_in_each_language(who, language, expected):
    registration = certificate_people(camp_event())[who]

    assert certificates.certificate_names(registration, language) == expected


def test_certificate_names_default_to_the_participants_language():
    people = certificate_people(camp_event())

    assert certificates.certificate_names(people["korean"]) == ("김민지", "Kim Minji")
    assert certificates.certificate_names(people["linked"]) == ("佐藤結衣", "Sato Yui")


@pytest.mark.parametrize(
    ("language", "heading", "host"),
    [
        ("en", "International Summer Camp", "Secretariat, Kaohsiung"),
        ("ja", "国際サマーキャンプ", "秘書処"),
        ("ko", "국제여름캠프", "비서처"),
        ("zh-hant", "國際夏令營", "秘書處"),
    ],
)
def test_certificates_print_in_the_packs_chosen_language(language, heading, host):
    organisation = OrganisationFactory(
        name="秘書處", name_zh_hant="秘書處", name_en="Secretariat office", name_ja="", name_ko=""
    )
    GlossaryTerm.objects.create(
        kind=TermKind.AGENCY,
        name="秘書處",
        name_zh_hant="秘書處",
        name_en="Secretariat, Kaohsiung",
        name_ja="秘書処",
        name_ko="비서처",
    )
    event = camp_event(host_organisation=organisation)
    korean = accepted(
        event,
        family_name="Kim",
        given_name="Minji",
        native_name="김민지",
        nationality="KR",
        language="ko",
    )

    text = pdf_text(certificates.render_certificates([korean], language=language))

    assert "".join(heading.split()) in text
    # The host is named as the official names handbook writes it in that language.
    assert "".join(host.split()) in text
    with translation.override(language):
        assert "".join(gettext("Certificate of participation").split()) in text
    assert "김민지" in text and "KimMinji" in text


def test_certificate_view_takes_the_packs_language(client, officer):
    event = camp_event()
    korean = accepted(
        event,
        family_name="Kim",
        given_name="Minji",
        native_name="김민지",
        nationality="KR",
        language="ko",
    )
    url = reverse("programmes:camp_certificate", args=[event.pk, korean.pk])

    english = pdf_text(client.get(url, {"language": "en"}).content)
    own = pdf_text(client.get(url).content)
    unknown = pdf_text(client.get(url, {"language": "xx"}).content)

    assert "InternationalSummerCamp" in english
    assert "국제여름캠프" in own and "국제여름캠프" in unknown
    assert "InternationalSummerCamp" not in own


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


def test_camp_participants_query_count_constant(officer, assert_listing_queries_constant):
    event = camp_event()
    city = OrganisationFactory()

    def fill(count):
        for _ in range(count):
            accepted(event, home_organisation=city)
        form_camp_groups(event, buddies=[PersonFactory(), PersonFactory()])
        allocate_rooms(event, hotel="H")

    url = reverse("programmes:camp_participants", args=[event.pk])
    assert_listing_queries_constant(url, "participants", fill)
    assert len(camp_participants(event)) == 100


def test_camp_page_query_count_constant(officer, assert_listing_queries_constant):
    event = camp_event()
    city = OrganisationFactory()

    def fill(count):
        # Each round adds two rows to the review: an accepted applicant and one not yet decided.
        for _ in range(count // 2):
            accepted(event, home_organisation=city)
            RegistrationFactory(event=event, home_organisation=city, score=1)
        form_camp_groups(event, buddies=[PersonFactory(), PersonFactory()])
        allocate_rooms(event, hotel="H")

    assert_listing_queries_constant(reverse("programmes:camp", args=[event.pk]), "review", fill)


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


def test_programmes_index_lists_camps_tours_and_parties(officer, assert_listing_queries_constant):
    kinds = [EventKind.CAMP, EventKind.TOUR, EventKind.PARTY]

    def fill(count):
        for index in range(count):
            EventFactory(kind=kinds[index % 3])
            EventFactory(kind=EventKind.MEETING)  # not a programme: not listed

    few, _many = assert_listing_queries_constant(reverse("programmes:index"), "rows", fill)
    rows = few.context["rows"]
    assert {row["url"].split("/")[-3] for row in rows} == {"camp", "tour", "party"}
