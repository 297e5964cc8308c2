"""An event's public page is made once and follows the record in four languages."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms.event_pages import ascii_slug, event_slug
from cms.models import EventPage
from cms.services import sync_event_pages
from tests.factories.cms import event_page
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(user)
    return user


def test_event_slug_is_readable_ascii():
    event = EventFactory.build(
        pk=7, title="高雄國際午宴", title_en="Kaohsiung International Luncheon"
    )
    assert event_slug(event) == "kaohsiung-international-luncheon"
    event.title_en = ""
    assert event_slug(event) == "gaoxiongguojiwuyan"
    assert ascii_slug("", "！？", fallback="event-7") == "event-7"


def test_creating_an_event_page_in_chinese_makes_four_titled_ascii_translations(
    client, admin, tree, luncheon
):
    parent = tree.event_index["zh-hant"]
    url = reverse("wagtailadmin_pages:add", args=["cms", "eventpage", parent.pk])

    response = client.post(
        url,
        {
            "title": "2019高雄國際午宴",
            "slug": "2019高雄國際午宴",
            "event": luncheon.pk,
            "intro": "",
            "body-count": "0",
            "action-publish": "publish",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    pages = {p.locale.language_code: p for p in EventPage.objects.filter(event=luncheon)}
    assert sorted(pages) == ["en", "ja", "ko", "zh-hant"]
    assert {code: page.title for code, page in pages.items()} == {
        "zh-hant": "2019高雄國際午宴",
        "en": "2019 Kaohsiung International Luncheon",
        "ja": "2019高雄国際ランチョン",
        "ko": "2019 가오슝 국제 오찬",
    }
    assert {page.slug for page in pages.values()} == {"2019-kaohsiung-international-luncheon"}
    assert all(page.live for page in pages.values())
    assert client.get("/ja/events/2019-kaohsiung-international-luncheon/").status_code == 200


def test_record_edits_reach_all_four_pages(tree, luncheon, django_capture_on_commit_callbacks):
    event_page(tree, luncheon, slug="luncheon", languages=["zh-hant"])

    with django_capture_on_commit_callbacks(execute=True):
        luncheon.title_ko = "가오슝 국제 오찬"
        luncheon.title_en = "Kaohsiung International Luncheon"
        luncheon.save()

    titles = {
        page.locale.language_code: page.title for page in EventPage.objects.filter(event=luncheon)
    }
    assert titles["ko"] == "가오슝 국제 오찬"
    assert titles["en"] == "Kaohsiung International Luncheon"
    assert len(titles) == 4


def test_sync_is_idempotent(tree, luncheon):
    event_page(tree, luncheon, slug="luncheon")
    sync_event_pages(luncheon)
    count = Page.objects.count()

    assert sync_event_pages(luncheon) == []
    assert Page.objects.count() == count
