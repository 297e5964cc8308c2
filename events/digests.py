"""The daily digest of replies as a background task (django-tasks) for the worker."""

from django_tasks import task

from .services.replies import send_reply_digests


@task()
def send_reply_digests_task():
    """Mail each officer who asked for it the replies since their last digest."""
    return send_reply_digests()
