"""People and organisations as CSV, XLSX and vCard: what leaves the office in a file.

The CSV and XLSX columns are the importer's field names (crm/importing/schema.py), so a file
exported here imports again unchanged. E-mail and phone numbers only go out to users with
`crm.export_contact_details`.
"""

import csv
import io
import uuid

import vobject
from django.conf import settings
from django.db.models import Prefetch
from modeltranslation.utils import build_localized_fieldname
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from phonenumbers import PhoneNumberFormat

from core.exports import csv_writer

from .importing.schema import PERSON_FIELDS
from .models import Affiliation, Organisation
from .names import format_name

PERSONAL_COLUMNS = ("email", "phone")
PEOPLE_COLUMNS = tuple(spec.name for spec in PERSON_FIELDS)
ORGANISATION_COLUMNS = (
    *(build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES),
    "native_name",
    "country",
    "latitude",
    "longitude",
    "website",
    "kind",
    "short_name",
    "address",
    "parent",
    "notes",
)
PERSONAL_PERMISSION = "crm.export_contact_details"


def may_export_personal(user):
    return user.has_perm(PERSONAL_PERMISSION)


def people_columns(*, personal):
    return [c for c in PEOPLE_COLUMNS if personal or c not in PERSONAL_COLUMNS]


def with_positions(queryset):
    """People with their positions and organisations, in three queries whatever the count."""
    return queryset.filter(erased_at__isnull=True).prefetch_related(
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.select_related("organisation").order_by(
                "-is_primary", "-start_date", "pk"
            ),
        )
    )


def _date(value):
    return value.isoformat() if value else ""


def person_row(person, columns):
    """One person as the importer reads them: the primary (or latest) position alongside."""
    position = next(iter(person.affiliations.all()), None)
    values = {
        "family_name": person.family_name,
        "given_name": person.given_name,
        "name_suffix": person.name_suffix,
        "native_name": person.native_name,
        "chinese_name": person.chinese_name,
        "name_order": person.name_order,
        "honorific": person.honorific,
        "email": person.email,
        # tel:+886-7-335-5006 (RFC 3966): no spreadsheet runs it as a formula, as it would
        # "+886...", so it needs no apostrophe, and the importer's phone parser reads it.
        "phone": person.phone.format_as(PhoneNumberFormat.RFC3966) if person.phone else "",
        "preferred_languages": ", ".join(person.preferred_languages or []),
        "organisation": position.organisation.name_en or position.organisation.name
        if position
        else "",
        "position_title": (position.position_title_en or position.position_title)
        if position
        else "",
        "office_rank": position.office_rank if position else "",
        "start_date": _date(position.start_date) if position else "",
        "end_date": _date(position.end_date) if position else "",
        "notes": person.notes,
    }
    return [values[column] for column in columns]


def organisation_row(organisation):
    values = {column: getattr(organisation, column, "") for column in ORGANISATION_COLUMNS}
    values["country"] = organisation.country.code if organisation.country else ""
    values["parent"] = (
        (organisation.parent.name_en or organisation.parent.name) if organisation.parent else ""
    )
    for column in ("latitude", "longitude"):
        values[column] = "" if values[column] is None else str(values[column])
    return [values[column] for column in ORGANISATION_COLUMNS]


def people_table(queryset, *, personal):
    columns = people_columns(personal=personal)
    return columns, (person_row(person, columns) for person in with_positions(queryset))


def organisations_table(queryset=None):
    queryset = Organisation.objects.all() if queryset is None else queryset
    rows = (organisation_row(o) for o in queryset.select_related("parent"))
    return list(ORGANISATION_COLUMNS), rows


def to_csv(columns, rows):
    """UTF-8 with a byte-order mark (Excel then reads CJK names), formulas neutralised."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv_writer(csv.writer(buffer))
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _xlsx_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str) and value.startswith("="):
        # openpyxl stores a string that begins with "=" as a formula; this one is text.
        cell.data_type = "s"
    return cell


def to_xlsx(columns, rows):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(columns))
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def person_vcard(person, *, version="3.0", personal=True):
    """One person as a vCard (3.0 or 4.0) that phone contact apps read."""
    card = vobject.vCard()
    card.add("version").value = version
    if version == "4.0":
        card.add("kind").value = "individual"
    family, given = person.family_name, person.given_name
    if not (family or given):
        family = person.native_name or person.chinese_name
    card.add("n").value = vobject.vcard.Name(
        family=family, given=given, prefix=person.honorific or "", suffix=person.name_suffix
    )
    card.add("fn").value = format_name(person) or family
    if person.native_name:
        card.add("x-native-name").value = person.native_name
    if person.chinese_name:
        # Phone apps show a nickname beside the name; the Chinese name is what staff search.
        card.add("nickname").value = person.chinese_name
    if personal and person.email:
        email = card.add("email")
        email.value = person.email
        email.type_param = "work" if version == "4.0" else "INTERNET"
    if personal and person.phone:
        tel = card.add("tel")
        if version == "4.0":
            tel.value = f"tel:{person.phone}"
            tel.params["VALUE"] = ["uri"]
        else:
            tel.value = str(person.phone)
        tel.type_param = "work" if version == "4.0" else "WORK"
    position = next(iter(person.affiliations.all()), None)
    if position is not None:
        card.add("org").value = [position.organisation.name_en or position.organisation.name]
        card.add("title").value = position.position_title_en or position.position_title
    if person.preferred_languages and version == "4.0":
        for index, code in enumerate(person.preferred_languages, start=1):
            lang = card.add("lang")
            lang.value = code
            lang.params["PREF"] = [str(index)]
    # Stable per person, so a phone updates the contact it already has on a second import.
    card.add("uid").value = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'kia:person:{person.pk}')}"
    return card


def people_vcards(queryset, *, version="3.0", personal=True):
    """Several people as one .vcf text, one card after another."""
    return "".join(
        person_vcard(person, version=version, personal=personal).serialize()
        for person in with_positions(queryset)
    )
