"""The luncheon print pack: PDFs that open and carry every guest's name in their script."""

import io

import pytest
from pypdf import PdfReader

from events.seating import printing
from events.seating.printing import reading_name, render_print_pack
from events.seating.services import configure_seating_plan, generate_seating_plan
from tests.factories.crm import PersonFactory
from tests.factories.seating import accept_all, build_luncheon

pytestmark = pytest.mark.django_db


def pdf_text(content):
    """All text of a PDF, without whitespace.

    pypdf reads fpdf2's two-byte glyph codes as a NUL plus the character (pdftotext reads
    them cleanly), and spaces glyphs out at will; both are dropped before comparing.
    """
    reader = PdfReader(io.BytesIO(content))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    return "".join(text.replace("\x00", "").split())


def seated_luncheon(guests=16, **kwargs):
    scene = build_luncheon(guests=guests, **kwargs)
    accept_all(scene)
    plan = configure_seating_plan(scene.event)
    generate_seating_plan(plan)
    return scene, plan


def test_reading_name_prefers_the_official_chinese_name_for_chinese_readers():
    person = PersonFactory(
        family_name="Christensen", given_name="Brent", chinese_name="酈英傑", native_name=""
    )
    korean = PersonFactory(family_name="Yeom", given_name="Tae-young", native_name="염태영")
    korean.name_order = "family_first"

    assert reading_name(person, "zh-hant") == "酈英傑"
    assert reading_name(person, "en") == "Brent Christensen"
    assert reading_name(korean, "ko") == "염태영"
    assert reading_name(korean, "en") == "Yeom Tae-young"


def test_render_print_pack_contains_every_guests_native_name():
    scene, plan = seated_luncheon(guests=16)

    content = render_print_pack(plan)

    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    for person in scene.people:
        assert person.native_name or person.chinese_name
        assert (person.native_name or person.chinese_name) in text, person


@pytest.mark.parametrize("part", printing.PARTS)
def test_render_print_pack_parts_each_name_the_guests(part):
    scene, plan = seated_luncheon(guests=12)

    text = pdf_text(render_print_pack(plan, parts=(part,), language="en"))

    if part == "caterer":
        assert "Dietaryrequirements(0)None." in text
        assert "Accessibilityneeds(0)None." in text
    else:
        for person in scene.people:
            assert person.native_name in text, person


def test_caterer_summary_lists_replies_with_table_and_seat():
    scene, plan = seated_luncheon(guests=12)
    invitation = scene.event.invitations.get(person=scene.heads[0])
    invitation.dietary_requirements = "Halal"
    invitation.save()
    scene.envoys[0].accessibility_needs = "Wheelchair access"
    scene.envoys[0].save()

    text = pdf_text(render_print_pack(plan, parts=("caterer",), language="en"))

    assert "12guestsat2tables." in text
    assert "Halal" in text
    assert "Wheelchairaccess" in text


def test_badges_carry_honorific_and_title_as_of_the_event_date():
    scene, plan = seated_luncheon(guests=10)

    text = pdf_text(render_print_pack(plan, parts=("badges",), language="en"))

    # Native name, then the reading-language name (family first), then the title with its
    # city (crm.address: "Mayor of Kaohsiung"; the office word is not repeated before the name).
    host = scene.host
    assert f"{host.native_name}{host.family_name}{host.given_name}MayorofKaohsiung" in text
    assert "DeputyMayor" in text


def test_generate_print_pack_task_keeps_the_pdf_with_the_plan():
    scene, plan = seated_luncheon(guests=10)

    result = printing.generate_print_pack.enqueue(plan.pk)

    plan.refresh_from_db()
    assert result.return_value == plan.print_pack.name
    assert plan.print_pack_generated_at is not None
    with plan.print_pack.open("rb") as handle:
        assert scene.host.native_name in pdf_text(handle.read())


@pytest.mark.parametrize("guests", [10, 100])
def test_render_print_pack_reads_in_constant_queries(guests, django_assert_num_queries):
    scene, plan = seated_luncheon(guests=guests, delegations=2 if guests == 10 else 9)

    # The sixth reads the official names handbook (crm/glossary.py) once for all guests.
    with django_assert_num_queries(6):
        content = render_print_pack(plan, parts=("plan", "badges", "caterer"))

    assert content.startswith(b"%PDF-")
