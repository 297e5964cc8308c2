"""A realistic mix against two gunicorn workers on PostgreSQL and Redis.

About 80% cached public pages (home and an event page in the four languages), 10% feed polls
with If-None-Match, 5% pages rendered afresh (a session cookie: what staff and applicants
get) and 5% registration posts (form, then POST), from CONCURRENCY threads of a Python
generator. Rounds interleave the mix, a trivial view and cached pages alone, so each ratio
compares figures measured side by side. Each registration posted must be saved exactly once.

Needs DATABASE_URL on PostgreSQL and Redis at 127.0.0.1:6379 (database 13 is this script's);
prints a skip line and exits 0 otherwise. `--seconds N` shortens the 60 s of mix (CI).
"""

import argparse
import collections
import http.client
import importlib.util
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from _harness import ROOT, Report, setup_database, teardown_database
from cryptography.fernet import Fernet

REDIS_URL = "redis://127.0.0.1:6379/13"
CONCURRENCY = 8
ROUNDS = 4
SIDE_SECONDS = 4
PROXY = {"X-Forwarded-Proto": "https"}
LANGUAGES = ("zh-hant", "en", "ja", "ko")

# benchmarks/site.py: the same data and server set-up ("site" is also Python's own module).
_spec = importlib.util.spec_from_file_location("_site_bench", Path(__file__).with_name("site.py"))
site_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site_bench)


def build_data():
    import datetime

    from django.utils import timezone

    from tests.factories.events import EventFactory

    pages = site_bench.build_data()
    now = timezone.now()
    open_event = EventFactory(
        title_en="Load test open day",
        is_public=True,
        takes_registrations=True,
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=30),
        starts_at=now + datetime.timedelta(days=40),
        ends_at=now + datetime.timedelta(days=40, hours=3),
        capacity=None,
        registration_questions=[],
        consent_text="",
    )
    cached = [f"/{code}/" for code in LANGUAGES] + list(pages.values())
    return {
        "cached": cached,
        "uncached": pages["en"],
        "register": f"/en/register/{open_event.uid}/",
    }


class Client:
    def __init__(self, port):
        self.port = port

    def request(self, method, path, headers=None, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers={**PROXY, **(headers or {})})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()


class Mix:
    """One thread's loop; results kept per operation."""

    WEIGHTS = (("cached", 80), ("feed", 10), ("uncached", 5), ("register", 5))

    def __init__(self, client, targets, etag, stats, registered, seed):
        self.client, self.targets, self.etag = client, targets, etag
        self.stats, self.registered = stats, registered
        self.random = random.Random(seed)
        self.names = [name for name, _ in self.WEIGHTS]
        self.weights = [weight for _, weight in self.WEIGHTS]

    def one(self):
        op = self.random.choices(self.names, self.weights)[0]
        started = time.perf_counter()
        try:
            ok = getattr(self, op)()
        except (OSError, http.client.HTTPException):
            ok = False
        self.stats.append((op, time.perf_counter() - started, ok))

    def cached(self):
        status, _h, _b = self.client.request("GET", self.random.choice(self.targets["cached"]))
        return status == 200

    def feed(self):
        status, _h, _b = self.client.request(
            "GET", "/feeds/events.ics", headers={"If-None-Match": self.etag}
        )
        return status in (200, 304)

    def uncached(self):
        cookie = {"Cookie": "sessionid=load-benchmark"}
        status, _h, _b = self.client.request("GET", self.targets["uncached"], headers=cookie)
        return status == 200

    def register(self):
        path = self.targets["register"]
        status, headers, body = self.client.request("GET", path)
        if status != 200:
            return False
        csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
        email = f"load-{uuid.uuid4().hex}@example.org"
        form = f"csrfmiddlewaretoken={csrf}&family_name=Lin&given_name=Mei&email={email}&website="
        status, _h, _b = self.client.request(
            "POST",
            path,
            body=form,
            headers={
                "Cookie": f"csrftoken={cookie}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"https://127.0.0.1:{self.client.port}{path}",
            },
        )
        if status == 302:
            self.registered.append(email)
            return True
        return False


def run_phase(client, seconds, make_op):
    """CONCURRENCY threads calling their op until the time is up; returns (stats, seconds)."""
    stats = []
    deadline = time.perf_counter() + seconds

    def worker(index):
        op = make_op(index, stats)
        while time.perf_counter() < deadline:
            op()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CONCURRENCY)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return stats, time.perf_counter() - started


def _simple(client, paths):
    def make(index, stats):
        chooser = random.Random(index)

        def op():
            started = time.perf_counter()
            try:
                status, _h, _b = client.request("GET", chooser.choice(paths))
                ok = status == 200
            except (OSError, http.client.HTTPException):
                ok = False
            stats.append(("simple", time.perf_counter() - started, ok))

        return op

    return make


def _redis_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def start_server(database_name, static_root, port, redis_url=REDIS_URL):
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks._load_settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "KIA_FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
        "KIA_BENCH_DB_NAME": database_name,
        "KIA_BENCH_STATIC_ROOT": static_root,
        "REDIS_URL": redis_url,
        "KIA_LOG_FORMAT": "text",
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environ,
        check=True,
    )
    gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable))
    process = subprocess.Popen(  # noqa: S603
        [gunicorn, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        + ["--log-level", "warning", "--graceful-timeout", "5"],
        cwd=ROOT,
        env=environ,
    )
    client = Client(port)
    deadline = time.monotonic() + 90
    while True:
        try:
            if client.request("GET", "/bench/trivial/")[0] == 200:
                return process, client
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("gunicorn did not start")
        time.sleep(0.3)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60, help="seconds of mix in all")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not _redis_up():
        print("load: skipped (needs DATABASE_URL on PostgreSQL and Redis at 127.0.0.1:6379)")
        return
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    connection = setup_database()
    database_name = connection.settings_dict["NAME"]
    report = Report()
    static_root = tempfile.mkdtemp(prefix="kia-load-static-")
    process = None
    try:
        targets = build_data()
        connection.close()
        process, client = start_server(database_name, static_root, site_bench._free_port())
        for path in targets["cached"]:
            client.request("GET", path)
        etag = client.request("GET", "/feeds/events.ics")[1]["ETag"]
        mix_stats, registered, ratios, cached_ratios = [], [], [], []
        for round_number in range(ROUNDS):
            trivial, trivial_time = run_phase(
                client, SIDE_SECONDS, _simple(client, ["/bench/trivial/"])
            )

            def make_mix(index, stats, round_number=round_number):
                seed = round_number * 100 + index
                return Mix(client, targets, etag, stats, registered, seed).one

            mix, mix_time = run_phase(client, args.seconds / ROUNDS, make_mix)
            cached, cached_time = run_phase(
                client, SIDE_SECONDS, _simple(client, targets["cached"])
            )
            trivial_rate = len(trivial) / trivial_time
            ratios.append((len(mix) / mix_time) / trivial_rate)
            cached_ratios.append((len(cached) / cached_time) / trivial_rate)
            mix_stats += mix
            errors_side = sum(not ok for _op, _t, ok in trivial + cached)
            if errors_side:
                print(f"load: {errors_side} errors outside the mix in round {round_number}")
        latencies = [seconds * 1000 for _op, seconds, _ok in mix_stats]
        counts = collections.Counter(op for op, _t, _ok in mix_stats)
        print(
            "load.requests: "
            + ", ".join(f"{op} {counts[op]}" for op, _ in Mix.WEIGHTS)
            + f" in {args.seconds:.0f} s of mix at concurrency {CONCURRENCY}",
            flush=True,
        )
        # Per round, to tell a slowdown over the run (data growing) from a busy machine.
        print(
            "load.rounds: mix/trivial "
            + ", ".join(f"{r:.3f}" for r in ratios)
            + "; cached/trivial "
            + ", ".join(f"{r:.3f}" for r in cached_ratios),
            flush=True,
        )
        report.figure("load.errors", sum(not ok for _o, _t, ok in mix_stats), "==", 0)
        report.figure("load.p50_ms", statistics.median(latencies), "<=", 100.0)
        report.figure("load.p99_ms", percentile(latencies, 0.99), "<=", 1000.0)
        report.figure("load.mix_vs_trivial", statistics.median(ratios), ">=", 0.25)
        report.figure("load.cached_pages_vs_trivial", statistics.median(cached_ratios), ">=", 0.8)
        from django.db.models import Count

        from events.models import Registration

        connection.connect()
        saved = Registration.objects.filter(
            email__startswith="load-", email__endswith="@example.org"
        )
        doubled = saved.values("email").annotate(n=Count("pk")).filter(n__gt=1).count()
        report.figure(
            "load.registrations_saved_exactly_once",
            int(saved.count() == len(registered) and doubled == 0 and len(registered) > 0),
            "==",
            1,
        )
        print(f"load.registrations: {len(registered)} posted, {saved.count()} saved")
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    main()
