"""A reader switches languages on an event page and applies to the summer camp."""

import datetime

import pytest

from events.models import Registration
from tests.factories.cms import build_site, event_page
from tests.factories.events import EventFactory, ItineraryItemFactory, taipei

from .conftest import ARTIFACTS

# Serialized rollback puts Wagtail's migrated rows (root page, site, locale) back after the
# flush a live-server test ends with, so tests that run later still find them.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLES = {
    "zh-hant": ("繁體中文", "國際青年夏令營", "zh-Hant"),
    "en": ("English", "Share Kaohsiung International Summer Camp", "en"),
    "ja": ("日本語", "国際サマーキャンプ", "ja"),
    "ko": ("한국어", "국제 여름 캠프", "ko"),
}


@pytest.fixture
def summer_camp():
    tree = build_site()
    year = datetime.date.today().year + 1
    camp = EventFactory(
        kind="camp",
        title="國際青年夏令營",
        title_en="Share Kaohsiung International Summer Camp",
        title_ja="国際サマーキャンプ",
        title_ko="국제 여름 캠프",
        is_public=True,
        starts_at=taipei(year, 8, 12, 9),
        ends_at=taipei(year, 8, 17, 17),
        takes_registrations=True,
        capacity=40,
        registration_questions=["nationality", "university", "passport", "date_of_birth"],
        consent_text="我同意主辦單位為營隊保存我的資料。",
        consent_text_en="I agree that the office keeps my data for the camp.",
        consent_text_ja="事務局がキャンプのために私の情報を保管することに同意します。",
        consent_text_ko="사무국이 캠프를 위해 제 정보를 보관하는 데 동의합니다.",
    )
    ItineraryItemFactory(
        event=camp,
        title="開幕式",
        title_en="Opening ceremony",
        starts_at=taipei(year, 8, 12, 9),
        ends_at=taipei(year, 8, 12, 10),
    )
    event_page(tree, camp, slug="summer-camp")
    return camp


def test_reader_switches_languages_and_applies(live_server, page, summer_camp):
    page.goto(f"{live_server.url}/zh-hant/events/summer-camp/")
    for code in ["en", "ja", "ko", "zh-hant"]:
        name, title, tag = TITLES[code]
        assert page.locator(f'nav.language-switcher a[lang="{tag}"]').inner_text() == name
        # The switcher's label is itself translated; each link carries its language tag.
        switcher = page.locator("nav.language-switcher")
        switcher.locator(f'a[lang="{tag}"]').click()
        page.wait_for_url(f"**/{code}/events/summer-camp/")
        assert page.locator("h1").inner_text() == title
        assert page.locator("html").get_attribute("lang") == tag
        page.screenshot(path=ARTIFACTS / f"event-page-{code}.png", full_page=True)

    page.goto(f"{live_server.url}/en/events/summer-camp/")
    page.get_by_role("link", name="Apply now").click()
    page.get_by_label("Family name").fill("Kim")
    page.get_by_label("Given name").fill("Minjun")
    page.get_by_label("E-mail").fill("minjun@example.org")
    page.get_by_label("Nationality").select_option("KR")
    page.get_by_label("University").fill("Ajou University")
    page.get_by_label("Passport number").fill("12")
    page.get_by_label("Date of birth").fill("2000-05-01")
    page.get_by_label("I agree to the terms above.").check()
    page.get_by_role("button", name="Send application").click()

    summary = page.get_by_role("alert")
    assert "Enter the passport number as printed" in summary.inner_text()
    page.screenshot(path=ARTIFACTS / "registration-bad-passport.png", full_page=True)
    assert Registration.objects.count() == 0

    page.get_by_label("Passport number").fill("M12345678")
    # Browsers do not resend a ticked box's state after a refused post unless it is still ticked.
    page.get_by_label("I agree to the terms above.").check()
    page.get_by_role("button", name="Send application").click()
    assert page.locator("h1").inner_text() == "Thank you for applying"
    page.screenshot(path=ARTIFACTS / "registration-confirmed.png", full_page=True)
    registration = Registration.objects.get()
    assert (registration.email, registration.language) == ("minjun@example.org", "en")
