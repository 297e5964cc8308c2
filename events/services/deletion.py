"""Deleting an event on purpose, with a record of what went."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from wagtail.log_actions import log

from ..models import Event
from ..selectors.deletion import event_deletion_blockers, event_deletion_counts


@transaction.atomic
def delete_event(event, *, user=None):
    """Delete an event with its applications and everything else it owns; log the counts.

    Applications are protected against a plain delete (the database refuses to drop them
    with their event); this is the one way to delete them with it. The audit entry names the
    event and how many records of each kind went, never a value from them.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    blockers = event_deletion_blockers(event)
    if blockers:
        raise ValidationError(
            gettext("This event cannot be deleted while these refer to it: %(records)s."),
            code="protected",
            params={"records": "; ".join(str(obj) for obj in blockers)},
        )
    counts = event_deletion_counts(event)
    log(
        event,
        "events.event_deleted",
        user=user,
        data={"counts": {model._meta.label_lower: n for model, n in counts.items()}},
    )
    event.registrations.all().delete()
    event.delete()
    return counts
