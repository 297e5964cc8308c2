"""A task worker SIGKILLed in the middle of a print pack: the pack is built once (issue 18).

Real `manage.py db_worker` processes on the test database: one stopped at a chosen point of
the task (tests/deploy/paused_db_worker.py) and killed there with SIGKILL, then a worker
started afresh, as systemd restarts it, which runs what is due and exits.
"""

import os
import signal
from pathlib import Path

import pytest
from django.test import override_settings
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.models import TaskCompletion
from events.seating import printing
from tests.deploy.workers import DATABASE_QUEUE, Workers, wait_until
from tests.events.seating.test_printing import seated_luncheon

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PAUSED = Path(__file__).with_name("paused_db_worker.py")


@pytest.fixture
def workers(tmp_path):
    workers = Workers(tmp_path)
    yield workers
    workers.stop()


def _kill_paused_worker(workers, tmp_path, point):
    marker = tmp_path / f"paused-{point}"
    process = workers.start(
        script=PAUSED, KIA_TEST_PAUSE_AT=point, KIA_TEST_PAUSE_MARKER=str(marker)
    )
    wait_until(marker.exists, f"the worker to reach {point}")
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def _packs(workers):
    return sorted(p.name for p in (workers.media / "seating").glob("*.pdf"))


def _enqueue_pack(plan):
    with override_settings(TASKS=DATABASE_QUEUE):
        return printing.generate_print_pack.enqueue(plan.pk, "en")


def test_print_pack_killed_while_rendering_is_built_once_after_a_restart(workers, tmp_path):
    scene, plan = seated_luncheon(guests=10)
    queued = _enqueue_pack(plan)

    _kill_paused_worker(workers, tmp_path, "render")

    task = DBTaskResult.objects.get(pk=queued.id)
    assert task.status == TaskResultStatus.RUNNING  # what the killed worker left
    plan.refresh_from_db()
    assert not plan.print_pack
    workers.run_batch()

    task.refresh_from_db()
    plan.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2
    assert task.return_value == plan.print_pack.name
    assert _packs(workers) == [Path(plan.print_pack.name).name]
    assert TaskCompletion.objects.filter(task_id=str(queued.id)).count() == 1


def test_print_pack_killed_after_storing_is_not_built_again(workers, tmp_path):
    scene, plan = seated_luncheon(guests=10)
    queued = _enqueue_pack(plan)

    _kill_paused_worker(workers, tmp_path, "finish")

    plan.refresh_from_db()
    stored, generated_at = plan.print_pack.name, plan.print_pack_generated_at
    assert stored  # the pack was stored; the worker died before recording success
    assert DBTaskResult.objects.get(pk=queued.id).status == TaskResultStatus.RUNNING
    workers.run_batch()
    workers.run_batch()  # nothing left to run: a second restart changes nothing

    task = DBTaskResult.objects.get(pk=queued.id)
    plan.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.return_value == stored
    assert (plan.print_pack.name, plan.print_pack_generated_at) == (stored, generated_at)
    assert _packs(workers) == [Path(stored).name]


def test_a_running_task_of_a_live_worker_is_left_alone(workers, tmp_path):
    scene, plan = seated_luncheon(guests=10)
    queued = _enqueue_pack(plan)
    marker = tmp_path / "paused-render"
    workers.start(script=PAUSED, KIA_TEST_PAUSE_AT="render", KIA_TEST_PAUSE_MARKER=str(marker))
    wait_until(marker.exists, "the worker to reach render")

    workers.run_batch()

    task = DBTaskResult.objects.get(pk=queued.id)
    assert task.status == TaskResultStatus.RUNNING
    assert len(task.worker_ids) == 1
    assert _packs(workers) == []
