"""What staff do with guests' replies: dietary needs copied to a record once an officer
confirms, and the daily digest mail of replies."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.log_actions import log

from core.links import admin_url

from ..enums import ProposedChangeStatus
from ..models import DietaryChange, ReplyNotificationSettings
from ..selectors.replies import replies_between

DIGEST_PERIOD = datetime.timedelta(days=1)


def propose_dietary_change(invitation):
    """Keep (or drop) the one pending proposal to copy a reply's dietary needs to the guest's
    record. Called by respond_to_invitation inside its transaction."""
    proposed = invitation.dietary_requirements.strip()
    on_record = invitation.person.dietary_requirements.strip()
    pending = DietaryChange.objects.filter(
        invitation=invitation, status=ProposedChangeStatus.PENDING
    )
    if not proposed or proposed == on_record:
        pending.delete()
        return None
    change = pending.first() or DietaryChange(invitation=invitation, person=invitation.person)
    change.proposed, change.on_record = proposed, on_record
    change.full_clean(exclude=["invitation", "person"], validate_constraints=False)
    change.save()
    return change


def _decide(change, status, user, now):
    change = DietaryChange.objects.select_for_update().select_related("person").get(pk=change.pk)
    if change.status != ProposedChangeStatus.PENDING:
        raise ValidationError(
            gettext("This change was already %(status)s.")
            % {"status": change.get_status_display()},
            code="decided",
        )
    change.status, change.decided_by, change.decided_at = status, user, now or timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    return change


@transaction.atomic
def confirm_dietary_change(change, *, user, now=None):
    """Copy the reply's dietary needs to the person's record (logged as a CRM edit)."""
    change = _decide(change, ProposedChangeStatus.CONFIRMED, user, now)
    person = change.person
    before = person.dietary_requirements
    person.dietary_requirements = change.proposed
    person.save(update_fields=["dietary_requirements", "updated_at"])
    log(
        person,
        "crm.edit",
        user=user,
        data={"changes": {"dietary_requirements": [before, change.proposed]}},
    )
    return change


@transaction.atomic
def ignore_dietary_change(change, *, user, now=None):
    """Leave the person's record as it is; the reply keeps its needs for this event."""
    return _decide(change, ProposedChangeStatus.IGNORED, user, now)


def _user_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile and profile.get_preferred_language()) or settings.LANGUAGE_CODE


def build_reply_digest(user, replies):
    """The digest mail of `replies` for one officer, in the officer's admin language."""
    language = _user_language(user)
    with translation.override(language):
        context = {
            "user": user,
            "replies": [
                {
                    "invitation": reply,
                    "responded_at": timezone.localtime(reply.responded_at),
                    "url": admin_url(reverse("invitation:inspect", args=[reply.pk])),
                }
                for reply in replies
            ],
            "count": len(replies),
        }
        subject = " ".join(
            render_to_string("events/email/reply_digest_subject.txt", context).split()
        )
        body = render_to_string("events/email/reply_digest_body.txt", context)
    return EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={"Content-Language": language},
    )


def send_reply_digests(*, now=None):
    """Mail each officer who asked for it the replies since their last digest; returns the
    number of mails sent. Each officer's period is taken and closed in one transaction, so a
    repeated run mails no reply twice and a missed day is caught up."""
    now = now or timezone.now()
    sent = 0
    subscribers = ReplyNotificationSettings.objects.filter(
        daily_digest=True, user__is_active=True
    ).exclude(user__email="")
    for pk in subscribers.values_list("pk", flat=True):
        with transaction.atomic():
            row = (
                ReplyNotificationSettings.objects.select_for_update()
                .select_related("user")
                .get(pk=pk)
            )
            since = row.digest_covered_until or now - DIGEST_PERIOD
            if since >= now:
                continue
            replies = replies_between(since, now)
            if replies:
                build_reply_digest(row.user, replies).send()
                sent += 1
            row.digest_covered_until = now
            row.save(update_fields=["digest_covered_until"])
    return sent
