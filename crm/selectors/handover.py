"""What a predecessor leaves behind: their history with the city, for the hand-over page.

crm knows interactions, gifts and agreements; events adds visits, invitations and feed links
through the `register_handover_facts` hook (crm never imports events).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..models import Gift, Interaction, MailingListMember, Relationship

HANDOVER_FACTS_HOOK = "register_handover_facts"
HANDOVER_MOVES_HOOK = "register_handover_moves"


@dataclass
class Section:
    """One heading of the hand-over page and its rows (plain strings or model instances)."""

    title: str
    rows: list = field(default_factory=list)
    moves: bool = False  # the hand-over action moves these rows to the successor


def handover_sections(person):
    """The predecessor's history, section by section; a fixed number of queries per section."""
    sections = [
        Section(
            _("Interactions"),
            list(Interaction.objects.filter(people=person).order_by("-occurred_on", "-pk")),
        ),
        Section(
            _("Gifts"),
            list(
                Gift.objects.filter(counterpart_person=person).select_related(
                    "counterpart_person", "counterpart_organisation"
                )
            ),
        ),
        Section(
            _("Agreements signed"),
            list(
                Relationship.objects.filter(signatories=person)
                .select_related("source", "target")
                .order_by("-signed_on", "-pk")
            ),
        ),
        Section(
            _("Mailing lists"),
            [
                membership.mailing_list
                for membership in MailingListMember.objects.filter(person=person)
                .select_related("mailing_list")
                .order_by("mailing_list__name")
            ],
            moves=True,
        ),
    ]
    for hook in hooks.get_hooks(HANDOVER_FACTS_HOOK):
        sections.extend(hook(person))
    return sections
