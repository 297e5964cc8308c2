"""The contact records in the admin: organisations, people and their positions, ties between
organisations, their areas of cooperation, and interactions."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)

from core.panels import translated, translated_search_fields
from core.viewsets import RecordViewSet

from .. import views
from ..forms import PersonForm
from ..models import Affiliation, CooperationArea, Interaction, Organisation, Person, Relationship
from ..views.duplicates import DuplicateWarningCreateView
from ..views.people import OrganisationIndexView, PersonFilterSet, PersonIndexView, PositionColumn
from .duplicates import FollowMergesMixin


def affiliation_panels(*, with_person):
    panels = [FieldPanel("person")] if with_person else []
    return [
        *panels,
        FieldPanel("organisation"),
        translated("position_title", _("position title")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("office_rank"), FieldPanel("is_primary")]),
    ]


class CrmViewSet(FollowMergesMixin, RecordViewSet):
    """Shared settings: inspect pages for read-only staff, the audited history view.

    Plain edits go through Wagtail's create, edit and delete actions, which crm/audit.py
    replaces so that they write the audit entries with the changed fields.
    """

    inspect_view_class = views.CrmInspectView
    history_view_class = views.AuditHistoryView
    delete_view_class = views.CrmDeleteView
    copy_view_enabled = False
    list_per_page = 50


class OrganisationViewSet(CrmViewSet):
    model = Organisation
    icon = "site"
    url_prefix = "crm/organisations"
    inspect_view_class = views.OrganisationInspectView
    index_view_class = OrganisationIndexView
    add_view_class = DuplicateWarningCreateView
    list_display = ["name", "kind", "country", "parent", "is_home"]
    list_filter = ["kind", "is_home", "is_illustrative"]
    list_select_related = ("parent",)
    search_fields = [*translated_search_fields("name"), "native_name", "short_name"]
    inspect_view_fields = [
        *translated_search_fields("name"),
        "native_name",
        "short_name",
        "kind",
        "country",
        "parent",
        "website",
        "address",
        "notes",
        "is_illustrative",
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    translated("name", _("name")),
                    FieldRowPanel([FieldPanel("native_name"), FieldPanel("short_name")]),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
                    FieldPanel("parent"),
                    FieldPanel("is_home"),
                ],
                heading=_("Organisation"),
            ),
            ObjectList(
                [
                    FieldPanel("website"),
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                    FieldPanel("logo"),
                ],
                heading=_("Contact and place"),
            ),
            ObjectList([FieldPanel("notes"), FieldPanel("is_illustrative")], heading=_("Notes")),
        ]
    )


class PersonViewSet(CrmViewSet):
    model = Person
    icon = "user"
    url_prefix = "crm/people"
    inspect_view_class = views.PersonInspectView
    index_view_class = PersonIndexView
    add_view_class = DuplicateWarningCreateView
    # __str__ is the printed name (family-first for CJK names) under the model's own label.
    list_display = [
        "__str__",
        "chinese_name",
        "native_name",
        "honorific",
        PositionColumn("current_title", label=capfirst(_("current position"))),
        "email",
    ]
    filterset_class = PersonFilterSet
    search_fields = ["family_name", "given_name", "native_name", "chinese_name", "email"]
    inspect_view_fields = [
        "courtesy_title",
        "honorific",
        "family_name",
        "given_name",
        "name_suffix",
        "native_name",
        "chinese_name",
        "email",
        "phone",
        "preferred_languages",
        "dietary_requirements",
        "accessibility_needs",
        "precedence_override",
        "notes",
        "is_illustrative",
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("family_name"), FieldPanel("given_name")]),
                    FieldRowPanel([FieldPanel("name_order"), FieldPanel("name_suffix")]),
                    FieldRowPanel([FieldPanel("native_name"), FieldPanel("chinese_name")]),
                    FieldRowPanel([FieldPanel("courtesy_title"), FieldPanel("honorific")]),
                ],
                heading=_("Name"),
            ),
            ObjectList(
                [
                    # Affiliations are owned by the person (ParentalKey), so they are edited
                    # here and saved with the person in one transaction.
                    InlinePanel(
                        "affiliations",
                        panels=affiliation_panels(with_person=False),
                        heading=_("Positions held"),
                        label=_("position"),
                    )
                ],
                heading=_("Positions"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    FieldPanel("preferred_languages"),
                    FieldPanel("photo"),
                    FieldPanel("user"),
                ],
                heading=_("Contact"),
            ),
            ObjectList(
                [
                    FieldPanel("dietary_requirements"),
                    FieldPanel("accessibility_needs"),
                    FieldPanel("precedence_override"),
                    FieldPanel("notes"),
                    FieldPanel("is_illustrative"),
                ],
                heading=_("Protocol"),
            ),
        ],
        base_form_class=PersonForm,
    )


class AffiliationViewSet(CrmViewSet):
    model = Affiliation
    icon = "clipboard-list"
    url_prefix = "crm/affiliations"
    list_display = [
        "person",
        "organisation",
        "position_title",
        "office_rank",
        "start_date",
        "end_date",
        "is_primary",
    ]
    list_filter = ["office_rank", "is_primary"]
    list_select_related = ("person", "organisation")
    search_fields = [
        "person__family_name",
        "person__given_name",
        "person__native_name",
        *translated_search_fields("name", prefix="organisation__"),
        *translated_search_fields("position_title"),
    ]
    panels = affiliation_panels(with_person=True)


class CooperationAreaViewSet(CrmViewSet):
    model = CooperationArea
    icon = "tag"
    url_prefix = "crm/areas"
    list_display = ["name", "slug"]
    search_fields = ["slug", *translated_search_fields("name")]
    panels = [FieldPanel("slug"), translated("name", _("name"))]


class RelationshipViewSet(CrmViewSet):
    model = Relationship
    icon = "link"
    url_prefix = "crm/relationships"
    list_display = ["__str__", "type", "status", "signed_on", "expires_on"]
    list_filter = ["type", "status", "is_illustrative"]
    list_select_related = ("source", "target")
    search_fields = [
        *translated_search_fields("name", prefix="source__"),
        *translated_search_fields("name", prefix="target__"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("source"), FieldPanel("target")]),
                    FieldRowPanel([FieldPanel("type"), FieldPanel("status")]),
                    FieldRowPanel(
                        [
                            FieldPanel("signed_on"),
                            FieldPanel("expires_on"),
                            FieldPanel("ended_on"),
                        ]
                    ),
                    FieldPanel("signatories"),
                    FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Agreement"),
            ),
            ObjectList(
                [
                    # Renewals belong to the relationship (ParentalKey) and save with it.
                    InlinePanel(
                        "renewals",
                        panels=[
                            FieldRowPanel([FieldPanel("renewed_on"), FieldPanel("expires_on")]),
                            FieldPanel("notes"),
                        ],
                        heading=_("Renewals"),
                        label=_("renewal"),
                    )
                ],
                heading=_("Renewals"),
            ),
            ObjectList(
                [
                    translated("summary", _("summary")),
                    FieldPanel("documents"),
                    FieldPanel("notes"),
                    FieldPanel("is_illustrative"),
                ],
                heading=_("Summary and documents"),
            ),
        ]
    )


class InteractionViewSet(CrmViewSet):
    model = Interaction
    icon = "openquote"
    url_prefix = "crm/interactions"
    add_view_class = views.InteractionCreateView
    list_display = ["subject", "occurred_on", "kind", "relationship", "gift_description"]
    list_filter = ["kind", "is_illustrative"]
    list_select_related = ("relationship__source", "relationship__target")
    search_fields = ["subject", "description", "gift_description"]
    panels = [
        FieldRowPanel([FieldPanel("occurred_on"), FieldPanel("kind")]),
        FieldPanel("subject"),
        FieldPanel("description"),
        FieldPanel("organisations"),
        FieldPanel("people"),
        FieldPanel("relationship"),
        MultiFieldPanel(
            [
                FieldPanel("gift_description"),
                FieldRowPanel([FieldPanel("gift_value"), FieldPanel("gift_currency")]),
            ],
            heading=_("Gift"),
        ),
        FieldPanel("is_illustrative"),
    ]
