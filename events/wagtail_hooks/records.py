"""Viewsets of the events menu's records: events, delegations, programme items, invitations,
registrations and calendar feed links.
"""

from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import EditView

from core.bulk import BulkRecordIndexView
from core.panels import short_text, translated, when
from core.viewsets import RecordViewSet

from ..forms import (
    EventAdminForm,
    FeedTokenForm,
    InvitationAdminForm,
    ItineraryItemAdminForm,
    ItineraryStaffAdminForm,
)
from ..models import (
    Delegation,
    DelegationMember,
    Event,
    FeedToken,
    Invitation,
    ItineraryItem,
    ItineraryStaff,
    Registration,
)
from ..views import (
    event_delete,
    events,
    feed_links,
    filters,
    invitations,
    registrations,
    reports,
)


class EventsRecordViewSet(RecordViewSet):
    """Events records are searched in the database (no search index to keep)."""

    search_backend_name = None


class EventViewSet(EventsRecordViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    index_view_class = events.EventIndexView
    edit_view_class = events.EventEditView
    inspect_view_class = events.EventInspectView
    delete_view_class = event_delete.EventDeleteView
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
                heading=capfirst(_("who")),
            ),
            MultiFieldPanel(
                [FieldPanel("venue"), FieldPanel("location"), FieldPanel("capacity")],
                heading=capfirst(_("where")),
            ),
            FieldPanel("owner"),
            FieldPanel("principal"),
            MultiFieldPanel(
                [
                    FieldPanel("takes_registrations"),
                    FieldRowPanel(
                        [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                    ),
                    FieldPanel("registration_questions"),
                    translated("consent_text", _("consent text"), widget=short_text()),
                ],
                heading=capfirst(_("public registration")),
            ),
            FieldPanel("is_illustrative"),
        ],
        base_form_class=EventAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "invitations/<int:pk>/",
                invitations.SendInvitationsView.as_view(),
                name="invitations",
            ),
        ]


class DelegationViewSet(EventsRecordViewSet):
    model = Delegation
    icon = "group"
    index_view_class = events.DelegationIndexView
    edit_view_class = events.DelegationEditView
    inspect_view_class = events.DelegationInspectView
    list_display = ["name", "event", "direction", "organisation", "declared_size"]
    list_select_related = ("event", "organisation")
    home_timezone_field = "home_timezone"
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


class DelegationMemberViewSet(EventsRecordViewSet):
    model = DelegationMember
    index_view_class = BulkRecordIndexView
    icon = "user"
    list_display = ["person", "delegation", "role", "arrival_at", "departure_at"]
    list_select_related = ("person", "delegation")
    home_timezone_field = "delegation__home_timezone"
    filterset_class = filters.DelegationMemberFilterSet
    search_fields = ["person__family_name", "person__given_name", "person__native_name"]
    list_export = ["person", "delegation", "role", "arrival_at", "arrival_flight", "departure_at"]
    panels = [
        FieldRowPanel([FieldPanel("delegation"), FieldPanel("person"), FieldPanel("role")]),
        FieldRowPanel(
            [FieldPanel("arrival_at"), FieldPanel("arrival_flight"), FieldPanel("arrival_airport")],
            heading=capfirst(_("arrival")),
        ),
        FieldRowPanel(
            [
                FieldPanel("departure_at"),
                FieldPanel("departure_flight"),
                FieldPanel("departure_airport"),
            ],
            heading=capfirst(_("departure")),
        ),
        FieldPanel("notes"),
    ]


class ItineraryItemViewSet(EventsRecordViewSet):
    model = ItineraryItem
    icon = "list-ul"
    add_view_class = events.ItineraryItemCreateView
    delete_view_class = events.ItineraryItemDeleteView
    edit_view_class = events.ItineraryItemEditView
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
                heading=capfirst(_("where")),
            ),
            MultiFieldPanel(
                [FieldPanel("principals"), FieldPanel("members"), FieldPanel("people")],
                heading=capfirst(_("who")),
            ),
            translated("public_description", _("public description"), widget=short_text()),
            FieldPanel("private_notes"),
        ],
        base_form_class=ItineraryItemAdminForm,
    )


class ItineraryStaffViewSet(EventsRecordViewSet):
    model = ItineraryStaff
    icon = "user"
    list_display = ["person", "item", "role", "language_from", "language_to"]
    language_fields = ("language_from", "language_to")
    list_select_related = ("person", "item")
    filterset_class = filters.ItineraryStaffFilterSet
    search_fields = ["person__family_name", "person__given_name", "person__native_name"]
    edit_handler = ObjectList(
        [
            FieldPanel("item"),
            FieldRowPanel([FieldPanel("person"), FieldPanel("role")]),
            FieldRowPanel(
                [FieldPanel("language_from"), FieldPanel("language_to")],
                heading=capfirst(_("interpreting")),
            ),
        ],
        base_form_class=ItineraryStaffAdminForm,
    )


class InvitationViewSet(EventsRecordViewSet):
    model = Invitation
    index_view_class = BulkRecordIndexView
    icon = "mail"
    add_view_class = invitations.InvitationCreateView
    index_view_class = invitations.InvitationIndexView
    copy_view_enabled = False
    # The link's fingerprint is of no use to a reader; the link itself is never stored.
    inspect_view_fields_exclude = ["token_hash"]
    list_display = ["person", "event", "status", "companions", "respond_by", "sent_at"]
    list_select_related = ("person", "event")
    filterset_class = filters.InvitationFilterSet
    search_fields = ["person__family_name", "person__given_name", "person__native_name"]
    list_export = ["person", "event", "status", "companions", "dietary_requirements", "sent_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("event"),
            FieldPanel("person"),
            FieldRowPanel([FieldPanel("respond_by"), FieldPanel("max_companions")]),
        ],
        base_form_class=InvitationAdminForm,
    )
    # Replies (status, companions, needs) are the guest's, recorded by the RSVP service.
    edit_panels = ObjectList(
        [
            FieldRowPanel([FieldPanel("respond_by"), FieldPanel("max_companions")]),
            FieldPanel("dietary_requirements"),
            FieldPanel("accessibility_needs"),
        ],
        base_form_class=InvitationAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "link/<int:pk>/",
                invitations.InvitationReissueLinkView.as_view(),
                name="reissue_link",
            ),
        ]


class RegistrationViewSet(EventsRecordViewSet):
    model = Registration
    icon = "form"
    index_view_class = registrations.RegistrationIndexView
    inspect_view_class = registrations.RegistrationInspectView
    edit_view_class = registrations.RegistrationEditView
    copy_view_enabled = False
    list_display = ["family_name", "given_name", "event", "status", "nationality", "created_at"]
    language_fields = ("language",)
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
        # Wagtail's minimap cuts labels after 22 characters ("Name in your own scrip…").
        FieldPanel("native_name", heading=capfirst(_("native-script name"))),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("nationality"), FieldPanel("university")]),
        FieldPanel("home_organisation", heading=capfirst(_("city or university"))),
        FieldRowPanel(
            [
                FieldPanel(
                    "passport_number", permission=registrations.SENSITIVE_REGISTRATION_PERMISSION
                ),
                FieldPanel(
                    "date_of_birth", permission=registrations.SENSITIVE_REGISTRATION_PERMISSION
                ),
            ]
        ),
        FieldRowPanel(
            [
                FieldPanel("emergency_contact_name"),
                FieldPanel("emergency_contact_phone", heading=capfirst(_("emergency phone"))),
            ]
        ),
        FieldPanel("dietary_requirements"),
        FieldPanel("person"),
        FieldRowPanel(
            [FieldPanel("score"), FieldPanel("review_note")], heading=capfirst(_("review"))
        ),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", registrations.RegistrationReviewView.as_view(), name="review"),
        ]


class FeedTokenViewSet(EventsRecordViewSet):
    model = FeedToken
    name = "feed_token"
    icon = "calendar"
    menu_label = _("Calendar feed links")
    index_view_class = feed_links.FeedTokenIndexView
    add_view_class = feed_links.FeedTokenCreateView
    edit_view_class = EditView
    copy_view_enabled = False
    list_display = [
        "__str__",
        "kind",
        "delegation",
        "person",
        "resource",
        "language",
        "last_used_at",
        "revoked_at",
    ]
    language_fields = ("language",)
    list_filter = ["kind"]
    list_select_related = ("delegation", "person", "resource")
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldRowPanel([FieldPanel("delegation"), FieldPanel("person"), FieldPanel("resource")]),
            FieldRowPanel([FieldPanel("label"), FieldPanel("language")]),
        ],
        base_form_class=FeedTokenForm,
    )
    # What a link opens is fixed at creation; for another target, make another link.
    edit_panels = ObjectList(
        [FieldRowPanel([FieldPanel("label"), FieldPanel("language")])],
        base_form_class=FeedTokenForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("rotate/<int:pk>/", feed_links.FeedTokenRotateView.as_view(), name="rotate"),
            path("revoke/<int:pk>/", feed_links.FeedTokenRevokeView.as_view(), name="revoke"),
        ]
