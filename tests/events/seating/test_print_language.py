"""The print pack's language is chosen per pack, and names are written by crm.address."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader
from wagtail.users.models import UserProfile

from core.roles import PROTOCOL_OFFICERS, ensure_staff_groups
from crm.address import reading_name
from crm.models import Affiliation
from events.models import SeatingPlan
from events.seating.services import configure_seating_plan, generate_seating_plan
from tests.factories.seating import accept_all, build_luncheon
from tests.factories.staff import StaffUserFactory

pytestmark = pytest.mark.django_db


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return "".join("".join(p.extract_text().replace("\x00", "").split()) for p in reader.pages)


@pytest.fixture
def scene():
    scene = build_luncheon(guests=8, delegations=1, envoys=1, deputies=1)
    # The Korean delegation is Suwon's, its head the mayor.
    title = Affiliation.objects.get(person=scene.heads[0])
    city = title.organisation
    city.name, city.name_en, city.name_ja, city.name_ko = "水原市", "Suwon", "水原市", "수원시"
    city.save()
    title.position_title_ko = "시장"
    title.position_title_ja = "市長"
    title.save()
    accept_all(scene)
    generate_seating_plan(configure_seating_plan(scene.event))
    return scene


@pytest.fixture
def chinese_officer(client):
    ensure_staff_groups()
    user = StaffUserFactory(group=PROTOCOL_OFFICERS)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hant"
    profile.save()
    client.force_login(user)
    return user


@pytest.fixture
def english_officer(client):
    ensure_staff_groups()
    user = StaffUserFactory(group=PROTOCOL_OFFICERS)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


def cards(client, scene, **params):
    url = reverse("seating:print", args=[scene.event.pk, "cards"])
    response = client.get(url, params)
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(response.content)


def test_chinese_place_cards_carry_no_english_honorific(client, scene, chinese_officer):
    text = cards(client, scene, language="zh-hant")

    assert "Mayor" not in text
    assert f"高雄市長{scene.host.native_name}" in text
    head = scene.heads[0]
    assert "水原市長" + "".join(reading_name(head, "zh-hant").split()) in text


def test_english_pack_gives_a_korean_guest_a_korean_title(client, scene, chinese_officer):
    text = cards(client, scene, language="en")

    head = scene.heads[0]
    assert f"Mayor{head.family_name}{head.given_name}" in text
    assert f"수원시장{head.native_name}" in text


def test_pack_language_is_the_offices_not_the_officers_admin_language(
    client, scene, english_officer
):
    text = cards(client, scene)

    assert f"高雄市長{scene.host.native_name}" in text
    assert "Mayor" not in text


def test_prepared_pack_remembers_its_language(client, scene, english_officer):
    client.post(reverse("seating:print_pack_generate", args=[scene.event.pk]), {"language": "ja"})

    plan = SeatingPlan.objects.get(event=scene.event)
    assert plan.print_pack_language == "ja"
    page = client.get(reverse("seating:plan", args=[scene.event.pk])).content.decode()
    assert 'value="ja" selected' in page
