"""Writes on many records at once, for the admin's bulk actions.

Each is one transaction and a fixed number of queries whatever the number of rows: rows are
read and written with set-based queries, audit entries are inserted together, and mail is
queued after commit, one task per recipient.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Count, DateTimeField, F, IntegerField, Value
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from wagtail.log_actions import log

from core.bulk import insert_from_select
from crm.models import Person

from ..enums import EventStatus, RegistrationStatus
from ..models import DelegationMember, Event, Invitation, Registration
from ..tasks import send_invitation_mail, send_registration_mail
from .registrations import REVIEW_STATUSES


def log_bulk(parents, action, *, user, data):
    """One audit entry per parent record (an event, a delegation) naming the records a bulk
    action changed, by number: an entry per row would cost a query per ~90 rows on SQLite
    (its limit of query parameters), and the list is what an auditor reads."""
    if user is None:
        return
    for parent, numbers in parents.items():
        log(parent, action, user=user, data={**data, "records": sorted(numbers)})


def _by_parent(rows, attribute):
    grouped = {}
    for row in rows:
        grouped.setdefault(getattr(row, attribute), []).append(row.pk)
    return grouped


@transaction.atomic
def review_registrations(registrations, *, status, user):
    """Accept, waitlist or reject many applications at once, all or none: none withdrawn or
    anonymised, and acceptances within each event's capacity. Returns how many changed."""
    if status not in REVIEW_STATUSES:
        raise ValidationError(
            gettext("An application can be accepted, waitlisted or rejected."),
            code="invalid_status",
        )
    pks = [registration.pk for registration in registrations]
    # Lock the events first, as review_registration does, so capacity is counted once.
    event_ids = Registration.objects.filter(pk__in=pks).values("event")
    events = {e.pk: e for e in Event.objects.select_for_update().filter(pk__in=event_ids)}
    rows = list(Registration.objects.filter(pk__in=pks).select_related("event"))
    closed = [r for r in rows if r.status == RegistrationStatus.WITHDRAWN or r.anonymised_at]
    if closed:
        raise ValidationError(
            ngettext(
                "%(count)d of the applications was withdrawn or anonymised; leave it out.",
                "%(count)d of the applications were withdrawn or anonymised; leave them out.",
                len(closed),
            )
            % {"count": len(closed)},
            code="withdrawn",
        )
    if status == RegistrationStatus.ACCEPTED:
        accepted = dict(
            Registration.objects.filter(event__in=events, status=RegistrationStatus.ACCEPTED)
            .exclude(pk__in=pks)
            .values_list("event")
            .annotate(count=Count("pk"))
        )
        wanted = {}
        for row in rows:
            wanted[row.event_id] = wanted.get(row.event_id, 0) + 1
        for event_id, count in wanted.items():
            event = events[event_id]
            free = None if event.capacity is None else event.capacity - accepted.get(event_id, 0)
            if free is not None and count > free:
                raise ValidationError(
                    gettext(
                        "%(event)s has %(free)d places left for %(count)d applications; "
                        "waitlist some instead."
                    )
                    % {"event": event, "free": max(free, 0), "count": count},
                    code="full",
                )
    changed = [row for row in rows if row.status != status]
    now = timezone.now()
    Registration.objects.filter(pk__in=pks).update(
        status=status, reviewed_by=user, reviewed_at=now, updated_at=now
    )
    # Check-in codes of the newly accepted are made by their acceptance mail's task
    # (events.tasks.assign_checkin_code), one row each, outside this set-based write.
    for row in changed:
        transaction.on_commit(partial(send_registration_mail.enqueue, row.pk, status))
    log_bulk(
        _by_parent(changed, "event"),
        "events.bulk_review",
        user=user,
        data={"model": "registration", "status": status},
    )
    return len(changed)


@transaction.atomic
def send_invitations(invitations, *, user):
    """Mail many invitations at once (a second send resends); all or none: every guest needs an
    e-mail address and no event may be cancelled. Returns how many were queued."""
    pks = [invitation.pk for invitation in invitations]
    rows = list(Invitation.objects.filter(pk__in=pks).select_related("person", "event"))
    problems = [
        row for row in rows if not row.person.email or row.event.status == EventStatus.CANCELLED
    ]
    if problems:
        raise ValidationError(
            gettext("No mail was sent: %(guests)s have no e-mail address or a cancelled event.")
            % {"guests": ", ".join(str(row.person) for row in problems[:10])},
            code="no_email",
        )
    now = timezone.now()
    Invitation.objects.filter(pk__in=pks).update(sent_at=now, updated_at=now)
    for row in rows:
        transaction.on_commit(partial(send_invitation_mail.enqueue, row.pk, "invitation"))
    log_bulk(
        _by_parent(rows, "event"), "events.invitation_sent", user=user, data={"model": "invitation"}
    )
    return len(rows)


@transaction.atomic
def add_people_to_delegation(delegation, people, *, role, user):
    """Make people members of a delegation in one go; those already in it are left as they
    are. Returns how many were added."""
    now = timezone.now()
    text = CharField()
    source = (
        Person.objects.filter(pk__in=[person.pk for person in people])
        .exclude(delegation_memberships__delegation=delegation)
        .order_by("pk")
    )
    constants = {
        "created_at": Value(now, output_field=DateTimeField()),
        "updated_at": Value(now, output_field=DateTimeField()),
        "delegation_id": Value(delegation.pk, output_field=IntegerField()),
        "person_id": F("pk"),
        "role": Value(role, output_field=text),
        **{
            name: Value("", output_field=text)
            for name in (
                "arrival_flight",
                "arrival_airport",
                "departure_flight",
                "departure_airport",
                "notes",
            )
        },
    }
    # Annotated as new_<column>: a person's own fields (created_at, notes) share the names.
    source = source.annotate(**{f"new_{name}": value for name, value in constants.items()})
    added = insert_from_select(
        DelegationMember,
        source.values(*(f"new_{name}" for name in constants)),
        list(constants),
    )
    if added:
        log_bulk(
            {delegation: [person.pk for person in people]},
            "events.members_added",
            user=user,
            data={"model": "delegationmember", "added": added},
        )
    return added
