"""People, organisations and the dated, typed graph between them, one module per aggregate."""

from .days import DayOfNote
from .gifts import Gift
from .glossary import GlossaryTerm
from .imports import ImportRun, ImportSource
from .lists import MailingList, MailingListMember
from .merges import MergedRecord
from .organisations import Organisation
from .people import Affiliation, Person
from .search import SearchTerm
from .ties import CooperationArea, Interaction, Relationship, RelationshipRenewal

__all__ = [
    "Affiliation",
    "CooperationArea",
    "DayOfNote",
    "Gift",
    "GlossaryTerm",
    "ImportRun",
    "ImportSource",
    "Interaction",
    "MailingList",
    "MailingListMember",
    "MergedRecord",
    "Organisation",
    "Person",
    "Relationship",
    "RelationshipRenewal",
    "SearchTerm",
]
