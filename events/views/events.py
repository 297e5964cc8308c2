"""Admin views of events, delegations and itinerary items: saved through the events services,
with links into the visit planner."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.widgets.button import Button

from core.views import ReadableInspectView, RecordIndexView, ServiceFormMixin

from ..clashes import event_clash_warnings, item_clash_warnings
from ..models import ItineraryItem
from ..services import items as item_services


def concrete_changes(form, model):
    """Changed form fields that are plain columns of the model (not many-to-many)."""
    many_to_many = {field.name for field in model._meta.many_to_many}
    return {
        name: form.cleaned_data[name]
        for name in form.changed_data
        if name in form.cleaned_data and name not in many_to_many
    }


def visit_planner_buttons(event, user, button_class=Button, *, delegations=True):
    """Links into the visit planner for an event: a new visit and, unless `delegations` is
    false (a list row: a query each otherwise), each delegation's visit."""
    if not user.has_perm("events.add_delegation"):
        return []
    buttons = [
        button_class(
            _("Plan a visit"),
            url=reverse("visit-planner:plan", args=[quote(event.pk)]),
            icon_name="group",
            priority=35,
        )
    ]
    for delegation in event.delegations.order_by("name") if delegations else ():
        buttons.append(
            button_class(
                gettext("Visit planner: %(delegation)s") % {"delegation": delegation},
                url=reverse("visit-planner:edit", args=[quote(delegation.pk)]),
                icon_name="edit",
                priority=36,
            )
        )
    return buttons


def invitation_buttons(event, user, button_class=Button):
    """The event's page that sends its invitations or reminders, for those who may."""
    if not user.has_perm("events.change_invitation"):
        return []
    return [
        button_class(
            _("Send invitations or reminders"),
            url=reverse("event:invitations", args=[quote(event.pk)]),
            icon_name="mail",
            priority=40,
        )
    ]


class ServiceEditView(ServiceFormMixin, EditView):
    """An edit page whose save passes the changed columns to `update` (a service), with the
    record's `clash_warnings` said above the form; they never block."""

    # Each page names both: clash_warnings(record) and update(stored, *, user, **changes).
    clash_warnings = None
    update = None

    def get(self, request, *args, **kwargs):
        for warning in self.clash_warnings(self.get_object()):
            messages.warning(request, warning)
        return super().get(request, *args, **kwargs)

    def save_instance(self):
        # The form has already written the changes onto its instance; the service must compare
        # against what is stored.
        stored = self.model.objects.get(pk=self.object.pk)
        changes = concrete_changes(self.form, self.model)
        record = self.update(stored, user=self.request.user, **changes)
        self.save_m2m(record)
        return record


class EventInspectView(ReadableInspectView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            *visit_planner_buttons(self.object, self.request.user),
        ]


class DelegationInspectView(ReadableInspectView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *delegation_buttons(self.object, self.request.user)]


class DelegationEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *delegation_buttons(self.object, self.request.user)]


def delegation_buttons(delegation, user, button_class=Button):
    """The delegation's programme, and its visit in the planner."""
    buttons = [
        button_class(
            _("Programme"),
            url=reverse("delegation:programme", args=[quote(delegation.pk)]),
            icon_name="list-ul",
            priority=40,
        )
    ]
    if user.has_perm("events.add_delegation"):
        buttons.append(
            button_class(
                _("Change in the visit planner"),
                url=reverse("visit-planner:edit", args=[quote(delegation.pk)]),
                icon_name="group",
                priority=35,
            )
        )
    return buttons


class EventEditView(ServiceEditView):
    clash_warnings = staticmethod(event_clash_warnings)
    # A change to cancelled cancels its items and their bookings too.
    update = staticmethod(item_services.update_event)

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            *visit_planner_buttons(self.object, self.request.user),
            *invitation_buttons(self.object, self.request.user),
        ]


class ItineraryItemCreateView(ServiceFormMixin, CreateView):
    def save_instance(self):
        many_to_many = {field.name for field in ItineraryItem._meta.many_to_many}
        data = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name not in many_to_many
        }
        event = data.pop("event")
        item = item_services.create_item(
            event,
            kind=data.pop("kind"),
            # The office's language; the other versions travel in **data.
            title=data["title_zh_hant"],
            starts_at=data.pop("starts_at"),
            ends_at=data.pop("ends_at"),
            user=self.request.user,
            **data,
        )
        self.save_m2m(item)
        return item


class ItineraryItemDeleteView(DeleteView):
    def delete_action(self):
        # Through the service: a room the item shares with others of its event stays held.
        item_services.delete_item(self.object, user=self.request.user)


class ItineraryItemEditView(ServiceEditView):
    # A principal needed elsewhere at the same time.
    clash_warnings = staticmethod(item_clash_warnings)
    # A change to cancelled frees the item's bookings too.
    update = staticmethod(item_services.update_item)


class EventIndexView(RecordIndexView):
    def get_list_more_buttons(self, instance):
        user = self.request.user
        return [
            *super().get_list_more_buttons(instance),
            *visit_planner_buttons(instance, user, MenuItem, delegations=False),
            *invitation_buttons(instance, user, MenuItem),
        ]


class DelegationIndexView(RecordIndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *delegation_buttons(instance, self.request.user, MenuItem),
        ]
