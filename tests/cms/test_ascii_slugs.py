"""Pages made before slugs were readable ASCII get ASCII slugs (cms migration 0004), and
their old percent-encoded addresses redirect to the new ones."""

import importlib
from urllib.parse import quote

import pytest
from django.apps import apps
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from cms.models import EventPage, StandardPage
from tests.factories.cms import LANGS, event_page
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("cms.migrations.0004_ascii_page_slugs")


def run_migration():
    migration.give_ascii_slugs(apps, None)


def rename(page, slug):
    # What a page made before ASCII slugs looks like: its CJK title as the slug.
    page.slug = slug
    page.save(clean=False)
    return page


def test_existing_event_pages_get_the_events_ascii_slug_unique_among_siblings(
    client, tree, luncheon
):
    pages = event_page(tree, luncheon, slug="國際午宴")
    # Another event's page already holds the slug in the Chinese index only.
    other = EventFactory(title="別的午宴", title_en="2019 Kaohsiung International Luncheon")
    event_page(tree, other, slug="2019-kaohsiung-international-luncheon", languages=["zh-hant"])
    pages["zh-hant"].save_revision()

    run_migration()

    slugs = dict(
        EventPage.objects.filter(event=luncheon).values_list("locale__language_code", "slug")
    )
    assert slugs == {
        "zh-hant": "2019-kaohsiung-international-luncheon-2",
        "en": "2019-kaohsiung-international-luncheon",
        "ja": "2019-kaohsiung-international-luncheon",
        "ko": "2019-kaohsiung-international-luncheon",
    }
    page = EventPage.objects.get(pk=pages["zh-hant"].pk)
    # A later publish of the latest revision keeps the new slug.
    assert page.latest_revision.content["slug"] == "2019-kaohsiung-international-luncheon-2"
    # The old address, as browsers send it (percent-encoded), leads to the page.
    old = client.get(f"/ja/events/{quote('國際午宴')}/")
    assert (old.status_code, old["Location"]) == (
        301,
        "/ja/events/2019-kaohsiung-international-luncheon/",
    )
    new = client.get("/zh-hant/events/2019-kaohsiung-international-luncheon-2/")
    assert new.status_code == 200
    assert client.get(f"/zh-hant/events/{quote('國際午宴')}/", follow=True).status_code == 200


def test_other_pages_take_the_english_title_and_their_descendants_follow(client, tree):
    about = {code: rename(tree.about[code], "關於我們") for code in LANGS}
    Page.objects.filter(pk=about["en"].pk).update(title="About the office")
    child = about["zh-hant"].add_child(
        instance=StandardPage(title="交流", slug="交流", locale=about["zh-hant"].locale, live=True)
    )

    run_migration()

    assert set(
        Page.objects.filter(pk__in=[p.pk for p in about.values()]).values_list("slug", flat=True)
    ) == {"about-the-office"}
    child.refresh_from_db()
    assert child.slug == "jiaoliu"
    assert child.url_path.endswith("/about-the-office/jiaoliu/")
    old = client.get(f"/zh-hant/{quote('關於我們')}/{quote('交流')}/")
    assert (old.status_code, old["Location"]) == (301, "/zh-hant/about-the-office/jiaoliu/")
    assert Redirect.objects.filter(redirect_page=child).exists()


def test_migration_leaves_readable_slugs_alone(tree, luncheon):
    event_page(tree, luncheon, slug="luncheon")
    before = dict(Page.objects.values_list("pk", "url_path"))

    run_migration()

    assert dict(Page.objects.values_list("pk", "url_path")) == before
    assert not Redirect.objects.exists()
