"""The CRM back office: one Wagtail admin menu group with a viewset per record type.

The viewsets are declared in records.py (contacts) and registers.py (gifts, days of note,
official names, mailing lists), the pages beyond CRUD in a module each; this registers them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup

from .. import audit
from ..bulk_actions import BULK_ACTIONS
from ..choosers import crm_choosers
from . import (
    duplicates,
    exports,
    handover,
    imports,
    records,
    registers,
    search,
)


class CrmViewSetGroup(ModelViewSetGroup):
    menu_label = _("Contacts")
    menu_icon = "group"
    menu_order = 200
    items = (
        records.OrganisationViewSet("crm_organisation"),
        records.PersonViewSet("crm_person"),
        records.AffiliationViewSet("crm_affiliation"),
        records.RelationshipViewSet("crm_relationship"),
        records.CooperationAreaViewSet("crm_cooperationarea"),
        records.InteractionViewSet("crm_interaction"),
        registers.GiftViewSet("crm_gift"),
        registers.DayOfNoteViewSet("crm_dayofnote"),
        registers.GlossaryTermViewSet("crm_glossaryterm"),
        registers.MailingListViewSet("crm_mailinglist"),
        duplicates.DuplicatesViewSet(),
        exports.ExportViewSet(),
        imports.ImportViewSet(),
    )


@hooks.register("register_admin_viewset")
def register_crm_viewsets():
    return [
        CrmViewSetGroup(),
        handover.HandOverViewSet(),
        search.SearchViewSet(),
        *crm_choosers(),
    ]


hooks.register("register_log_actions", audit.register_log_actions)
hooks.register("register_log_actions", imports.register_import_log_actions)
hooks.register("register_actions", audit.register_actions)
hooks.register("register_log_actions", duplicates.register_log_actions)
hooks.register("register_person_header_buttons", exports.vcard_buttons)

# Select people or organisations on their lists and export them (core.bulk).
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
hooks.register("register_person_header_buttons", handover.handover_buttons)
