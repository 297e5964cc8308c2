"""Inviting guests, their replies, reminders and the waiting list of a capped event.

Accepted seats (guest plus companions) never exceed event.capacity: an acceptance that does
not fit is waitlisted, and seats freed by a decline go to the earliest waitlisted guests who
fit. Replies to one event are serialised (a row lock on PostgreSQL, the IMMEDIATE write lock
on SQLite) so two last-minute acceptances cannot both take the last seat.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from core.audit import log_if_acted

from ..deadlines import as_deadline
from ..enums import EventStatus, InvitationStatus
from ..models import Event, ForumMeeting, Invitation, InvitationCompanion
from ..tasks import build_invitation_message, send_invitation_mail
from .replies import propose_dietary_change

__all__ = [
    "build_invitation_message",
    "invite_person",
    "reissue_invitation_link",
    "respond_to_invitation",
    "send_cancellation_notices",
    "send_invitation",
    "send_reminders",
]


def _enqueue_mail(invitation, kind):
    # After commit: a guest must never receive mail about a reply that was rolled back.
    transaction.on_commit(partial(send_invitation_mail.enqueue, invitation.pk, kind))


def _lock_event(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def accepted_seats(event, *, exclude=None):
    """Seats taken by accepted invitations (each guest plus companions)."""
    accepted = event.invitations.filter(status=InvitationStatus.ACCEPTED)
    if exclude is not None:
        accepted = accepted.exclude(pk=exclude.pk)
    return accepted.aggregate(seats=Sum(F("companions") + 1))["seats"] or 0


def _fits(event, seats, *, exclude=None):
    return event.capacity is None or accepted_seats(event, exclude=exclude) + seats <= (
        event.capacity
    )


def _promote_waitlisted(event):
    """Accept waitlisted guests, earliest reply first, while their seats fit."""
    promoted = []
    waiting = event.invitations.filter(status=InvitationStatus.WAITLISTED).order_by(
        "responded_at", "pk"
    )
    for invitation in waiting:
        if _fits(event, invitation.seat_count):
            invitation.status = InvitationStatus.ACCEPTED
            invitation.sequence += 1
            invitation.save(update_fields=["status", "sequence", "updated_at"])
            _enqueue_mail(invitation, "promoted")
            promoted.append(invitation)
    return promoted


@transaction.atomic
def invite_person(event, person, *, respond_by=None, max_companions=1, user=None):
    """Invite a person to an event (once per person); the mail goes out with send_invitation.

    The returned invitation carries its RSVP link's secret as `token`, for this once only.
    A respond_by date (without a time) means the end of that day in the office's zone.
    """
    invitation = Invitation(
        event=event,
        person=person,
        respond_by=as_deadline(respond_by),
        max_companions=max_companions,
    )
    invitation.issue_token()
    invitation.full_clean()
    invitation.save()
    log_if_acted(invitation, "wagtail.create", user=user)
    return invitation


@transaction.atomic
def reissue_invitation_link(invitation, *, user=None):
    """Give a guest's RSVP link a new secret and return it (as `invitation.token`) this once.

    The old link, and the one in any mail sent before, stops working at once.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation.issue_token()
    invitation.save(update_fields=["token_hash", "updated_at"])
    log_if_acted(invitation, "events.reissue_link", user=user)
    return invitation


@transaction.atomic
def send_invitation(invitation, *, request=None):
    """Mail the invitation with its RSVP link in the guest's language; sending again resends."""
    if not invitation.person.email:
        raise ValidationError(
            gettext("%(person)s has no e-mail address on record."),
            code="no_email",
            params={"person": invitation.person},
        )
    if invitation.event.status == EventStatus.CANCELLED:
        raise ValidationError(
            gettext("The event is cancelled; invitations can no longer be sent."),
            code="event_cancelled",
        )
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at", "updated_at"])
    _enqueue_mail(invitation, "invitation")
    return invitation


@transaction.atomic
def send_reminders(event, *, now=None):
    """Remind every guest who was sent an invitation and has not replied; return how many."""
    now = now or timezone.now()
    pending = (
        event.invitations.filter(status=InvitationStatus.PENDING, sent_at__isnull=False)
        .exclude(respond_by__lt=now)
        .exclude(person__email="")
        .select_related("person")
    )
    reminded = 0
    for invitation in pending:
        invitation.reminded_at = now
        invitation.save(update_fields=["reminded_at", "updated_at"])
        _enqueue_mail(invitation, "reminder")
        reminded += 1
    return reminded


@transaction.atomic
def send_cancellation_notices(event):
    """Tell every guest who was sent an invitation and has not declined that the event is off."""
    guests = (
        event.invitations.filter(sent_at__isnull=False)
        .exclude(status=InvitationStatus.DECLINED)
        .exclude(person__email="")
    )
    notified = 0
    for invitation in guests:
        _enqueue_mail(invitation, "cancellation")
        notified += 1
    return notified


@transaction.atomic
def respond_to_invitation(
    invitation,
    *,
    accept,
    companions=0,
    dietary_requirements="",
    accessibility_needs="",
    companion_guests=None,
    now=None,
):
    """Record a guest's reply; it may be changed until the reply deadline.

    `companion_guests` names the companions in order, each a dict with `name` and
    `dietary_requirements`; companions not named there keep what was on file (or stay
    unnamed), so there is always one companion row per companion counted.

    An acceptance that does not fit the event's capacity is waitlisted. A guest who already
    holds accepted seats and asks for more than remain keeps the old seats and gets an error.
    """
    now = now or timezone.now()
    if invitation.respond_by and now > invitation.respond_by:
        raise ValidationError(
            gettext("The reply deadline (%(deadline)s) has passed."),
            code="deadline_passed",
            params={
                "deadline": timezone.localtime(invitation.respond_by).strftime("%Y-%m-%d %H:%M")
            },
        )
    if invitation.event.status == EventStatus.CANCELLED:
        raise ValidationError(gettext("The event is cancelled."), code="event_cancelled")
    companions = companions if accept else 0
    if companions < 0 or companions > invitation.max_companions:
        raise ValidationError(
            ngettext(
                "You may bring at most %(allowed)d companion.",
                "You may bring at most %(allowed)d companions.",
                invitation.max_companions,
            ),
            code="too_many_companions",
            params={"allowed": invitation.max_companions},
        )
    event = _lock_event(invitation.event)
    # Re-read under the lock: the stored status decides whether seats are already held.
    invitation.refresh_from_db()
    was_accepted = invitation.status == InvitationStatus.ACCEPTED
    if not accept:
        status = InvitationStatus.DECLINED
    elif _fits(event, 1 + companions, exclude=invitation):
        status = InvitationStatus.ACCEPTED
    elif was_accepted:
        free = event.capacity - accepted_seats(event, exclude=invitation)
        raise ValidationError(
            ngettext(
                "Only %(free)d seat is left for you; please bring fewer companions.",
                "Only %(free)d seats are left for you; please bring fewer companions.",
                free,
            ),
            code="over_capacity",
            params={"free": free},
        )
    else:
        status = InvitationStatus.WAITLISTED
    if status != invitation.status or companions != invitation.companions:
        invitation.sequence += 1
    # A waitlisted guest who answers again keeps their place in the queue.
    if not (status == InvitationStatus.WAITLISTED == invitation.status):
        invitation.responded_at = now
    invitation.status = status
    invitation.companions = companions
    invitation.dietary_requirements = dietary_requirements
    invitation.accessibility_needs = accessibility_needs
    invitation.full_clean()
    invitation.save()
    _sync_companions(invitation, companion_guests)
    propose_dietary_change(invitation)
    _release_plans(invitation)
    _promote_waitlisted(event)
    return invitation


def _sync_companions(invitation, named):
    """One InvitationCompanion per companion counted, numbered 1..count."""
    named = list(named or [])
    if len(named) > invitation.companions:
        raise ValidationError(
            gettext("More companions are named than are coming."), code="too_many_named"
        )
    invitation.companion_guests.filter(number__gt=invitation.companions).delete()
    existing = {c.number: c for c in invitation.companion_guests.all()}
    for number in range(1, invitation.companions + 1):
        companion = existing.get(number) or InvitationCompanion(
            invitation=invitation, number=number
        )
        if number <= len(named):
            details = named[number - 1]
            companion.name = (details.get("name") or "").strip()
            companion.dietary_requirements = (details.get("dietary_requirements") or "").strip()
        companion.full_clean(exclude=["invitation"], validate_constraints=False)
        companion.save()


def _release_plans(invitation):
    """Give up what was planned for seats a guest no longer takes: transfer seats beyond
    their party and, once they are not coming, their forum meetings not yet logged."""
    coming = invitation.status == InvitationStatus.ACCEPTED
    party = 1 + invitation.companions if coming else 0
    invitation.manifest_entries.filter(companion__gte=party).delete()
    if not coming:
        ForumMeeting.objects.filter(
            event=invitation.event_id, envoy=invitation.person_id, interaction__isnull=True
        ).delete()
