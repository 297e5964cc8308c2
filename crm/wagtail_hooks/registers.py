"""Registers kept beside the contacts: gifts, partners' days of note, the official names
handbook and mailing lists."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column

from core.panels import translated, translated_search_fields
from core.viewsets import RecordViewSet

from ..forms import GiftForm
from ..models import DayOfNote, Gift, GlossaryTerm, MailingList
from ..views.gifts import GiftFilterSet, GiftIndexView
from .records import CrmViewSet


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
