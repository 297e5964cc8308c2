"""Record edits reach the pages: an event saved with pages gets its pages' titles updated.

The only receiver besides the page cache's (cms/cache.py): the events admin (a layer below cms)
cannot call the cms, so the public site listens for its records instead.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from events.models import Event

from .models import EventPage
from .services import sync_event_pages


@receiver(post_save, sender=Event)
def follow_event_record(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    # After the record's own transaction: a refused save changes no page.
    transaction.on_commit(partial(_sync_if_paged, instance.pk))


def _sync_if_paged(event_pk):
    if EventPage.objects.filter(event_id=event_pk).exists():
        sync_event_pages(Event.objects.get(pk=event_pk))
