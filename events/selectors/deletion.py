"""What deleting an event would take with it, and what stands in its way."""

from django.contrib.admin.utils import NestedObjects
from django.db import router

from ..models import Event, Registration


def _collector(event):
    collector = NestedObjects(using=router.db_for_write(Event))
    collector.collect([event])
    collector.collect(list(event.registrations.all()))
    return collector


def event_deletion_counts(event):
    """{model: count} of the records deleting `event` removes, the event included.

    Applications (which hold passport numbers and birth dates) are protected against a plain
    delete; they are counted with everything that goes with them, as delete_event removes them.
    """
    collector = _collector(event)
    counts = {model: len(objects) for model, objects in collector.model_objs.items() if objects}
    return dict(sorted(counts.items(), key=lambda item: item[0]._meta.label))


def event_deletion_blockers(event):
    """Records that refer to `event` and must not go with it (its public page, say)."""
    collector = _collector(event)
    return sorted(
        (obj for obj in collector.protected if not isinstance(obj, Registration)),
        key=lambda obj: (obj._meta.label, obj.pk),
    )
