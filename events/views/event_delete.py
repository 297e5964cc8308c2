"""The event's delete page: it says what would go, and deletes through the service."""

from django.utils.functional import cached_property
from wagtail.admin.views.generic import DeleteView

from ..selectors.deletion import event_deletion_counts
from ..services.deletion import delete_event


class EventDeleteView(DeleteView):
    template_name = "events/admin/event_delete.html"

    @cached_property
    def counts(self):
        return [
            (model._meta.verbose_name_plural, count)
            for model, count in event_deletion_counts(self.object).items()
            if model._meta.label != "events.Event"
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(deleted=self.counts, **kwargs)

    def delete_action(self):
        delete_event(self.object, user=self.request.user)
