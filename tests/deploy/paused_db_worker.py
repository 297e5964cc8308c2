"""`manage.py db_worker` that stops at one point of its task, so a test can SIGKILL it there.

KIA_TEST_PAUSE_AT=render: inside the print pack's rendering, before anything is stored.
KIA_TEST_PAUSE_AT=finish: after the task returned (its pack stored), before the worker records
that the task succeeded. Either way it writes its pid to KIA_TEST_PAUSE_MARKER and sleeps.
(The file name holds "db_worker": core.worker tells a worker process by its command line.)
"""

import os
import sys
import time
from pathlib import Path


def _pause(*_args, **_kwargs):
    Path(os.environ["KIA_TEST_PAUSE_MARKER"]).write_text(str(os.getpid()))
    while True:
        time.sleep(60)


def main():
    import django

    django.setup()
    point = os.environ["KIA_TEST_PAUSE_AT"]
    if point == "render":
        from events.seating import printing

        printing.render_print_pack = _pause
    elif point == "finish":
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.set_successful = _pause
    from django.core.management import execute_from_command_line

    execute_from_command_line(["manage.py", *sys.argv[1:]])


if __name__ == "__main__":
    main()
