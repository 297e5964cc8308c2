"""Public site throughput: cached and uncached event pages against a trivial Django view.

Requests go straight into Django's WSGI handler in this process rather than through gunicorn:
both views then cross the same full middleware stack, and the figures leave out HTTP parsing
and sockets, a fixed cost per request that would only pull every ratio towards 1. On a shared
two-core machine that also keeps a load generator from competing with the server for the CPU.
(Not django.test.Client: it copies every template context for its assertions, which makes
rendering look several times dearer than it is.)

Data: the four-language page tree of cms.demo over demo-like records (the 2019 events plus
a hundred more, itineraries, registrations and invitations), on the benchmark database.
"""

import datetime
import statistics
import time

from _harness import Report, setup_database, teardown_database

ROUNDS = 9
CACHED_REQUESTS = 300
UNCACHED_REQUESTS = 100
LANGUAGES = ("zh-hant", "en", "ja", "ko")


def trivial(request):
    from django.http import HttpResponse

    return HttpResponse("ok", content_type="text/plain")


def build_data():
    from django.core.cache import cache

    from cms import demo
    from cms.models import EventPage
    from tests.factories.crm import OrganisationFactory, PersonFactory, RelationshipFactory
    from tests.factories.events import (
        EventFactory,
        InvitationFactory,
        ItineraryItemFactory,
        RegistrationFactory,
        VenueFactory,
        taipei,
    )

    home = OrganisationFactory(name="高雄市政府", name_en="Kaohsiung City Government", is_home=True)
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", name_ko="수원시", country="KR")
    RelationshipFactory(
        source=home, target=suwon, type="friendship_city", signed_on=datetime.date(2019, 2, 16)
    )
    hall = VenueFactory(name="西子灣沙灘會館", name_en="Xiziwan beach hall")
    luncheon = EventFactory(
        kind="luncheon",
        title="2019高雄國際午宴",
        title_en="2019 Kaohsiung International Luncheon",
        title_ja="2019高雄国際ランチョン",
        title_ko="2019 가오슝 국제 오찬",
        is_public=True,
        venue=hall,
        capacity=140,
    )
    luncheon.organisations.add(suwon)
    for hour in range(11, 14):
        ItineraryItemFactory(
            event=luncheon,
            venue=hall,
            starts_at=taipei(2019, 2, 16, hour),
            ends_at=taipei(2019, 2, 16, hour, 45),
        )
    for _ in range(140):
        InvitationFactory(event=luncheon, person=PersonFactory())
        RegistrationFactory(event=luncheon)
    for number in range(100):
        starts_at = taipei(2019, 1, 1, 9) + datetime.timedelta(days=3 * number)
        EventFactory(
            is_public=True, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2)
        )
    demo.load()
    cache.clear()
    page = EventPage.objects.get(event=luncheon, locale__language_code="zh-hant")
    return {code: page.get_translation(_locale(code)).url for code in LANGUAGES}


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


class Driver:
    """GET requests through Django's WSGI handler, as a WSGI server would send them."""

    def __init__(self):
        from django.test.client import ClientHandler, RequestFactory

        self.handler = ClientHandler()
        self.factory = RequestFactory()

    def get(self, url):
        path, _sep, query = url.partition("?")
        environ = self.factory._base_environ(
            PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET"
        )
        return self.handler(environ)


def rate(client, url, requests):
    started = time.perf_counter()
    for _ in range(requests):
        response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return requests / elapsed


def measure(client, targets, requests):
    """Requests per second of each target, the median over interleaved rounds."""
    for url in targets.values():
        rate(client, url, 5)
    samples = {name: [] for name in targets}
    for _ in range(ROUNDS):
        for name, url in targets.items():
            samples[name].append(rate(client, url, requests))
    return {name: statistics.median(values) for name, values in samples.items()}


def main():
    connection = setup_database()
    from django.conf import settings
    from django.test import override_settings
    from django.urls import clear_url_caches, path

    from config import urls as site_urls

    settings.ALLOWED_HOSTS = ["testserver"]
    # The site's own URLs plus one trivial view, all behind the same middleware.
    globals()["urlpatterns"] = [
        path("bench/trivial/", trivial),
        *site_urls.urlpatterns,
    ]
    settings.ROOT_URLCONF = __name__
    clear_url_caches()
    # override_settings (not assignment) so Django's cache handler sees the extra alias.
    override_settings(
        CACHES={
            **settings.CACHES,
            "bench-off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        }
    ).enable()
    report = Report()
    try:
        pages = build_data()
        client = Driver()
        cached = measure(
            client,
            {"trivial": "/bench/trivial/", **pages},
            CACHED_REQUESTS,
        )
        # A cache that never holds anything: every request renders the page.
        settings.KIA_PAGE_CACHE_ALIAS = "bench-off"
        uncached = measure(
            client,
            {"trivial": "/bench/trivial/", **pages},
            UNCACHED_REQUESTS,
        )
        settings.KIA_PAGE_CACHE_ALIAS = "default"
        print(
            f"site.requests_per_second: trivial {cached['trivial']:.0f}, cached event page "
            f"{cached['zh-hant']:.0f}, uncached {uncached['zh-hant']:.0f}",
            flush=True,
        )
        report.figure(
            "site.cached_event_page_vs_trivial", cached["zh-hant"] / cached["trivial"], ">=", 0.7
        )
        report.figure(
            "site.uncached_event_page_vs_trivial",
            uncached["zh-hant"] / uncached["trivial"],
            ">=",
            0.1,
        )
        for code in LANGUAGES[1:]:
            for label, rates in (("cached", cached), ("uncached", uncached)):
                report.figure(
                    f"site.{label}_{code}_deviation_from_zh-hant",
                    abs(rates[code] / rates["zh-hant"] - 1),
                    "<=",
                    0.1,
                )
    finally:
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    main()
