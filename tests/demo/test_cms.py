"""demo.cms.load builds the four-language tree and can run again without duplicating it."""

import datetime

import pytest
from wagtail.models import Page, Site

from cms import models
from demo import cms as demo
from tests.factories.crm import OrganisationFactory, RelationshipFactory
from tests.factories.events import EventFactory, taipei


@pytest.fixture
def records(db):
    home = OrganisationFactory(name="高雄市政府", name_en="Kaohsiung City Government", is_home=True)
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", name_ko="수원시", country="KR")
    RelationshipFactory(
        source=home, target=suwon, type="friendship_city", signed_on=datetime.date(2019, 2, 16)
    )
    EventFactory(
        title="2019高雄國際午宴",
        title_en="2019 Kaohsiung International Luncheon",
        kind="luncheon",
        is_public=True,
    )
    EventFactory(
        title="國際青年夏令營",
        title_en="Share Kaohsiung International Summer Camp",
        kind="camp",
        is_public=True,
        starts_at=taipei(2019, 8, 12, 9),
        ends_at=taipei(2019, 8, 17, 17),
    )
    EventFactory(title_en="Internal meeting", is_public=False)
    return suwon


def test_demo_load_builds_the_tree_in_four_languages(client, records):
    demo.load()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "zh-hant"
    assert isinstance(site.root_page.specific, models.HomePage)
    assert sorted(models.HomePage.objects.values_list("locale__language_code", flat=True)) == [
        "en",
        "ja",
        "ko",
        "zh-hant",
    ]
    assert models.EventPage.objects.count() == 2 * 4
    assert models.SisterCityPage.objects.count() == 4
    suwon_ko = models.SisterCityPage.objects.get(locale__language_code="ko")
    assert suwon_ko.title == "수원시"
    assert records.latitude is None
    records.refresh_from_db()
    assert (float(records.latitude), float(records.longitude)) == (37.263, 127.029)
    camp = models.EventPage.objects.get(locale__language_code="en", event__kind="camp")
    assert camp.url == "/en/events/share-kaohsiung-international-summer-camp/"
    assert "history, culture and industry" in client.get(camp.url).content.decode()
    assert client.get("/").status_code == 302
    assert client.get("/ja/").status_code == 200


def test_demo_load_is_idempotent(records):
    demo.load()
    counts = (Page.objects.count(), models.EventPage.objects.count(), Site.objects.count())
    revisions = {page.pk: page.latest_revision_id for page in Page.objects.all()}
    demo.load()
    assert (Page.objects.count(), models.EventPage.objects.count(), Site.objects.count()) == counts
    # Nothing changed, so nothing was published again.
    assert {page.pk: page.latest_revision_id for page in Page.objects.all()} == revisions
