"""Background work for the CRM: previewing and applying large imports (django-tasks).

Tasks take primary keys, not objects: a real queue serialises arguments as JSON.
"""

from django.contrib.auth import get_user_model
from django_tasks import task

from .models import ImportRun
from .services.import_runs import apply_import_run, background, preview_import_run


def _user(user_id):
    return get_user_model().objects.filter(pk=user_id).first() if user_id else None


@task()
def preview_import(run_id, user_id=None):
    preview_import_run(ImportRun.objects.get(pk=run_id))


@task()
def apply_import(run_id, user_id=None):
    apply_import_run(ImportRun.objects.get(pk=run_id), user=_user(user_id))


def start_preview(run, *, user=None):
    """Preview a run: a small file at once, a large one in the worker (the page polls)."""
    if background(run):
        preview_import.enqueue(run.pk, user.pk if user else None)
    else:
        preview_import_run(run)


def start_import(run, *, user=None):
    """Write a confirmed run: a small file at once, a large one in the worker."""
    if background(run):
        apply_import.enqueue(run.pk, user.pk if user else None)
    else:
        apply_import_run(run, user=user)
