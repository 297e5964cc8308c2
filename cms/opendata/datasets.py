"""The published datasets: what each holds (columns and their types), and its rows.

No dataset holds personal data: ties between cities, public events, yearly counts of
visits by country, and the official names handbook (the city's names for its agencies, places
and titles). Each column's type drives the CSV, the JSON and the JSON Schema alike.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Max
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crm.models import GlossaryTerm, Relationship
from crm.selectors.ties import sister_cities_in_order
from events.models import Delegation, Event

LICENCE_NAME = _("Open Government Data License, Taiwan, version 1.0")
LICENCE_URL = "https://data.gov.tw/license"
INTEGER, STRING, DATE, DATETIME, BOOLEAN = "integer", "string", "date", "date-time", "boolean"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    # An integer that may be missing (null in JSON, empty in CSV).
    optional: bool = False


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    frequency: str  # a Dublin Core frequency term (DCAT accrualPeriodicity)
    frequency_label: str
    columns: tuple
    formats: tuple

    def rows(self):
        return ROWS[self.slug]()

    def last_modified(self):
        return LAST_MODIFIED[self.slug]()


def sister_city_rows():
    for ordinal, tie in sister_cities_in_order():
        partner = tie.partner
        yield {
            "ordinal": ordinal,
            "city_zh_hant": partner.name_zh_hant or "",
            "city_en": partner.name_en or "",
            "country": str(partner.country or ""),
            "type": tie.type,
            "status": tie.status,
            "signed_on": tie.signed_on.isoformat() if tie.signed_on else "",
        }


def public_event_rows():
    events = Event.objects.public().select_related("venue").order_by("starts_at", "pk")
    for event in events:
        yield {
            "uid": str(event.uid),
            "title_zh_hant": event.title_zh_hant or "",
            "title_en": event.title_en or "",
            "kind": event.kind,
            "status": event.status,
            "starts_at": timezone.localtime(event.starts_at).isoformat(),
            "ends_at": timezone.localtime(event.ends_at).isoformat(),
            "place": str(event.venue) if event.venue else event.location,
        }


def visit_figure_rows():
    """Visits (inbound delegations) and visitors per year and country, as the report counts."""
    rows = (
        Delegation.objects.inbound()
        .annotate(year=ExtractYear("event__starts_at"), member_count=Count("members"))
        .values_list("year", "organisation__country", "declared_size", "member_count")
    )
    visits, visitors = Counter(), Counter()
    for year, country, declared, members in rows:
        key = (year, country or "")
        visits[key] += 1
        visitors[key] += declared if declared is not None else members
    for year, country in sorted(visits):
        yield {
            "year": year,
            "country": country,
            "visits": visits[(year, country)],
            "visitors": visitors[(year, country)],
        }


def official_name_rows():
    """The handbook, kind by kind; demo entries say they are illustrative."""
    for term in GlossaryTerm.objects.order_by("kind", "name_zh_hant", "pk"):
        yield {
            "kind": term.kind,
            "name_zh_hant": term.name_zh_hant or "",
            "name_en": term.name_en or "",
            "name_ja": term.name_ja or "",
            "name_ko": term.name_ko or "",
            "notes": term.notes,
            "illustrative": term.is_illustrative,
        }


def _latest(queryset):
    return queryset.aggregate(latest=Max("updated_at"))["latest"]


ROWS = {
    "sister-cities": sister_city_rows,
    "public-events": public_event_rows,
    "visit-figures": visit_figure_rows,
    "official-names": official_name_rows,
}
LAST_MODIFIED = {
    "sister-cities": lambda: _latest(Relationship.objects.all()),
    "public-events": lambda: _latest(Event.objects.public()),
    "visit-figures": lambda: _latest(Delegation.objects.inbound()),
    "official-names": lambda: _latest(GlossaryTerm.objects.all()),
}

DATASETS = (
    Dataset(
        slug="sister-cities",
        title=_("Sister and friendship cities"),
        description=_(
            "The city's sister and friendship cities in the order they were signed, with the "
            "number each city received, its country, the kind of tie and its status."
        ),
        frequency="http://purl.org/cld/freq/irregular",
        frequency_label=_("when a tie is signed or changes"),
        columns=(
            # Undated ties from the public list have no place in the signing order.
            Column("ordinal", INTEGER, _("the city's number in signing order"), optional=True),
            Column("city_zh_hant", STRING, _("the city's name in Chinese")),
            Column("city_en", STRING, _("the city's name in English")),
            Column("country", STRING, _("ISO 3166 country code")),
            Column("type", STRING, _("sister_city or friendship_city")),
            Column("status", STRING, _("active, suspended or ended")),
            Column("signed_on", DATE, _("date of signing (empty if not on record)")),
        ),
        formats=("csv", "json"),
    ),
    Dataset(
        slug="public-events",
        title=_("Public events"),
        description=_(
            "International events the office holds or takes part in and publishes: title, "
            "kind, dates and place. The calendar (iCal) holds the same events."
        ),
        frequency="http://purl.org/cld/freq/daily",
        frequency_label=_("daily"),
        columns=(
            Column("uid", STRING, _("the event's permanent identifier")),
            Column("title_zh_hant", STRING, _("title in Chinese")),
            Column("title_en", STRING, _("title in English")),
            Column("kind", STRING, _("kind of event")),
            Column("status", STRING, _("confirmed or cancelled")),
            Column("starts_at", DATETIME, _("start, Taiwan time")),
            Column("ends_at", DATETIME, _("end, Taiwan time")),
            Column("place", STRING, _("venue or place")),
        ),
        formats=("csv", "json", "ics"),
    ),
    Dataset(
        slug="visit-figures",
        title=_("Foreign visits by year and country"),
        description=_(
            "Foreign delegations received by the city (visits) and the people who came with "
            "them (visitors), per year and country, counted as in the office's annual report."
        ),
        frequency="http://purl.org/cld/freq/monthly",
        frequency_label=_("monthly"),
        columns=(
            Column("year", INTEGER, _("calendar year")),
            Column("country", STRING, _("ISO 3166 country code (empty if unknown)")),
            Column("visits", INTEGER, _("delegations received")),
            Column("visitors", INTEGER, _("people in those delegations")),
        ),
        formats=("csv", "json"),
    ),
    Dataset(
        slug="official-names",
        title=_("Official names handbook"),
        description=_(
            "How the city government writes the names of its agencies, places and titles in "
            "Chinese, English, Japanese and Korean, so that each is written the same way "
            "everywhere."
        ),
        frequency="http://purl.org/cld/freq/irregular",
        frequency_label=_("when a name is added or changed"),
        columns=(
            Column("kind", STRING, _("agency, place or title")),
            Column("name_zh_hant", STRING, _("the official name in Chinese")),
            Column("name_en", STRING, _("the official name in English (empty if none)")),
            Column("name_ja", STRING, _("the official name in Japanese (empty if none)")),
            Column("name_ko", STRING, _("the official name in Korean (empty if none)")),
            Column("notes", STRING, _("notes on use")),
            Column("illustrative", BOOLEAN, _("true for an entry invented for the demo")),
        ),
        formats=("csv", "json"),
    ),
)
BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
