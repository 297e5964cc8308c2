"""Group mail to people chosen on a list: written once per language, queued per recipient."""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext

from ..enums import MailStatus
from ..mailings import fan_out_group_mail, send_group_mail_copy
from ..models import GroupMailing, GroupMailRecipient

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _enqueue(recipient_ids):
    for pk in recipient_ids:
        transaction.on_commit(partial(send_group_mail_copy.enqueue, pk))


@transaction.atomic
def queue_group_mail(people, *, subjects, bodies, user):
    """Queue one copy of the mail per person, each in the person's language (the office's
    when none was written in theirs). All or none: every person needs an e-mail address."""
    subjects = {code: text.strip() for code, text in subjects.items() if text and text.strip()}
    bodies = {code: text.strip() for code, text in bodies.items() if text and text.strip()}
    if settings.LANGUAGE_CODE not in subjects or settings.LANGUAGE_CODE not in bodies:
        raise ValidationError(
            gettext("Write at least the subject and text in the office's language."),
            code="office_language",
        )
    people = list(people)
    if not people:
        raise ValidationError(gettext("Choose at least one recipient."), code="empty")
    without = [person for person in people if not person.email]
    if without:
        raise ValidationError(
            ngettext(
                "No mail was queued: %(names)s has no e-mail address.",
                "No mail was queued: %(names)s have no e-mail address.",
                len(without),
            )
            % {"names": ", ".join(str(person) for person in without[:10])},
            code="no_email",
        )
    mailing = GroupMailing.objects.create(
        subjects=subjects,
        bodies=bodies,
        audience=sorted({person.pk for person in people}),
        created_by=user,
    )
    # The worker makes the copies and queues each (events.mailings.fan_out).
    transaction.on_commit(partial(fan_out_group_mail.enqueue, mailing.pk))
    return mailing


@transaction.atomic
def requeue_failed(mailing):
    """Queue again the copies that failed (never those sent); returns how many."""
    failed = list(
        GroupMailRecipient.objects.filter(mailing=mailing, status=MailStatus.FAILED).values_list(
            "pk", flat=True
        )
    )
    GroupMailRecipient.objects.filter(pk__in=failed).update(status=MailStatus.QUEUED, error="")
    _enqueue(failed)
    return len(failed)
