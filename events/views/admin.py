"""Wagtail admin views for events and logistics whose writes go through the events services."""

from django.contrib.admin.utils import quote
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.widgets.button import Button

from core.bulk import BulkActionsIndexMixin
from core.views import ActionView, ReadableInspectView, RecordIndexView, ServiceFormMixin

from ..clashes import event_clash_warnings, item_clash_warnings
from ..enums import BookingStatus, InvitationStatus, SensitiveAccessContext
from ..forms import RegistrationReviewForm, SendInvitationsForm
from ..models import Booking, Event, Invitation, ItineraryItem, Registration
from ..privacy.services import record_sensitive_access
from ..services import bookings as booking_services
from ..services import invitations as invitation_services
from ..services import items as item_services
from ..services import registrations as registration_services
from .invitation_links import rsvp_link_response

SENSITIVE_REGISTRATION_FIELDS = ("passport_number", "date_of_birth")
SENSITIVE_REGISTRATION_PERMISSION = "events.view_sensitive_registration"


def concrete_changes(form, model):
    """Changed form fields that are plain columns of the model (not many-to-many)."""
    many_to_many = {field.name for field in model._meta.many_to_many}
    return {
        name: form.cleaned_data[name]
        for name in form.changed_data
        if name in form.cleaned_data and name not in many_to_many
    }


def visit_planner_buttons(event, user, button_class=Button):
    """Links into the visit planner for an event: a new visit, and each delegation's visit."""
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
    for delegation in event.delegations.order_by("name"):
        buttons.append(
            button_class(
                gettext("Visit planner: %(delegation)s") % {"delegation": delegation},
                url=reverse("visit-planner:edit", args=[quote(delegation.pk)]),
                icon_name="edit",
                priority=36,
            )
        )
    return buttons


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


class EventEditView(ServiceFormMixin, EditView):
    def get(self, request, *args, **kwargs):
        # Clash warnings never block: shown above the form, saved or not.
        for warning in event_clash_warnings(self.get_object()):
            messages.warning(request, warning)
        return super().get(request, *args, **kwargs)

    def save_instance(self):
        stored = Event.objects.get(pk=self.object.pk)
        # A change to cancelled cancels its items and their bookings too (update_event).
        changes = concrete_changes(self.form, Event)
        event = item_services.update_event(stored, user=self.request.user, **changes)
        self.save_m2m(event)
        return event

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons += visit_planner_buttons(self.object, self.request.user)
        if self.request.user.has_perm("events.change_invitation"):
            buttons.append(
                Button(
                    _("Send invitations or reminders"),
                    url=reverse("event:invitations", args=[quote(self.object.pk)]),
                    icon_name="mail",
                    priority=40,
                )
            )
        return buttons


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


class ItineraryItemEditView(ServiceFormMixin, EditView):
    def get(self, request, *args, **kwargs):
        # Never blocking: a principal needed elsewhere at the same time is said above the form.
        for warning in item_clash_warnings(self.get_object()):
            messages.warning(request, warning)
        return super().get(request, *args, **kwargs)

    def save_instance(self):
        stored = ItineraryItem.objects.get(pk=self.object.pk)
        # A change to cancelled frees the item's bookings too (update_item).
        changes = concrete_changes(self.form, ItineraryItem)
        item = item_services.update_item(stored, user=self.request.user, **changes)
        self.save_m2m(item)
        return item


BOOKING_DETAILS = ("item", "purpose", "requested_by", "pickup_address", "dropoff_address")


class BookingCreateView(ServiceFormMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        booking = booking_services.create_booking(
            data["resource"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            booked_by=self.request.user,
            **{name: data[name] for name in BOOKING_DETAILS if name in data},
        )
        return booking


class BookingEditView(ServiceFormMixin, EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        # The form has already written the new times onto its instance; the service must
        # compare against what is stored.
        stored = Booking.objects.select_related("resource").get(pk=self.object.pk)
        return booking_services.update_booking(
            stored,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            user=self.request.user,
            **{name: data[name] for name in BOOKING_DETAILS if name in data},
        )

    @cached_property
    def header_more_buttons(self):
        buttons = [*super().header_more_buttons, week_view_button(self.object, Button)]
        if self.object.status == BookingStatus.CONFIRMED:
            buttons.append(
                Button(
                    _("Cancel booking"),
                    url=reverse("booking:cancel", args=[quote(self.object.pk)]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return buttons


def week_view_button(booking, button_class):
    """A link to the booking's week in the week view of its resource."""
    week = timezone.localdate(booking.starts_at).isoformat()
    return button_class(
        _("Week view"),
        url=f"{reverse('booking-week:index')}?resource={booking.resource_id}&week={week}",
        icon_name="calendar-alt",
        priority=50,
    )


class BookingCancelView(ActionView):
    """Cancel one booking after a confirmation; the slot becomes free."""

    model = Booking
    template_name = "events/admin/booking_cancel.html"
    page_title = _("Cancel booking")
    header_icon = "calendar-alt"
    success_url = reverse_lazy("booking:index")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Booking.objects.select_related("resource", "item", "booked_by"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.object)

    def act(self, data):
        booking_services.cancel_booking(self.object, user=self.request.user)
        messages.success(
            self.request, gettext("Booking cancelled: %(booking)s") % {"booking": self.object}
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["booking"] = self.object
        context["is_cancelled"] = self.object.status == BookingStatus.CANCELLED
        return context


class BookingIndexView(RecordIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == BookingStatus.CONFIRMED and self.user_has_permission("change"):
            buttons.append(
                MenuItem(
                    _("Cancel booking"),
                    url=reverse("booking:cancel", args=[quote(instance.pk)]),
                    icon_name="cross",
                    priority=40,
                )
            )
        buttons.append(week_view_button(instance, MenuItem))
        return buttons


class InvitationCreateView(ServiceFormMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return invitation_services.invite_person(
            data["event"],
            data["person"],
            respond_by=data.get("respond_by"),
            max_companions=data.get("max_companions", 1),
            user=self.request.user,
        )

    def save_action(self):
        # The one moment the new link's secret exists: show it to whoever made the invitation.
        return rsvp_link_response(self.request, self.object)


class EventIndexView(RecordIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("events.add_delegation"):
            buttons.append(
                MenuItem(
                    _("Plan a visit"),
                    url=reverse("visit-planner:plan", args=[quote(instance.pk)]),
                    icon_name="group",
                    priority=35,
                )
            )
        if self.request.user.has_perm("events.change_invitation"):
            buttons.append(
                MenuItem(
                    _("Send invitations or reminders"),
                    url=reverse("event:invitations", args=[quote(instance.pk)]),
                    icon_name="mail",
                    priority=40,
                )
            )
        return buttons


class SendInvitationsView(ActionView):
    """Send an event's unsent invitations, or remind the guests who have not replied."""

    model = Invitation
    template_name = "events/admin/send_invitations.html"
    page_title = _("Invitations")
    header_icon = "mail"
    form_class = SendInvitationsForm
    success_url = reverse_lazy("invitation:index")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.event = get_object_or_404(Event, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.event)

    @cached_property
    def unsent(self):
        return list(
            self.event.invitations.filter(sent_at__isnull=True).select_related("person", "event")
        )

    def act(self, data):
        if data["action"] == SendInvitationsForm.ACTION_REMIND:
            count = invitation_services.send_reminders(self.event)
            messages.success(self.request, gettext("%(count)d reminders sent.") % {"count": count})
            return
        sent = 0
        # Each invitation is its own transaction: one guest without an e-mail address must
        # not hold back the others.
        for invitation in self.unsent:
            try:
                invitation_services.send_invitation(invitation, request=self.request)
            except ValidationError as error:
                messages.warning(self.request, " ".join(error.messages))
            else:
                sent += 1
        messages.success(self.request, gettext("%(count)d invitations sent.") % {"count": sent})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        context["unsent_count"] = len(self.unsent)
        context["pending_count"] = self.event.invitations.filter(
            status=InvitationStatus.PENDING, sent_at__isnull=False
        ).count()
        return context


def can_see_sensitive(user):
    return user.has_perm(SENSITIVE_REGISTRATION_PERMISSION)


class RegistrationIndexView(BulkActionsIndexMixin, RecordIndexView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not can_see_sensitive(request.user):
            self.list_export = [
                name for name in self.list_export if name not in SENSITIVE_REGISTRATION_FIELDS
            ]

    def render_to_response(self, context, **response_kwargs):
        if self.is_export and set(self.list_export) & set(SENSITIVE_REGISTRATION_FIELDS):
            # Every exported row that carries a passport number or birth date is recorded.
            record_sensitive_access(
                context["object_list"],
                user=self.request.user,
                context=SensitiveAccessContext.EXPORT,
            )
        return super().render_to_response(context, **response_kwargs)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            for status, label in RegistrationReviewForm.base_fields["status"].choices:
                buttons.append(
                    MenuItem(
                        label,
                        url=reverse("registration:review", args=[quote(instance.pk)])
                        + f"?status={status}",
                        icon_name="tasks",
                        priority=40,
                    )
                )
        return buttons


class RegistrationInspectView(ReadableInspectView):
    def get_fields(self):
        fields = super().get_fields()
        if can_see_sensitive(self.request.user):
            return fields
        return [name for name in fields if name not in SENSITIVE_REGISTRATION_FIELDS]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if can_see_sensitive(self.request.user):
            record_sensitive_access(
                [self.object], user=self.request.user, context=SensitiveAccessContext.INSPECT
            )
        return context


class RegistrationEditView(EditView):
    """The edit form shows the passport number and birth date to those allowed: recorded."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if can_see_sensitive(self.request.user):
            record_sensitive_access(
                [self.object], user=self.request.user, context=SensitiveAccessContext.EDIT
            )
        return context


class RegistrationReviewView(ActionView):
    """Accept, waitlist or reject one registration with an optional note."""

    model = Registration
    template_name = "events/admin/registration_review.html"
    page_title = _("Review registration")
    header_icon = "tasks"
    form_class = RegistrationReviewForm
    success_url = reverse_lazy("registration:index")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Registration.objects.select_related("event"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.object)

    def get_initial(self):
        return {"status": self.request.GET.get("status"), "note": self.object.review_note}

    def act(self, data):
        registration_services.review_registration(
            self.object, status=data["status"], user=self.request.user, note=data["note"]
        )
        messages.success(
            self.request,
            gettext("%(registration)s: %(status)s")
            % {
                "registration": self.object,
                "status": self.object.get_status_display(),
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.object
        context["non_field_errors_key"] = NON_FIELD_ERRORS
        return context


class DelegationIndexView(RecordIndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *delegation_buttons(instance, self.request.user, MenuItem),
        ]


class ResourceIndexView(RecordIndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            MenuItem(
                _("Week view"),
                url=reverse("booking-week:index") + f"?resource={instance.pk}",
                icon_name="calendar-alt",
                priority=40,
            ),
        ]
