"""`make stack-test`: faults under load against the production stack, one line per scenario.

Runs two gunicorn workers (production settings, benchmarks/_load_settings.py) on a throw-away
PostgreSQL database and drives the load benchmark's mix at them while something breaks:

- worker_killed: one gunicorn worker is SIGKILLed under load. The master starts a new one,
  only requests in flight fail, and every registration the site confirmed is saved once;
- postgres_restarted: a PostgreSQL cluster of this script's own (15/kiatest on port 5440,
  created on first use; never the shared 5432) is stopped under load and started again.
  Visitors get the translated 503 page meanwhile, pages answer again within 10 s of the
  database, and every confirmed registration is saved;
- redis_stopped: a Redis of this script's own (port 8189, never the shared 6379) is shut
  down. Pages and registrations keep being served from the database; /healthz says degraded;
- mail_down and task_worker_killed: real `db_worker` processes on a test database of their own
  (the tests in tests/deploy, run here by pytest): a registration's mail is retried while no
  SMTP server listens and sent once when one (aiosmtpd) starts; a worker SIGKILLed in the
  middle of a print pack leaves it to the restarted worker, which stores it once.

Needs DATABASE_URL on PostgreSQL. Prints `<scenario>: ok|FAIL (details)`; exits 1 on a FAIL.
"""

import importlib.util
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
_spec = importlib.util.spec_from_file_location("_load_bench", ROOT / "benchmarks" / "load.py")
load = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(load)

REDIS_PORT = 8189
PORTS = (8187, 8188)


def _workers(master):
    out = subprocess.run(  # noqa: S603
        ["ps", "-o", "pid=", "--ppid", str(master.pid)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return {int(pid) for pid in out.split()}


def _mix(client, targets, etag, seconds, stats, registered):
    def make(index, _stats):
        return load.Mix(client, targets, etag, stats, registered, 1000 + index).one

    load.run_phase(client, seconds, make)


def _saved(emails):
    from events.models import Registration

    return Registration.objects.filter(email__in=emails).count()


def worker_killed(database_name, static_root, targets):
    process, client = load.start_server(database_name, static_root, PORTS[0])
    try:
        etag = client.request("GET", "/feeds/events.ics")[1]["ETag"]
        before = _workers(process)
        stats, registered = [], []
        runner = threading.Thread(target=_mix, args=(client, targets, etag, 8, stats, registered))
        runner.start()
        time.sleep(2)
        victim = min(before)
        os.kill(victim, signal.SIGKILL)
        runner.join()
        after = _workers(process)
        failed = sum(not ok for _op, _t, ok in stats)
        late = [ok for _op, _t, ok in stats[-50:]]
        saved = _saved(registered)
        good = (
            len(after) == len(before)
            and victim not in after
            and failed <= load.CONCURRENCY
            and all(late)
            and saved == len(registered)
        )
        detail = (
            f"{len(stats)} requests, {failed} failed (in flight), workers {len(before)} -> "
            f"{len(after)} with a new pid, {len(registered)} registrations confirmed, {saved} saved"
        )
        return good, detail
    finally:
        process.terminate()
        process.wait(timeout=30)


PG_CLUSTER = ("15", "kiatest")
PG_PORT = 5440


def _pg(action):
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", *PG_CLUSTER, action, "-m", "fast"]  # noqa: S607
        if action == "stop"
        else ["pg_ctlcluster", "--skip-systemctl-redirect", *PG_CLUSTER, action],  # noqa: S607
        check=True,
    )


def postgres_restarted(database_name, static_root, targets):
    process, client = load.start_server(database_name, static_root, PORTS[0])
    session = {"Cookie": "sessionid=stack-test"}
    try:
        etag = client.request("GET", "/feeds/events.ics")[1]["ETag"]
        stats, registered = [], []
        runner = threading.Thread(target=_mix, args=(client, targets, etag, 14, stats, registered))
        runner.start()
        time.sleep(2)
        _pg("stop")
        status, headers, body = client.request("GET", "/ja/", headers=session)
        outage = (status, headers.get("Content-Language"), headers.get("Retry-After"))
        time.sleep(3)
        _pg("start")
        started = time.monotonic()
        while client.request("GET", "/ja/", headers=session)[0] != 200:
            if time.monotonic() - started > 30:
                break
            time.sleep(0.2)
        back = time.monotonic() - started
        runner.join()
        from django.db import connection

        connection.close()
        saved = _saved(registered)
        good = outage[:2] == (503, "ja") and back <= 10 and saved == len(registered)
        failed = sum(not ok for _op, _t, ok in stats)
        detail = (
            f"outage answer {outage[0]} in {outage[1]} with Retry-After {outage[2]}, pages back "
            f"{back:.1f} s after the database, {failed} of {len(stats)} requests failed during "
            f"the outage, {len(registered)} registrations confirmed, {saved} saved"
        )
        return good, detail
    finally:
        process.terminate()
        process.wait(timeout=30)


def _ensure_cluster():
    listed = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True)  # noqa: S607
    if not any(line.split()[:2] == list(PG_CLUSTER) for line in listed.stdout.splitlines()):
        subprocess.run(  # noqa: S603
            ["pg_createcluster", *PG_CLUSTER, "-p", str(PG_PORT), "--", "--auth=trust"],  # noqa: S607
            check=True,
            stdout=subprocess.DEVNULL,
        )
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", *PG_CLUSTER, "start"],  # noqa: S607
        check=False,
        stderr=subprocess.DEVNULL,
    )


def _postgres_child():
    """The PostgreSQL scenario runs in a process of its own, on the separate cluster."""
    _ensure_cluster()
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres"}
    try:
        return subprocess.call(  # noqa: S603
            [sys.executable, __file__, "postgres_restarted"], env=env
        )
    finally:
        # The cluster stays for the next run (created once), but nothing is left running.
        subprocess.run(  # noqa: S603
            ["pg_ctlcluster", "--skip-systemctl-redirect", *PG_CLUSTER, "stop", "-m", "fast"],  # noqa: S607
            check=False,
            stderr=subprocess.DEVNULL,
        )


def redis_stopped(database_name, static_root, targets):
    redis = subprocess.Popen(  # noqa: S603
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", ""]  # noqa: S607
        + ["--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    url = f"redis://127.0.0.1:{REDIS_PORT}/0"
    process, client = load.start_server(database_name, static_root, PORTS[1], redis_url=url)
    try:
        for path in targets["cached"]:
            client.request("GET", path)
        redis.terminate()
        redis.wait(timeout=10)
        etag = client.request("GET", "/feeds/events.ics")[1].get("ETag", "")
        stats, registered = [], []
        _mix(client, targets, etag, 5, stats, registered)
        failed = sum(not ok for _op, _t, ok in stats)
        failed_ops = sorted({op for op, _t, ok in stats if not ok})
        health = client.request("GET", "/healthz")
        saved = _saved(registered)
        good = failed == 0 and health[0] == 200 and registered and saved == len(registered)
        detail = (
            f"{len(stats)} requests with Redis down, {failed} failed {failed_ops}, "
            f"{len(registered)} "
            f"registrations saved {saved}, /healthz {health[0]} {health[2][:80].decode()}"
        )
        return good, detail
    finally:
        process.terminate()
        process.wait(timeout=30)
        if redis.poll() is None:
            redis.kill()


WORKER_SCENARIOS = {
    "mail_down": "tests/deploy/test_mail_down.py",
    "task_worker_killed": "tests/deploy/test_worker_killed.py",
}


def _worker_scenario(name):
    """One of the task worker's faults, as its pytest module on a database of its own."""
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    env = {**os.environ, "DATABASE_URL": f"{base}/kia_stack_{os.getpid()}"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--create-db"]
        + [WORKER_SCENARIOS[name]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    summary = lines[-1].strip("= ") if lines else result.stderr[-300:]
    good = result.returncode == 0
    if not good:
        print(result.stdout[-3000:], flush=True)
    print(f"{name}: {'ok' if good else 'FAIL'} ({WORKER_SCENARIOS[name]}: {summary})", flush=True)
    return good


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("stack-test: set DATABASE_URL to a PostgreSQL server")
    if sys.argv[1:2] and sys.argv[1] in WORKER_SCENARIOS:
        sys.exit(0 if _worker_scenario(sys.argv[1]) else 1)
    from _harness import setup_database, teardown_database

    connection = setup_database()
    database_name = connection.settings_dict["NAME"]
    static_root = tempfile.mkdtemp(prefix="kia-stack-static-")
    failed = 0
    try:
        targets = load.build_data()
        connection.close()
        chosen = sys.argv[1:] or ["worker_killed", "redis_stopped"]
        for scenario in (globals()[name] for name in chosen):
            try:
                good, detail = scenario(database_name, static_root, targets)
            except Exception as error:  # noqa: BLE001 - a scenario that crashes is a FAIL
                good, detail = False, repr(error)
            failed += not good
            print(f"{scenario.__name__}: {'ok' if good else 'FAIL'} ({detail})", flush=True)
    finally:
        teardown_database(connection)
    if not sys.argv[1:]:
        failed += _postgres_child() != 0
        failed += sum(not _worker_scenario(name) for name in WORKER_SCENARIOS)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
