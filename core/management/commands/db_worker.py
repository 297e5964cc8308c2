"""django-tasks-db's `db_worker`, which first requeues the tasks of dead workers (core.worker).

It takes the place of the library's command (core comes before django_tasks_db in
INSTALLED_APPS), so `manage.py db_worker`, the systemd unit and `make prod` run it unchanged.
"""

from django_tasks_db.management.commands.db_worker import Command as LibraryCommand

from core.worker import new_worker_id, requeue_abandoned_tasks


class Command(LibraryCommand):
    help = (
        "Run a database background worker; first requeue the tasks that a killed worker on "
        "this host left running."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Host and process id in the id, so a later worker can tell that this one died.
        parser.set_defaults(worker_id=new_worker_id())

    def handle(self, *args, **options):
        requeued = requeue_abandoned_tasks(backend_name=options["backend_name"])
        if requeued:
            self.stdout.write(f"Requeued {requeued} task(s) left running by a dead worker.")
        return super().handle(*args, **options)
