"""Tasks whose worker died are run again.

django-tasks-db marks a task "running" when a worker claims it and "successful" or "failed"
when the worker finishes; a worker killed in between (SIGKILL, out of memory, a power cut)
leaves the task "running" for ever. The project's `db_worker` (core/management/commands)
names each worker `<host>:<pid>:<random>` and, as it starts, puts back in the queue every
running task whose worker on this host no longer exists. Tasks are written to be run again
(core.tasks): what they stored is not stored twice.
"""

import logging
import os
import socket
from pathlib import Path

from django.db import transaction
from django.utils.crypto import get_random_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def host_name():
    return socket.gethostname()[:40]


def new_worker_id():
    """`<host>:<pid>:<random>`, at most 64 characters (django-tasks-db's limit)."""
    return f"{host_name()}:{os.getpid()}:{get_random_string(8)}"


def _owner(worker_id):
    host, _, rest = worker_id.rpartition(":")[0].rpartition(":")
    try:
        return host, int(rest)
    except ValueError:
        return None, None


def worker_alive(pid):
    """Whether `pid` is a running db_worker process (not a zombie, not a reused pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    proc = Path(f"/proc/{pid}")
    if not proc.exists():
        return True  # no /proc: the signal check is all there is
    try:
        state = (proc / "stat").read_text().rpartition(")")[2].split()[0]
        command = (proc / "cmdline").read_bytes()
    except OSError:
        return False
    return state != "Z" and b"db_worker" in command


def requeue_abandoned_tasks(*, backend_name):
    """Put running tasks of dead workers on this host back in the queue; returns how many."""
    host = host_name()
    requeued = 0
    running = DBTaskResult.objects.running().filter(backend_name=backend_name)
    for result in running.only("id", "worker_ids", "started_at"):
        owner_host, pid = _owner(result.worker_ids[-1]) if result.worker_ids else (None, None)
        if owner_host != host or worker_alive(pid):
            continue
        with transaction.atomic():
            # Only if no other worker has requeued and claimed it meanwhile (a claim sets a
            # new started_at).
            requeued += DBTaskResult.objects.filter(
                pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
            ).update(status=TaskResultStatus.READY, started_at=None)
        logger.warning("requeued task %s of dead worker %s", result.pk, result.worker_ids[-1])
    return requeued
