"""The events back office: one viewset per model, two menu groups (events, logistics).

Another module adds a page or viewset with one import and one entry in EVENTS_ITEMS or
LOGISTICS_ITEMS below.
"""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from core.panels import translated

from ..forms import (
    BookingAdminForm,
    EventAdminForm,
    InterpreterAdminForm,
    ItineraryItemAdminForm,
)
from ..models import (
    Booking,
    Delegation,
    DelegationMember,
    Driver,
    Event,
    Interpreter,
    Invitation,
    ItineraryItem,
    ItineraryStaff,
    Registration,
    Vehicle,
    Venue,
    Vip,
)
from ..programmes.urls import ProgrammesViewSet
from ..seating.views import SeatingViewSet
from ..views import admin as views
from ..views import filters, reports
from ..views.feed_links import FeedTokenViewSet


def short_text():
    return forms.Textarea(attrs={"rows": 4})


def when(start="starts_at", end="ends_at"):
    return FieldRowPanel([FieldPanel(start), FieldPanel(end)], heading=_("when"))


class EventsModelViewSet(ModelViewSet):
    """A model viewset with inspect views and joins fetched up front for its list."""

    inspect_view_enabled = True
    search_backend_name = None
    list_select_related = ()

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model._default_manager.select_related(*self.list_select_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class EventViewSet(EventsModelViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    index_view_class = views.EventIndexView
    edit_view_class = views.EventEditView
    list_display = ["title", "kind", "starts_at", "ends_at", "status", "is_public"]
    filterset_class = filters.EventFilterSet
    search_fields = ["title_zh_hant", "title_en", "title_ja", "title_ko", "location"]
    ordering = ["-starts_at"]
    list_export = ["title", "kind", "starts_at", "ends_at", "status", "is_public", "capacity"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            translated("title", _("title")),
            translated("summary", _("public summary"), widget=short_text()),
            when(),
            FieldRowPanel([FieldPanel("all_day"), FieldPanel("status"), FieldPanel("is_public")]),
            MultiFieldPanel(
                [
                    FieldPanel("host_organisation"),
                    FieldPanel("organisations"),
                    FieldPanel("relationships"),
                ],
                heading=_("who"),
            ),
            MultiFieldPanel(
                [FieldPanel("venue"), FieldPanel("location"), FieldPanel("capacity")],
                heading=_("where"),
            ),
            FieldPanel("owner"),
            MultiFieldPanel(
                [
                    FieldPanel("takes_registrations"),
                    FieldRowPanel(
                        [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                    ),
                    FieldPanel("registration_questions"),
                    translated("consent_text", _("consent text"), widget=short_text()),
                ],
                heading=_("public registration"),
            ),
            FieldPanel("is_illustrative"),
        ],
        base_form_class=EventAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("invitations/<int:pk>/", views.SendInvitationsView.as_view(), name="invitations"),
        ]


class DelegationViewSet(EventsModelViewSet):
    model = Delegation
    icon = "group"
    index_view_class = views.DelegationIndexView
    list_display = ["name", "event", "direction", "organisation", "declared_size"]
    list_select_related = ("event", "organisation")
    filterset_class = filters.DelegationFilterSet
    search_fields = ["name", "hotel", "organisation__name_zh_hant", "organisation__name_en"]
    list_export = ["name", "event", "direction", "organisation", "declared_size", "hotel"]
    panels = [
        FieldPanel("event"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("direction"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("declared_size"), FieldPanel("home_timezone")]),
        FieldPanel("hotel"),
        FieldPanel("notes"),
        FieldPanel("is_illustrative"),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "programme/<int:pk>/",
                reports.DelegationProgrammeView.as_view(),
                name="programme",
            ),
        ]


class DelegationMemberViewSet(EventsModelViewSet):
    model = DelegationMember
    icon = "user"
    list_display = ["person", "delegation", "role", "arrival_at", "departure_at"]
    list_select_related = ("person", "delegation")
    filterset_class = filters.DelegationMemberFilterSet
    search_fields = ["person__family_name", "person__given_name", "person__native_name"]
    list_export = ["person", "delegation", "role", "arrival_at", "arrival_flight", "departure_at"]
    panels = [
        FieldRowPanel([FieldPanel("delegation"), FieldPanel("person"), FieldPanel("role")]),
        FieldRowPanel(
            [FieldPanel("arrival_at"), FieldPanel("arrival_flight"), FieldPanel("arrival_airport")],
            heading=_("arrival"),
        ),
        FieldRowPanel(
            [
                FieldPanel("departure_at"),
                FieldPanel("departure_flight"),
                FieldPanel("departure_airport"),
            ],
            heading=_("departure"),
        ),
        FieldPanel("notes"),
    ]


class ItineraryItemViewSet(EventsModelViewSet):
    model = ItineraryItem
    icon = "list-ul"
    add_view_class = views.ItineraryItemCreateView
    edit_view_class = views.ItineraryItemEditView
    copy_view_enabled = False
    list_display = ["title", "event", "kind", "starts_at", "ends_at", "venue", "status"]
    list_select_related = ("event", "venue")
    filterset_class = filters.ItineraryItemFilterSet
    search_fields = ["title_zh_hant", "title_en", "title_ja", "title_ko", "address"]
    ordering = ["starts_at"]
    list_export = ["title", "event", "kind", "starts_at", "ends_at", "venue", "address", "status"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("event"), FieldPanel("kind")]),
            translated("title", _("title")),
            when(),
            FieldRowPanel([FieldPanel("status"), FieldPanel("is_public")]),
            MultiFieldPanel(
                [
                    FieldPanel("venue"),
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                ],
                heading=_("where"),
            ),
            MultiFieldPanel([FieldPanel("members"), FieldPanel("people")], heading=_("who")),
            translated("public_description", _("public description"), widget=short_text()),
            FieldPanel("private_notes"),
        ],
        base_form_class=ItineraryItemAdminForm,
    )


class ItineraryStaffViewSet(EventsModelViewSet):
    model = ItineraryStaff
    icon = "user"
    list_display = ["person", "item", "role", "language_from", "language_to"]
    list_select_related = ("person", "item")
    filterset_class = filters.ItineraryStaffFilterSet
    search_fields = ["person__family_name", "person__given_name", "person__native_name"]
    panels = [
        FieldPanel("item"),
        FieldRowPanel([FieldPanel("person"), FieldPanel("role")]),
        FieldRowPanel(
            [FieldPanel("language_from"), FieldPanel("language_to")],
            heading=_("interpreting"),
        ),
    ]


class InvitationViewSet(EventsModelViewSet):
    model = Invitation
    icon = "mail"
    add_view_class = views.InvitationCreateView
    copy_view_enabled = False
    list_display = ["person", "event", "status", "companions", "respond_by", "sent_at"]
    list_select_related = ("person", "event")
    filterset_class = filters.InvitationFilterSet
    search_fields = ["person__family_name", "person__given_name", "person__native_name"]
    list_export = ["person", "event", "status", "companions", "dietary_requirements", "sent_at"]
    panels = [
        FieldPanel("event"),
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("respond_by"), FieldPanel("max_companions")]),
    ]
    # Replies (status, companions, needs) are the guest's, recorded by the RSVP service.
    edit_panels = ObjectList(
        [
            FieldRowPanel([FieldPanel("respond_by"), FieldPanel("max_companions")]),
            FieldPanel("dietary_requirements"),
            FieldPanel("accessibility_needs"),
        ]
    )

    def get_edit_view_kwargs(self, **kwargs):
        panel = self.edit_panels.bind_to_model(self.model)
        return super().get_edit_view_kwargs(
            panel=panel, form_class=panel.get_form_class(), **kwargs
        )


class RegistrationViewSet(EventsModelViewSet):
    model = Registration
    icon = "form"
    index_view_class = views.RegistrationIndexView
    inspect_view_class = views.RegistrationInspectView
    copy_view_enabled = False
    list_display = ["family_name", "given_name", "event", "status", "nationality", "created_at"]
    list_select_related = ("event",)
    filterset_class = filters.RegistrationFilterSet
    search_fields = ["family_name", "given_name", "native_name", "email", "university"]
    ordering = ["-created_at"]
    # The sensitive columns are dropped for users without the permission (see the view).
    list_export = [
        "family_name",
        "given_name",
        "email",
        "event",
        "status",
        "nationality",
        "university",
        "passport_number",
        "date_of_birth",
        "dietary_requirements",
    ]
    panels = [
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("family_name"), FieldPanel("given_name")]),
        FieldPanel("native_name"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("nationality"), FieldPanel("university")]),
        FieldPanel("home_organisation"),
        FieldRowPanel(
            [
                FieldPanel("passport_number", permission=views.SENSITIVE_REGISTRATION_PERMISSION),
                FieldPanel("date_of_birth", permission=views.SENSITIVE_REGISTRATION_PERMISSION),
            ]
        ),
        FieldRowPanel(
            [FieldPanel("emergency_contact_name"), FieldPanel("emergency_contact_phone")]
        ),
        FieldPanel("dietary_requirements"),
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("score"), FieldPanel("review_note")], heading=_("review")),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", views.RegistrationReviewView.as_view(), name="review"),
        ]


def resource_panels(*fields):
    return [translated("name", _("name")), *fields, FieldPanel("is_active"), FieldPanel("notes")]


class ResourceViewSet(EventsModelViewSet):
    index_view_class = views.ResourceIndexView
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
    list_display = ["name", "person", "languages", "mode", "is_active"]
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


class BookingViewSet(EventsModelViewSet):
    model = Booking
    icon = "calendar-alt"
    index_view_class = views.BookingIndexView
    add_view_class = views.BookingCreateView
    edit_view_class = views.BookingEditView
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

    def get_edit_view_kwargs(self, **kwargs):
        panel = self.edit_panels.bind_to_model(self.model)
        return super().get_edit_view_kwargs(
            panel=panel, form_class=panel.get_form_class(), **kwargs
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("cancel/<int:pk>/", views.BookingCancelView.as_view(), name="cancel"),
        ]


class PageViewSet(ViewSet):
    """A single admin page with a menu entry, shown to users allowed to open it."""

    view_class = None

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(), name="index")]

    @property
    def menu_item_class(self):
        view_class = self.view_class

        class PageMenuItem(MenuItem):
            def is_shown(self, request):
                return view_class.user_may_open(request.user)

        return PageMenuItem


class RunSheetViewSet(PageViewSet):
    name = "run-sheet"
    icon = "doc-full"
    menu_label = _("Daily run sheet")
    view_class = reports.RunSheetView


class StatisticsViewSet(PageViewSet):
    name = "event-statistics"
    icon = "table"
    menu_label = _("Statistics")
    view_class = reports.StatisticsView


class BookingWeekViewSet(PageViewSet):
    name = "booking-week"
    icon = "calendar"
    menu_label = _("Week view")
    view_class = reports.BookingWeekView


EVENTS_ITEMS = [
    EventViewSet(),
    DelegationViewSet(),
    DelegationMemberViewSet(),
    ItineraryItemViewSet(),
    ItineraryStaffViewSet(),
    InvitationViewSet(),
    RegistrationViewSet(),
    RunSheetViewSet(),
    StatisticsViewSet(),
    SeatingViewSet(),
    ProgrammesViewSet(),
    FeedTokenViewSet(),
]

LOGISTICS_ITEMS = [
    BookingWeekViewSet(),
    BookingViewSet(),
    VenueViewSet(),
    VehicleViewSet(),
    DriverViewSet(),
    InterpreterViewSet(),
    VipViewSet(),
]


class EventsGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 200
    items = EVENTS_ITEMS


class LogisticsGroup(ViewSetGroup):
    menu_label = _("Logistics")
    menu_icon = "calendar-alt"
    menu_order = 210
    items = LOGISTICS_ITEMS


@hooks.register("register_admin_viewset")
def register_events_admin():
    return [EventsGroup(), LogisticsGroup()]
