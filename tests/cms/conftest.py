import datetime

import pytest
from django.core.cache import cache

from tests.factories.cms import build_site, event_page
from tests.factories.crm import OrganisationFactory
from tests.factories.events import EventFactory, ItineraryItemFactory, VenueFactory, taipei


@pytest.fixture(autouse=True)
def _empty_cache():
    # The page cache and rate-limit counters live in the locmem cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tree(db):
    return build_site()


@pytest.fixture
def luncheon(db):
    venue = VenueFactory(
        name="西子灣沙灘會館", name_en="Xiziwan beach hall", name_ja="西子湾ビーチホール"
    )
    event = EventFactory(
        kind="luncheon",
        title="2019高雄國際午宴",
        title_en="2019 Kaohsiung International Luncheon",
        title_ja="2019高雄国際ランチョン",
        title_ko="2019 가오슝 국제 오찬",
        is_public=True,
        venue=venue,
        capacity=140,
        starts_at=taipei(2019, 2, 16, 11),
        ends_at=taipei(2019, 2, 16, 14),
    )
    ItineraryItemFactory(
        event=event,
        title="締盟儀式",
        title_en="Signing ceremony",
        venue=venue,
        starts_at=taipei(2019, 2, 16, 12),
        ends_at=taipei(2019, 2, 16, 12, 30),
    )
    ItineraryItemFactory(
        event=event,
        title="工作人員集合",
        title_en="Staff briefing",
        is_public=False,
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 10),
    )
    event.organisations.add(OrganisationFactory(name="水原市", name_en="Suwon", country="KR"))
    return event


@pytest.fixture
def luncheon_pages(tree, luncheon):
    return event_page(tree, luncheon, slug="luncheon")


@pytest.fixture
def camp(db):
    """The summer camp, open for applications from now until a week ahead."""
    today = datetime.date.today()
    return EventFactory(
        kind="camp",
        title="國際青年夏令營",
        title_en="Share Kaohsiung International Summer Camp",
        title_ja="国際サマーキャンプ",
        title_ko="국제 여름 캠프",
        is_public=True,
        starts_at=taipei(today.year + 1, 8, 12, 9),
        ends_at=taipei(today.year + 1, 8, 17, 17),
        takes_registrations=True,
        registration_waitlist=False,
        capacity=2,
        registration_questions=[
            "nationality",
            "university",
            "passport",
            "date_of_birth",
            "dietary",
        ],
        consent_text="我同意主辦單位為營隊保存我的資料。",
        consent_text_en="I agree that the office keeps my data for the camp.",
        consent_text_ja="事務局がキャンプのために私の情報を保管することに同意します。",
        consent_text_ko="사무국이 캠프를 위해 제 정보를 보관하는 데 동의합니다.",
    )


@pytest.fixture
def camp_pages(tree, camp):
    return event_page(tree, camp, slug="summer-camp")
