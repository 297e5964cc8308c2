import datetime
import re
import zoneinfo

import pytest
from django.conf import settings
from django.core.cache import cache
from django.template import Context, Template
from django.utils import timezone, translation
from wagtail.test.utils import WagtailPageTestCase

from cms import models
from cms.templatetags import cms_tags
from tests.factories.cms import LANGS, build_site, event_page, sister_city_page
from tests.factories.crm import CooperationAreaFactory, OrganisationFactory, RelationshipFactory
from tests.factories.events import DelegationFactory, EventFactory, taipei

HTML_LANG = {"zh-hant": "zh-Hant", "en": "en", "ja": "ja", "ko": "ko"}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            models.HomePage,
            {
                models.EventIndexPage,
                models.SisterCityIndexPage,
                models.StandardPage,
                models.ContactPage,
            },
        )

    def test_event_page_lives_only_under_an_event_index(self):
        self.assertAllowedParentPageTypes(models.EventPage, {models.EventIndexPage})
        self.assertAllowedSubpageTypes(models.EventIndexPage, {models.EventPage})

    def test_sister_city_page_lives_only_under_the_city_index(self):
        self.assertAllowedParentPageTypes(models.SisterCityPage, {models.SisterCityIndexPage})

    def test_standard_page_nests(self):
        self.assertAllowedParentPageTypes(
            models.StandardPage, {models.HomePage, models.StandardPage}
        )
        self.assertAllowedSubpageTypes(models.ContactPage, set())


class RenderableTests(WagtailPageTestCase):
    """Wagtail's render check on each page type of a four-language site.

    (Its routing check ignores i18n_patterns' language prefix; the client tests below route.)
    """

    def setUp(self):
        cache.clear()
        self.tree = build_site()
        event = EventFactory(is_public=True, title_en="Forum")
        self.event_pages = event_page(self.tree, event, slug="forum")
        home = OrganisationFactory(is_home=True)
        self.city_pages = sister_city_page(self.tree, RelationshipFactory(source=home))

    def test_every_page_type_renders(self):
        for page in (
            self.tree.homes["en"],
            self.tree.event_index["ja"],
            self.event_pages["ko"],
            self.tree.sister_index["zh-hant"],
            self.city_pages["en"],
            self.tree.about["ja"],
            self.tree.contact["ko"],
        ):
            with translation.override(page.locale.language_code):
                self.assertPageIsRenderable(page)


def _html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("section", ["homes", "event_index", "sister_index", "about", "contact"])
def test_section_page_renders_in_language(client, tree, section, code):
    page = getattr(tree, section)[code]
    response = client.get(page.url)
    assert response.status_code == 200
    assert _html_lang(response) == HTML_LANG[code]
    assert response.context["page"].locale.language_code == code


@pytest.mark.parametrize("code", LANGS)
def test_event_page_renders_record_title_in_language(client, luncheon_pages, luncheon, code):
    response = client.get(luncheon_pages[code].url)
    assert response.status_code == 200
    assert _html_lang(response) == HTML_LANG[code]
    expected = {
        "zh-hant": "2019高雄國際午宴",
        "en": "2019 Kaohsiung International Luncheon",
        "ja": "2019高雄国際ランチョン",
        "ko": "2019 가오슝 국제 오찬",
    }[code]
    assert f"<h1>{expected}</h1>" in response.content.decode()


def test_event_page_title_falls_back_to_traditional_chinese(client, tree):
    event = EventFactory(is_public=True, title="國際關係小組會議", title_en="", title_ja="")
    pages = event_page(tree, event, slug="irg")
    body = client.get(pages["ja"].url).content.decode()
    assert "<h1>國際關係小組會議</h1>" in body


def test_event_page_shows_facts_from_the_record(client, luncheon_pages):
    body = client.get(luncheon_pages["en"].url).content.decode()
    assert "Xiziwan beach hall" in body
    assert "<dd>140</dd>" in body
    assert "<dd>Suwon</dd>" in body
    assert "Signing ceremony" in body
    # Private and staff items never reach the public programme.
    assert "Staff briefing" not in body


def test_event_page_edit_of_the_record_shows_without_retyping(client, luncheon_pages, luncheon):
    luncheon.capacity = 150
    luncheon.save()
    body = client.get(luncheon_pages["en"].url).content.decode()
    assert "<dd>150</dd>" in body


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh-hant", "2019年2月16日"),
        ("en", "Feb. 16, 2019"),
        ("ja", "2019年2月16日"),
        ("ko", "2019년 2월 16일"),
    ],
)
def test_event_page_dates_are_written_per_language(client, luncheon_pages, code, expected):
    body = client.get(luncheon_pages[code].url).content.decode()
    assert expected in body


def test_dates_follow_the_active_time_zone_and_language(luncheon):
    # Formatted dates are remembered; the zone and language are part of what is remembered.
    starts_at = luncheon.starts_at
    with translation.override("en"):
        assert cms_tags.local_date(starts_at) == "Feb. 16, 2019"
        with timezone.override(zoneinfo.ZoneInfo("America/Los_Angeles")):
            assert cms_tags.local_date(starts_at) == "Feb. 15, 2019"
            assert cms_tags.local_time(starts_at) == "7 p.m."
        assert cms_tags.local_time(starts_at) == "11 a.m."
    with translation.override("ko"):
        assert cms_tags.local_date(starts_at) == "2019년 2월 16일"


@pytest.mark.parametrize("code", ["zh-hant", "en", "ja", "ko"])
def test_time_span_is_the_time_element_django_would_write(luncheon, code):
    template = Template(
        "{% load cms_tags %}"
        "<time datetime=\"{{ event.starts_at|date:'c' }}\">"
        "{% when event.starts_at event.ends_at event.all_day %}</time>|"
        "{% time_span event.starts_at event.ends_at event.all_day %}"
    )
    with translation.override(code):
        by_hand, by_tag = template.render(Context({"event": luncheon})).split("|")
    assert by_tag == by_hand
    assert 'datetime="2019-02-16T11:00:00+08:00"' in by_tag


def test_event_page_links_its_feed_over_https_and_webcal(client, luncheon_pages, luncheon):
    body = client.get(luncheon_pages["en"].url, secure=True).content.decode()
    assert f'href="webcal://testserver/feeds/events/{luncheon.uid}.ics"' in body
    assert f'href="https://testserver/feeds/events/{luncheon.uid}.ics"' in body


def test_event_page_links_registration_only_while_open(client, camp_pages, camp, luncheon_pages):
    assert f"/en/register/{camp.uid}/" in client.get(camp_pages["en"].url).content.decode()
    assert "/register/" not in client.get(luncheon_pages["en"].url).content.decode()


def _switcher(body):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', body, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" lang="([^"]+)"', nav))


def test_language_switcher_keeps_reader_on_the_same_event(client, luncheon_pages):
    body = client.get(luncheon_pages["ja"].url).content.decode()
    assert _switcher(body) == {
        "/zh-hant/events/luncheon/": "zh-Hant",
        "/en/events/luncheon/": "en",
        "/ja/events/luncheon/": "ja",
        "/ko/events/luncheon/": "ko",
    }
    assert 'lang="ja" hreflang="ja" aria-current="true"' in body


def test_language_switcher_sends_untranslated_language_home(client, tree, luncheon):
    pages = event_page(tree, luncheon, slug="only-two", languages=["zh-hant", "en"])
    body = client.get(pages["en"].url).content.decode()
    assert _switcher(body) == {
        "/zh-hant/events/only-two/": "zh-Hant",
        "/en/events/only-two/": "en",
        "/ja/": "ja",
        "/ko/": "ko",
    }


def _alternates(body):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body)


def test_hreflang_alternates_list_every_translation(client, luncheon_pages):
    body = client.get(luncheon_pages["ko"].url).content.decode()
    assert _alternates(body) == [
        ("zh-Hant", "http://testserver/zh-hant/events/luncheon/"),
        ("x-default", "http://testserver/zh-hant/events/luncheon/"),
        ("en", "http://testserver/en/events/luncheon/"),
        ("ja", "http://testserver/ja/events/luncheon/"),
        ("ko", "http://testserver/ko/events/luncheon/"),
    ]


def test_hreflang_leaves_out_missing_translations(client, tree, luncheon):
    pages = event_page(tree, luncheon, slug="only-two", languages=["zh-hant", "en"])
    body = client.get(pages["zh-hant"].url).content.decode()
    assert [tag for tag, _url in _alternates(body)] == ["zh-Hant", "x-default", "en"]


def test_sitemap_lists_every_language_with_alternates(client, luncheon_pages):
    body = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    for code in LANGS:
        assert f"http://testserver/{code}/events/luncheon/" in locations
        assert f"http://testserver/{code}/" in locations
    assert len(locations) == 5 * 4 + 4
    assert (
        '<xhtml:link rel="alternate" hreflang="ko" '
        'href="http://testserver/ko/events/luncheon/"/>' in body
    )


def test_robots_txt_points_at_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /en/rsvp/" in body


def _cards(body, heading):
    section = re.search(rf'<h2 id="{heading}-heading">.*?</section>', body, re.S).group(0)
    return re.findall(r"<h3><a [^>]*>([^<]+)</a></h3>", section)


@pytest.fixture
def four_events(tree):
    now = datetime.datetime.now(datetime.UTC)
    next_year = now.year + 1
    specs = [
        ("Past camp 2019", "camp", taipei(2019, 8, 12, 9)),
        ("Past forum 2019", "forum", taipei(2019, 12, 6, 9)),
        ("Past forum 2018", "forum", taipei(2018, 6, 6, 9)),
        ("Coming forum", "forum", taipei(next_year, 3, 1, 9)),
    ]
    for title, kind, starts_at in specs:
        event = EventFactory(
            title=title,
            title_en=title,
            kind=kind,
            is_public=True,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=3),
        )
        event_page(tree, event, slug=title.lower().replace(" ", "-"))
    # Neither a draft nor a non-public event is listed.
    hidden = EventFactory(title_en="Hidden", is_public=False)
    event_page(tree, hidden, slug="hidden")
    return tree


def test_event_index_splits_upcoming_and_past(client, four_events):
    body = client.get(four_events.event_index["en"].url).content.decode()
    assert _cards(body, "upcoming") == ["Coming forum"]
    assert _cards(body, "past") == ["Past forum 2019", "Past camp 2019", "Past forum 2018"]


def test_event_index_filters_by_kind_and_year(client, four_events):
    url = four_events.event_index["en"].url
    body = client.get(url, {"kind": "forum", "year": "2019"}).content.decode()
    assert _cards(body, "upcoming") == []
    assert _cards(body, "past") == ["Past forum 2019"]
    body = client.get(url, {"kind": "nonsense", "year": "1900"}).content.decode()
    assert len(_cards(body, "past")) == 3


def test_event_index_paginates_past_events(client, tree):
    for day in range(1, 15):
        starts_at = taipei(2019, 1, day, 9)
        event = EventFactory(
            title_en=f"Day {day:02d}",
            is_public=True,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=1),
        )
        event_page(tree, event, slug=f"day-{day}", languages=["en"])
    url = tree.event_index["en"].url
    first = _cards(client.get(url).content.decode(), "past")
    second = _cards(client.get(url, {"page": "2"}).content.decode(), "past")
    assert first == [f"Day {day:02d}" for day in range(14, 2, -1)]
    assert second == ["Day 02", "Day 01"]


@pytest.fixture
def sister_cities(tree):
    home = OrganisationFactory(
        name="高雄市政府", name_en="Kaohsiung", is_home=True, latitude=22.62, longitude=120.31
    )
    portland = OrganisationFactory(
        name="波特蘭", name_en="Portland", country="US", latitude=45.5, longitude=-122.7
    )
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", country="KR")
    first = RelationshipFactory(source=home, target=portland, signed_on=datetime.date(1988, 5, 10))
    second = RelationshipFactory(
        source=suwon, target=home, type="friendship_city", signed_on=datetime.date(2019, 2, 16)
    )
    second.areas.add(CooperationAreaFactory(slug="culture", name="文化", name_en="Culture"))
    visit = EventFactory(
        title_en="Suwon mayor's visit",
        is_public=True,
        starts_at=taipei(2019, 2, 15, 10),
        ends_at=taipei(2019, 2, 15, 12),
    )
    DelegationFactory(event=visit, organisation=suwon)
    event_page(tree, visit, slug="suwon-visit")
    return {
        "portland": sister_city_page(tree, first, slug="portland"),
        "suwon": sister_city_page(tree, second, slug="suwon"),
    }


def test_sister_city_index_lists_ties_in_signing_order(client, tree, sister_cities):
    body = client.get(tree.sister_index["en"].url).content.decode()
    rows = re.findall(
        r"<tr>\s*<td>(\d+)</td>\s*<td><a href=\"([^\"]+)\">([^<]+)</a></td>.*?<td>(\d{4})</td>",
        body,
        re.S,
    )
    assert rows == [
        ("1", "/en/sister-cities/portland/", "Portland", "1988"),
        ("2", "/en/sister-cities/suwon/", "Suwon", "2019"),
    ]
    # Only Portland has coordinates: one partner marker, plus Kaohsiung itself.
    assert body.count('class="partner"') == 1
    assert body.count('class="home"') == 1
    assert "tile" not in body


def test_sister_city_page_shows_agreement_areas_and_exchanges(client, sister_cities):
    body = client.get(sister_cities["suwon"]["en"].url).content.decode()
    assert "<h1>Suwon" in body
    assert "friendship city" in body
    assert "Kaohsiung's partner no. 2" in body
    assert "<dd>Culture</dd>" in body
    assert '<a href="/en/events/suwon-visit/">Suwon mayor&#x27;s visit</a>' in body


def test_standard_and_contact_pages_show_their_fields(client, tree):
    about = client.get(tree.about["ja"].url).content.decode()
    assert "About intro (ja)" in about
    assert "2019年2月16日" in about
    contact = client.get(tree.contact["en"].url).content.decode()
    assert 'href="mailto:intl@kcg.example"' in contact


def test_settings_languages_are_the_four_site_languages():
    assert [code for code, _name in settings.LANGUAGES] == LANGS


@pytest.mark.parametrize("year", ["²", "٢٠١٩", "99999999999999999999"])
def test_event_index_ignores_a_year_that_is_not_plain_digits(client, four_events, year):
    # str.isdigit() accepts superscripts and other scripts' digits, which int() then refuses
    # ("²") or reads ("٢٠١٩" is 2019): only ASCII digits are a year here.
    response = client.get(four_events.event_index["en"].url, {"year": year})

    assert response.status_code == 200
    assert len(_cards(response.content.decode(), "past")) == 3
