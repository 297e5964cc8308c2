"""Viewsets of the logistics menu: venues, vehicles, drivers, interpreters, VIPs, bookings."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList

from core.panels import translated, when

from ..forms import BookingAdminForm, InterpreterAdminForm
from ..models import Booking, Driver, Interpreter, Vehicle, Venue, Vip
from ..views import bookings, filters
from .records import EventsRecordViewSet


def resource_panels(*fields):
    return [translated("name", _("name")), *fields, FieldPanel("is_active"), FieldPanel("notes")]


class ResourceViewSet(EventsRecordViewSet):
    index_view_class = bookings.ResourceIndexView
    search_fields = ["name_zh_hant", "name_en", "name_ja", "name_ko"]
    ordering = ["name"]


class VenueViewSet(ResourceViewSet):
    model = Venue
    icon = "home"
    list_display = ["name", "building", "venue_kind", "capacity", "is_active"]
    filterset_class = filters.resource_filterset(Venue, "venue_kind")
    search_fields = [*ResourceViewSet.search_fields, "building_zh_hant", "building_en"]
    panels = resource_panels(
        translated("building", _("building")),
        FieldRowPanel([FieldPanel("venue_kind"), FieldPanel("capacity")]),
        FieldPanel("equipment"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("photo"),
        FieldPanel("is_illustrative"),
    )


class VehicleViewSet(ResourceViewSet):
    model = Vehicle
    icon = "site"
    list_display = ["name", "vehicle_kind", "seats", "plate", "is_active"]
    filterset_class = filters.resource_filterset(Vehicle, "vehicle_kind")
    search_fields = [*ResourceViewSet.search_fields, "plate"]
    panels = resource_panels(
        FieldRowPanel([FieldPanel("vehicle_kind"), FieldPanel("seats"), FieldPanel("plate")]),
        FieldPanel("is_illustrative"),
    )


class DriverViewSet(ResourceViewSet):
    model = Driver
    icon = "user"
    list_display = ["name", "person", "is_active"]
    list_select_related = ("person",)
    filterset_class = filters.resource_filterset(Driver)
    panels = resource_panels(FieldPanel("person"), FieldPanel("is_illustrative"))


class InterpreterViewSet(ResourceViewSet):
    model = Interpreter
    icon = "globe"
    language_fields = ("languages",)
    list_display = [
        "name",
        "person",
        "languages",
        "mode",
        "is_active",
    ]
    list_select_related = ("person",)
    filterset_class = filters.resource_filterset(Interpreter, "mode")
    edit_handler = ObjectList(
        resource_panels(
            FieldPanel("person"),
            FieldRowPanel([FieldPanel("languages"), FieldPanel("mode")]),
            FieldPanel("is_illustrative"),
        ),
        base_form_class=InterpreterAdminForm,
    )


class VipViewSet(ResourceViewSet):
    model = Vip
    icon = "crosshairs"
    list_display = ["name", "person", "is_active"]
    list_select_related = ("person",)
    filterset_class = filters.resource_filterset(Vip)
    panels = resource_panels(FieldPanel("person"), FieldPanel("is_illustrative"))


class BookingViewSet(EventsRecordViewSet):
    model = Booking
    icon = "calendar-alt"
    index_view_class = bookings.BookingIndexView
    add_view_class = bookings.BookingCreateView
    edit_view_class = bookings.BookingEditView
    create_template_name = "events/admin/booking_create.html"
    edit_template_name = "events/admin/booking_edit.html"
    copy_view_enabled = False
    list_display = ["resource", "starts_at", "ends_at", "status", "purpose", "requested_by"]
    list_select_related = ("resource",)
    filterset_class = filters.BookingFilterSet
    search_fields = ["purpose", "requested_by", "resource__name_zh_hant", "resource__name_en"]
    ordering = ["-starts_at"]
    list_export = ["resource", "starts_at", "ends_at", "status", "purpose", "requested_by"]
    details = [
        FieldPanel("item"),
        FieldRowPanel([FieldPanel("purpose"), FieldPanel("requested_by")]),
        FieldRowPanel([FieldPanel("pickup_address"), FieldPanel("dropoff_address")]),
    ]
    edit_handler = ObjectList(
        [FieldPanel("resource"), when(), *details], base_form_class=BookingAdminForm
    )
    # A booking keeps its resource; to use another, cancel it and book that one.
    edit_panels = ObjectList([when(), *details], base_form_class=BookingAdminForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("cancel/<int:pk>/", bookings.BookingCancelView.as_view(), name="cancel"),
        ]
