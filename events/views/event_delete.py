"""The event's delete page: it says what would go, and deletes through the service."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.views.generic import DeleteView

from ..selectors.deletion import event_deletion_blockers, event_deletion_counts
from ..services.deletion import delete_event


class EventDeleteView(DeleteView):
    template_name = "events/admin/event_delete.html"

    def get_usage_url(self):
        # Wagtail's usage check would count the protected applications as a reason to refuse;
        # this page lists them as what goes, and what truly blocks (a page) on its own.
        return None

    @cached_property
    def counts(self):
        return [
            (model._meta.verbose_name_plural, count)
            for model, count in event_deletion_counts(self.object).items()
            if model._meta.label != "events.Event"
        ]

    @cached_property
    def blockers(self):
        return event_deletion_blockers(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(deleted=self.counts, blockers=self.blockers, **kwargs)
        context["is_protected"] = bool(self.blockers)
        return context

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(self.get_delete_url())

    def delete_action(self):
        delete_event(self.object, user=self.request.user)
