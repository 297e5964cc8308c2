"""Bulk actions on the contact lists (core.bulk): export the selected people or organisations.
Actions that write events' records (add to a delegation, group mail) are events' own."""

from core.bulk import ExportBulkAction

from .models import Organisation, Person


class ExportPeople(ExportBulkAction):
    model_class = Person
    fields = ("family_name", "given_name", "native_name", "chinese_name", "honorific", "email")


class ExportOrganisations(ExportBulkAction):
    model_class = Organisation
    fields = ("name", "native_name", "short_name", "country", "kind")


BULK_ACTIONS = (ExportPeople, ExportOrganisations)
