"""Admin views of bookings and resources: booked, changed and cancelled through the booking
service, each linked to its week in the week view."""

from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.widgets.button import Button

from core.views import ActionView, RecordIndexView, ServiceFormMixin

from ..enums import BookingStatus
from ..models import Booking
from ..services import bookings as booking_services

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
