"""cms.routing finds the same page Wagtail's own walk finds, and hands over only what it knows."""

import pytest
from django.core.cache import cache
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from cms import routing
from cms.models import HomePage

PATHS = [
    "",
    "events/",
    "events/luncheon/",
    "sister-cities/",
    "contact/",
    "events/no-such-event/",
    "events/luncheon/below-a-leaf/",
    "no-such-section/deeper/",
]


def _wagtail_route(request, path):
    """What Wagtail's serve view would find without cms.routing."""
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    try:
        return site.root_page.localized.specific.route(request, components)
    except Http404:
        return None


def _ours(request, path):
    try:
        return routing.route(request, path)
    except Http404:
        return None


@pytest.mark.parametrize("code", ["zh-hant", "en", "ja", "ko"])
@pytest.mark.parametrize("path", PATHS)
def test_route_agrees_with_wagtail(tree, luncheon_pages, code, path):
    request = RequestFactory().get(f"/{code}/{path}")
    with translation.override(code):
        ours, theirs = _ours(request, path), _wagtail_route(request, path)
    if theirs is None:
        assert ours is None
    else:
        assert (ours.page.pk, type(ours.page), ours.args) == (
            theirs.page.pk,
            type(theirs.page),
            theirs.args,
        )


def test_route_reads_the_page_with_its_event_in_two_queries(
    tree, luncheon_pages, django_assert_num_queries
):
    request = RequestFactory().get("/en/events/luncheon/")
    with translation.override("en"):
        routing.find_site(request)
        with django_assert_num_queries(2):
            result = routing.route(request, "events/luncheon/")
            assert result.page.event.venue.name_en == "Xiziwan beach hall"


def test_a_draft_page_is_not_found(client, tree, luncheon_pages):
    luncheon_pages["en"].unpublish()
    assert client.get(luncheon_pages["en"].url).status_code == 404


def test_a_language_whose_home_is_a_draft_is_left_to_wagtail(client, tree, luncheon_pages):
    tree.homes["ja"].unpublish()
    request = RequestFactory().get("/ja/events/luncheon/")
    with translation.override("ja"):
        assert routing.route(request, "events/luncheon/") is None
    # Wagtail then serves the default language's tree under the ja prefix.
    response = client.get("/ja/events/luncheon/")
    assert response.status_code == 200
    assert response.context["page"].pk == luncheon_pages["zh-hant"].pk


def _asks_for_password(response):
    names = {template.name for template in response.templates}
    return (
        response.status_code == 200
        and "wagtailcore/password_required.html" in names
        and "cms/event_page.html" not in names
    )


def test_a_private_section_still_asks_for_its_password(client, tree, luncheon_pages):
    PageViewRestriction.objects.create(
        page=tree.event_index["en"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = client.get(luncheon_pages["en"].url)
    assert _asks_for_password(response)
    # Not remembered either: the next reader is asked again.
    assert "X-Page-Cache" not in client.get(luncheon_pages["en"].url)


def test_an_alias_follows_its_source_pages_restriction(client, tree, luncheon_pages):
    source = luncheon_pages["en"]
    alias = source.create_alias(parent=tree.about["en"], update_slug="luncheon-alias")
    PageViewRestriction.objects.create(
        page=source, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert _asks_for_password(client.get(alias.url))


def _second_home(tree):
    """A home page for a second site, beside the first one under the tree's root."""
    return Page.get_first_root_node().add_child(
        instance=HomePage(
            title="Second home", slug="second-home", locale=tree.homes["zh-hant"].locale
        )
    )


@override_settings(ALLOWED_HOSTS=["testserver", "second.example", "third.example"])
def test_a_changed_site_is_routed_afresh(client, tree):
    second_home = _second_home(tree)
    site = Site.objects.create(hostname="second.example", port=80, root_page=second_home)
    response = client.get("/zh-hant/", HTTP_HOST="second.example")
    assert response.context["page"].pk == second_home.pk

    site.hostname = "third.example"
    site.save()
    # second.example now belongs to nobody and falls to the default site.
    response = client.get("/zh-hant/", HTTP_HOST="second.example")
    assert response.context["page"].pk == tree.homes["zh-hant"].pk
    response = client.get("/zh-hant/", HTTP_HOST="third.example")
    assert response.context["page"].pk == second_home.pk


@override_settings(ALLOWED_HOSTS=["testserver", "second.example", "other.example"])
def test_a_new_default_site_takes_the_unknown_hosts(client, tree):
    # Wagtail's root paths do not change with the default flag: the saved Site must say so.
    second_home = _second_home(tree)
    second = Site.objects.create(hostname="second.example", port=80, root_page=second_home)
    response = client.get("/zh-hant/", HTTP_HOST="other.example")
    assert response.context["page"].pk == tree.homes["zh-hant"].pk

    old_default = Site.objects.get(is_default_site=True)
    old_default.is_default_site = False
    old_default.save()
    second.is_default_site = True
    second.save()
    response = client.get("/zh-hant/", HTTP_HOST="other.example")
    assert response.context["page"].pk == second_home.pk


@override_settings(ALLOWED_HOSTS=["*"])
def test_remembered_hosts_stay_few_when_any_host_is_allowed(tree):
    for number in range(routing.MAX_HOSTS + 10):
        request = RequestFactory().get("/zh-hant/", HTTP_HOST=f"h{number}.example")
        assert routing.find_site(request).pk == Site.objects.get(is_default_site=True).pk
    assert len(cache.get(routing.SITES_CACHE_KEY)["sites"]) <= routing.MAX_HOSTS


def _every_page_url(request):
    return {
        page.pk: (routing.page_url(request, page.url_path), page.get_url(request))
        for page in Page.objects.filter(depth__gt=1)
    }


@pytest.mark.parametrize("code", ["zh-hant", "en", "ja", "ko"])
def test_page_url_agrees_with_wagtail_for_every_page(tree, luncheon_pages, code):
    request = RequestFactory().get(f"/{code}/")
    with translation.override(code):
        routing.find_site(request)
        urls = _every_page_url(request)
    assert all(ours == theirs for ours, theirs in urls.values()), urls
    assert urls[luncheon_pages["ja"].pk][0] == "/ja/events/luncheon/"


@override_settings(ALLOWED_HOSTS=["testserver", "second.example"])
def test_page_url_agrees_with_wagtail_across_sites(tree):
    second_home = _second_home(tree)
    Site.objects.create(hostname="second.example", port=80, root_page=second_home)
    for host in ("testserver", "second.example"):
        request = RequestFactory().get("/zh-hant/", HTTP_HOST=host)
        with translation.override("zh-hant"):
            routing.find_site(request)
            urls = _every_page_url(request)
        assert all(ours == theirs for ours, theirs in urls.values()), urls
        # A page of the other site is linked with its host.
        other = tree.homes["zh-hant"] if host == "second.example" else second_home
        assert urls[other.pk][0].startswith("http://")


def test_switched_off_wagtail_routes_every_page_itself(
    client, settings, tree, luncheon_pages, monkeypatch
):
    urls = [
        tree.homes["zh-hant"].url,
        tree.event_index["en"].url,
        luncheon_pages["en"].url,
        luncheon_pages["ja"].url,
        tree.sister_index["ko"].url,
        "/en/events/no-such-event/",
    ]
    accelerated = [client.get(url, {"fresh": "1"}) for url in urls]
    cache.clear()

    def refuse(request, path):
        raise AssertionError("cms.routing ran with KIA_ACCELERATIONS off")

    settings.KIA_ACCELERATIONS = False
    monkeypatch.setattr(routing, "route", refuse)
    plain = [client.get(url, {"fresh": "1"}) for url in urls]

    assert [r.status_code for r in plain] == [200, 200, 200, 200, 200, 404]
    assert [(r.status_code, r.content) for r in plain] == [
        (r.status_code, r.content) for r in accelerated
    ]
