"""Public site throughput: cached and uncached event pages against a trivial Django view.

The site runs as it is deployed: gunicorn (one sync worker) with the production settings, on
the benchmark database, behind what would be the TLS proxy (X-Forwarded-Proto: https). wrk,
a load generator written in C, sends the requests from the machine's other core. The trivial
view sits in the same URL configuration, behind the same middleware, so each ratio compares
the work of a page with the least a Django request costs on the same server.

The targets are measured in interleaved rounds and each ratio is the median over rounds of
the two rates measured side by side, so a slow moment of the machine cancels out of its
round. The server runs twice: with the page cache, and with a cache that never keeps
anything, where every request renders its page.

The languages are compared in process, not through wrk: two-second wrk runs one after the
other put the machine's noise into the ratio (its per-language deviation swung from 0.001 to
0.28 between runs). Here the four languages' pages are requested in turn, request by request
(each cycle starting with another language), timed in CPU time of the serving thread, and each
language's ratio is the median of its per-cycle ratios to the Chinese page fetched beside it.
The queries and bytes of each language's page are printed beside it: what the languages do.

Data: the four-language page tree of demo.cms over demo-like records (the 2019 events plus
a hundred more, itineraries, registrations and invitations), on the benchmark database.
"""

import datetime
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from _harness import ROOT, Report, setup_database, teardown_database
from cryptography.fernet import Fernet

ROUNDS = 7
SECONDS = 2
# In-process language comparison: cycles of the four pages, after a warm-up.
LANGUAGE_CYCLES = {"cached": 400, "uncached": 150}
WARMUP_CYCLES = 20
CONNECTIONS = 4
LANGUAGES = ("zh-hant", "en", "ja", "ko")
# What the TLS proxy in front of gunicorn adds to every request.
PROXY_HEADER = ("X-Forwarded-Proto", "https")
WRK = shutil.which("wrk")


def build_data():
    from django.core.cache import cache

    from cms.models import EventPage
    from demo import cms as demo_cms
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
    demo_cms.load()
    cache.clear()
    page = EventPage.objects.get(event=luncheon, locale__language_code="zh-hant")
    return {code: page.get_translation(_locale(code)).url for code in LANGUAGES}


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


class Server:
    """gunicorn serving the site from the benchmark database, production settings."""

    def __init__(self, database_name, static_root, *, page_cache):
        self.port = _free_port()
        self.environ = {
            **os.environ,
            # Imported from the project's root as benchmarks.<module> (a namespace package):
            # with this folder on the path, its site.py would stand in for Python's own site
            # module and its api.py for the project's api package.
            "DJANGO_SETTINGS_MODULE": "benchmarks._site_settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "KIA_FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "KIA_BENCH_DB_NAME": database_name,
            "KIA_BENCH_STATIC_ROOT": static_root,
            "KIA_BENCH_PAGE_CACHE": page_cache,
        }
        self.process = None

    def collectstatic(self):
        # Production keeps hashed file names in a manifest that collectstatic writes.
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=self.environ,
            check=True,
        )

    def __enter__(self):
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable))
        self.process = subprocess.Popen(  # noqa: S603
            [
                gunicorn,
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.environ,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                self.get("/bench/trivial/")
                return self
            except (urllib.error.URLError, ConnectionError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path):
        request = urllib.request.Request(self.url(path), headers=dict([PROXY_HEADER]))  # noqa: S310
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.headers

    def rate(self, path):
        """Requests per second wrk gets from one path; every answer must be a 200."""
        output = subprocess.run(  # noqa: S603
            [
                WRK,
                "--threads",
                "1",
                "--connections",
                str(CONNECTIONS),
                "--duration",
                f"{SECONDS}s",
                "--header",
                ": ".join(PROXY_HEADER),
                self.url(path),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if "Non-2xx" in output or "Socket errors" in output:
            raise RuntimeError(f"{path} answered with errors:\n{output}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure(server, targets):
    """Requests per second of each target in each of the interleaved rounds."""
    for path in targets.values():
        status, _headers = server.get(path)
        assert status == 200, (path, status)
    samples = {name: [] for name in targets}
    for _ in range(ROUNDS):
        for name, path in targets.items():
            samples[name].append(server.rate(path))
    return samples


def ratio(samples, name, base):
    """The median over rounds of one target's rate against another's measured beside it.

    A slow moment of the machine lowers both rates of its round, so it cancels out of that
    round's ratio instead of landing on whichever target it happened to hit.
    """
    return statistics.median(a / b for a, b in zip(samples[name], samples[base], strict=True))


def language_costs(pages, *, cached):
    """CPU time of each language's page against the Chinese one, interleaved request by request.

    Returns ({code: median ratio}, {code: queries}, {code: bytes}). Uncached pages carry a
    session cookie, which the page cache never answers.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_X_FORWARDED_PROTO="https")
    if not cached:
        client.cookies["sessionid"] = "bench-uncached"
    queries, sizes = {}, {}
    for code in LANGUAGES:
        client.get(pages[code])  # fills the page cache when it keeps anything
        with CaptureQueriesContext(connection) as captured:
            response = client.get(pages[code])
        assert response.status_code == 200, (code, response.status_code)
        hit = response.headers.get("X-Page-Cache") == "hit"
        assert hit == cached, (code, response.headers)
        queries[code], sizes[code] = len(captured), len(response.content)
    cycles = LANGUAGE_CYCLES["cached" if cached else "uncached"]
    spent = {code: [] for code in LANGUAGES}
    for cycle in range(WARMUP_CYCLES + cycles):
        first = cycle % len(LANGUAGES)
        for code in LANGUAGES[first:] + LANGUAGES[:first]:
            started = time.thread_time_ns()
            client.get(pages[code])
            spent[code].append(time.thread_time_ns() - started)
    base = spent["zh-hant"][WARMUP_CYCLES:]
    ratios = {
        code: statistics.median(
            a / b for a, b in zip(spent[code][WARMUP_CYCLES:], base, strict=True)
        )
        for code in LANGUAGES
    }
    return ratios, queries, sizes


def main():
    if WRK is None:
        sys.exit("site benchmark: wrk is not installed (make bench installs it)")
    connection = setup_database()
    database_name = connection.settings_dict["NAME"]
    report = Report()
    static_root = tempfile.mkdtemp(prefix="kia-bench-static-")
    try:
        pages = build_data()
        languages = {
            label: language_costs(pages, cached=label == "cached")
            for label in ("cached", "uncached")
        }
        # The server opens its own connections; this process only built and read the data.
        connection.close()
        targets = {"trivial": "/bench/trivial/", "zh-hant": pages["zh-hant"]}
        rates = {}
        for label, page_cache in (("cached", "default"), ("uncached", "off")):
            server = Server(database_name, static_root, page_cache=page_cache)
            if label == "cached":
                server.collectstatic()
            with server:
                server.get(pages["zh-hant"])
                _status, headers = server.get(pages["zh-hant"])
                # The second request of a page is a hit only when the cache keeps anything.
                assert (headers.get("X-Page-Cache") == "hit") == (label == "cached"), headers
                rates[label] = measure(server, targets)
        cached, uncached = rates["cached"], rates["uncached"]
        median = {
            label: {name: statistics.median(values) for name, values in samples.items()}
            for label, samples in rates.items()
        }
        print(
            f"site.requests_per_second (medians): trivial {median['cached']['trivial']:.0f} "
            f"and {median['uncached']['trivial']:.0f}, cached event page "
            f"{median['cached']['zh-hant']:.0f}, uncached {median['uncached']['zh-hant']:.0f}",
            flush=True,
        )
        report.figure(
            "site.cached_event_page_vs_trivial", ratio(cached, "zh-hant", "trivial"), ">=", 0.7
        )
        report.figure(
            "site.uncached_event_page_vs_trivial",
            ratio(uncached, "zh-hant", "trivial"),
            ">=",
            0.1,
        )
        for label in ("cached", "uncached"):
            ratios, queries, sizes = languages[label]
            print(
                f"site.{label}_languages (in process, "
                f"{LANGUAGE_CYCLES[label]} interleaved cycles): "
                + ", ".join(
                    f"{code} {ratios[code]:.3f} x zh-hant, {queries[code]} queries, "
                    f"{sizes[code]} bytes"
                    for code in LANGUAGES
                ),
                flush=True,
            )
            for code in LANGUAGES[1:]:
                report.figure(
                    f"site.{label}_{code}_deviation_from_zh-hant",
                    abs(ratios[code] - 1),
                    "<=",
                    0.1,
                )
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    main()
