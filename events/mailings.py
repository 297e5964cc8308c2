"""Delivering group mail, one recipient per task: a copy is sent at most once.

A task first claims its recipient (queued → sending) in one conditional UPDATE; a second run
of the same task, a retry after a crash or a duplicate enqueue finds nothing to claim and sends
nothing. A failure is recorded as failed with the error, for an officer to queue again.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

from crm.models import Person

from .enums import MailStatus
from .models import GroupMailing, GroupMailRecipient


def text_for(texts, language):
    """The text in `language`, else the office's language, else English, else any."""
    for code in (language, settings.LANGUAGE_CODE, "en"):
        if texts.get(code):
            return texts[code]
    return next((text for text in texts.values() if text), "")


def deliver(recipient_id):
    """Send one recipient's copy if it is still queued; returns the status it ends in."""
    claimed = GroupMailRecipient.objects.filter(pk=recipient_id, status=MailStatus.QUEUED).update(
        status=MailStatus.SENDING
    )
    if not claimed:
        return GroupMailRecipient.objects.values_list("status", flat=True).get(pk=recipient_id)
    recipient = GroupMailRecipient.objects.select_related("mailing").get(pk=recipient_id)
    mailing = recipient.mailing
    message = EmailMessage(
        subject=" ".join(text_for(mailing.subjects, recipient.language).split()),
        body=text_for(mailing.bodies, recipient.language),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
        headers={"Content-Language": recipient.language},
    )
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - any transport failure is the recipient's status
        GroupMailRecipient.objects.filter(pk=recipient_id).update(
            status=MailStatus.FAILED, error=str(error)[:1000]
        )
        return MailStatus.FAILED
    GroupMailRecipient.objects.filter(pk=recipient_id).update(
        status=MailStatus.SENT, sent_at=timezone.now(), error=""
    )
    return MailStatus.SENT


@task()
def send_group_mail_copy(recipient_id):
    """The background task of one recipient's copy (see deliver)."""
    return deliver(recipient_id)


def fan_out(mailing_id):
    """Make the mailing's recipient rows (one per person, in their language) and queue a
    copy for each still queued; a second run adds and queues nothing new."""
    mailing = GroupMailing.objects.get(pk=mailing_id)
    people = Person.objects.filter(pk__in=mailing.audience).exclude(email="")
    GroupMailRecipient.objects.bulk_create(
        [
            GroupMailRecipient(
                mailing=mailing,
                person=person,
                email=person.email,
                language=person.preferred_language,
            )
            for person in people
        ],
        ignore_conflicts=True,
    )
    queued = mailing.recipients.filter(status=MailStatus.QUEUED).values_list("pk", flat=True)
    for pk in queued:
        send_group_mail_copy.enqueue(pk)
    return len(queued)


@task()
def fan_out_group_mail(mailing_id):
    """The background task that makes a group mail's copies (see fan_out)."""
    return fan_out(mailing_id)
