"""The CRM back office: one Wagtail admin menu group with a viewset per record type."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSetGroup

from core.bulk import BulkRecordIndexView
from core.panels import translated, translated_search_fields
from core.viewsets import RecordViewSet

from .. import audit, views
from ..bulk_actions import BULK_ACTIONS
from ..choosers import crm_choosers
from ..forms import PersonForm
from ..models import (
    Affiliation,
    CooperationArea,
    DayOfNote,
    Gift,
    GlossaryTerm,
    Interaction,
    MailingList,
    Organisation,
    Person,
    Relationship,
)
from ..views.duplicates import DuplicateWarningCreateView
from ..views.gifts import GiftFilterSet, GiftForm, GiftIndexView
from ..views.people import (
    OrganisationIndexView,
    PersonFilterSet,
    PersonIndexView,
    PositionColumn,
)
from . import (
    duplicates,
    exports,
    handover,
    imports,
    search,  # noqa: F401 (registers the admin search)
)


def affiliation_panels(*, with_person):
    panels = [FieldPanel("person")] if with_person else []
    return [
        *panels,
        FieldPanel("organisation"),
        translated("position_title", _("position title")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("office_rank"), FieldPanel("is_primary")]),
    ]


class CrmViewSet(duplicates.FollowMergesMixin, RecordViewSet):
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
    index_view_class = BulkRecordIndexView
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
    index_view_class = BulkRecordIndexView
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
        PositionColumn("current_title", label=_("current position")),
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


class GiftViewSet(CrmViewSet):
    """The gift register; ?for_declaration=on lists what the ethics officer must see."""

    model = Gift
    icon = "pick"
    url_prefix = "crm/gifts"
    index_view_class = GiftIndexView
    filterset_class = GiftFilterSet
    list_display = [
        "given_on",
        "description",
        "direction",
        Column("counterpart", label=_("giver or recipient")),
        "value",
        "currency",
        Column("value_twd", label=_("value in NT$")),
        Column("declaration_reason", label=_("to declare because")),
        "declared_on",
    ]
    list_export = [
        "given_on",
        "occasion",
        "direction",
        "description",
        "counterpart",
        "value",
        "currency",
        "value_twd",
        "year_total_twd",
        "declaration_reason",
        "location",
        "declared_on",
    ]
    export_headings = {
        "counterpart": _("giver or recipient"),
        "value_twd": _("value in NT$"),
        "year_total_twd": _("received from this source that year, NT$"),
        "declaration_reason": _("to declare because"),
    }
    list_select_related = ("counterpart_person", "counterpart_organisation")
    search_fields = [*translated_search_fields("description"), "occasion", "location"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("given_on"), FieldPanel("direction")]),
            FieldPanel("occasion"),
            translated("description", _("gift")),
            FieldRowPanel(
                [FieldPanel("counterpart_person"), FieldPanel("counterpart_organisation")]
            ),
            FieldRowPanel(
                [FieldPanel("value"), FieldPanel("currency"), FieldPanel("estimated_value_twd")]
            ),
            FieldPanel("photo"),
            FieldPanel("location"),
            FieldPanel("interaction"),
            FieldPanel("declared_on"),
            FieldPanel("give_again"),
            FieldPanel("is_illustrative"),
        ],
        base_form_class=GiftForm,
    )


class DayOfNoteViewSet(RecordViewSet):
    """A partner's own days of note; visits on them are warned about (events/clashes.py)."""

    model = DayOfNote
    icon = "date"
    url_prefix = "crm/days-of-note"
    list_display = ["name", "organisation", "date", "recurs_yearly"]
    list_filter = ["recurs_yearly"]
    list_select_related = ("organisation",)
    search_fields = ["name"]
    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("recurs_yearly")]),
    ]


class GlossaryTermViewSet(CrmViewSet):
    """The official names handbook; edits are audited with their changes (history page)."""

    model = GlossaryTerm
    icon = "doc-full"
    url_prefix = "crm/official-names"
    list_display = ["name_zh_hant", "name_en", "name_ja", "name_ko", "kind"]
    list_filter = ["kind", "is_illustrative"]
    list_export = ["kind", "name_zh_hant", "name_en", "name_ja", "name_ko", "notes", "source"]
    search_fields = [*translated_search_fields("name"), "notes"]
    panels = [
        FieldPanel("kind"),
        translated("name", _("official name")),
        FieldPanel("notes"),
        FieldPanel("source"),
        FieldPanel("is_illustrative"),
    ]


class MailingListViewSet(CrmViewSet):
    """Who gets which kind of mail; members move to a successor with a hand-over."""

    model = MailingList
    icon = "mail"
    url_prefix = "crm/mailing-lists"
    list_display = ["name", "purpose", "updated_at"]
    list_filter = ["is_illustrative"]
    search_fields = ["name", "purpose"]
    panels = [
        FieldPanel("name"),
        FieldPanel("purpose"),
        InlinePanel("members", heading=_("Members"), label=_("member")),
        FieldPanel("is_illustrative"),
    ]


class CrmViewSetGroup(ModelViewSetGroup):
    menu_label = _("Contacts")
    menu_icon = "group"
    menu_order = 200
    items = (
        OrganisationViewSet("crm_organisation"),
        PersonViewSet("crm_person"),
        AffiliationViewSet("crm_affiliation"),
        RelationshipViewSet("crm_relationship"),
        CooperationAreaViewSet("crm_cooperationarea"),
        InteractionViewSet("crm_interaction"),
        GiftViewSet("crm_gift"),
        DayOfNoteViewSet("crm_dayofnote"),
        GlossaryTermViewSet("crm_glossaryterm"),
        MailingListViewSet("crm_mailinglist"),
        duplicates.DuplicatesViewSet(),
        exports.ExportViewSet(),
        imports.ImportViewSet(),
    )


@hooks.register("register_admin_viewset")
def register_crm_viewsets():
    return [CrmViewSetGroup(), handover.HandOverViewSet(), *crm_choosers()]


hooks.register("register_log_actions", audit.register_log_actions)
hooks.register("register_log_actions", imports.register_import_log_actions)
hooks.register("register_actions", audit.register_actions)
hooks.register("register_log_actions", duplicates.register_log_actions)
hooks.register("register_person_header_buttons", exports.vcard_buttons)

# Select people or organisations on their lists and export them (core.bulk).
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
hooks.register("register_person_header_buttons", handover.handover_buttons)
