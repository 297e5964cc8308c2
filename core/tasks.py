"""Background tasks that may run again, and mail that waits for its server.

django-tasks-db claims a task, runs it and records the outcome; it has no retries, and a task
whose worker died stays "running" for ever. Two helpers make the project's tasks safe anyway:

- `run_once`: a task that stores a result writes it together with a `TaskCompletion` row keyed
  by the task's id, in one transaction. The worker requeues a task whose worker was killed
  (core.worker); when it runs again it finds the row and returns the stored result.
- `send_mail_once`: a mail is sent once per task; when the SMTP server cannot be reached the
  task queues itself again with a growing delay (settings.KIA_MAIL_RETRY_*), and the attempt
  that reaches the server sends it.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from .models import TaskCompletion

logger = logging.getLogger(__name__)

# What a connection to an SMTP server that is down, unreachable or restarting raises: refused
# or timed-out sockets (OSError) and a server that hangs up or answers 4xx on connect.
SMTP_UNREACHABLE = (OSError, smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected)


def completed(context):
    """The stored result of this task if an earlier run of it finished, else None."""
    return TaskCompletion.objects.filter(task_id=str(context.task_result.id)).first()


def record_completion(context, result):
    """Mark this task done with `result`; call it in the transaction that stores the work."""
    TaskCompletion.objects.create(
        task_id=str(context.task_result.id), task_name=context.task_result.task.name, result=result
    )
    return result


def run_once(context, work):
    """Run `work()` (which returns a JSON value) unless this task already finished.

    The work and the completion row commit together: a run killed before the commit left
    nothing, a run killed after it is not repeated.
    """
    done = completed(context)
    if done is not None:
        return done.result
    with transaction.atomic():
        return record_completion(context, work())


def retry_delay(attempt):
    """Seconds to wait after failed attempt number `attempt` (1, 2, ...): doubling, capped."""
    base = settings.KIA_MAIL_RETRY_SECONDS
    return min(base * 2 ** (attempt - 1), settings.KIA_MAIL_RETRY_MAX_SECONDS)


def retry_later(context, error):
    """Queue this task again after a delay; its keyword `attempt` counts the tries.

    Re-raises `error` when the attempts are used up or the backend runs tasks inline (there is
    no later there: development and tests see the error at once).
    """
    result = context.task_result
    task = result.task
    attempt = result.kwargs.get("attempt", 1)
    if attempt >= settings.KIA_MAIL_RETRY_ATTEMPTS or not task.get_backend().supports_defer:
        raise error
    delay = retry_delay(attempt)
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    task.using(run_after=run_after).enqueue(
        *result.args, **{**result.kwargs, "attempt": attempt + 1}
    )
    logger.warning(
        "%s: mail server unreachable (%s), attempt %s; next in %.0f s",
        task.name,
        error,
        attempt,
        delay,
    )
    return 0


def send_mail_once(context, build_message):
    """Send the message `build_message()` makes, once for this task; returns messages sent.

    The SMTP connection is opened first: if the server cannot be reached nothing was sent and
    the task is queued again (retry_later). `build_message` runs in the transaction that
    records the completion, so its writes (a new RSVP secret) roll back with a failed send.
    Once the server has taken the message the completion is recorded, so a rerun of the task
    (a killed worker) does not send it again.
    """
    done = completed(context)
    if done is not None:
        return done.result
    connection = get_connection()
    try:
        connection.open()
    except SMTP_UNREACHABLE as error:
        return retry_later(context, error)
    failure = None
    try:
        with transaction.atomic():
            message = build_message()
            message.connection = connection
            try:
                sent = message.send()
            except (smtplib.SMTPServerDisconnected, ConnectionError) as error:
                # The server went away before it took the message: undo build_message's writes.
                failure = error
                transaction.set_rollback(True)
            else:
                return record_completion(context, sent)
    finally:
        connection.close()
    # Outside the rolled-back transaction, so the queued retry is kept.
    return retry_later(context, failure)
