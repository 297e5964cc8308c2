"""Sister cities in their order, agreements falling due and ties gone quiet."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from ..enums import RelationshipStatus, RelationshipType
from ..models import Interaction, Relationship, RelationshipRenewal

CITY_TIE_TYPES = (RelationshipType.SISTER_CITY, RelationshipType.FRIENDSHIP_CITY)
ANNIVERSARY_YEARS = (5, 10, 20, 25, 30)


def sister_cities_in_order(*, as_of=None):
    """The home city's sister and friendship ties in signing order, numbered from 1.

    A partner counts once: a later tie with the same city (say an upgrade from friendship to
    sister city) carries the number the city first received. Ended ties keep their number,
    since the numbering is history; as_of leaves out ties signed after that date. A number a
    source states (the report's "Suwon, the 34th") stands, and later ties count on from it.
    Ties without a date come last with no number: nobody knows where they belong.
    """
    ties = (
        Relationship.objects.filter(Q(source__is_home=True) | Q(target__is_home=True))
        .filter(type__in=CITY_TIE_TYPES)
        .exclude(status=RelationshipStatus.PROPOSED)
        .select_related("source", "target")
        .order_by(F("signed_on").asc(nulls_last=True), "pk")
    )
    if as_of is not None:
        ties = ties.filter(Q(signed_on__lte=as_of) | Q(signed_on__isnull=True))
    ordinals = {}
    counted = 0
    numbered = []
    for tie in ties:
        partner = tie.partner.pk
        if partner not in ordinals:
            if tie.signed_on is None:
                ordinals[partner] = None
            else:
                counted = max(counted + 1, tie.stated_ordinal or 0)
                ordinals[partner] = counted
        numbered.append((ordinals[partner], tie))
    return numbered


@dataclass(frozen=True)
class AgreementDue:
    """A tie needing attention on a date: its renewal, or a round anniversary (years)."""

    relationship: Relationship
    date: datetime.date
    reason: str
    years: int | None = None


RENEWAL = "renewal"
ANNIVERSARY = "anniversary"


def anniversary(signed_on, years):
    """The date a tie turns `years` old; a 29 February signing is marked on 28 February."""
    try:
        return signed_on.replace(year=signed_on.year + years)
    except ValueError:
        return signed_on.replace(year=signed_on.year + years, day=28)


def agreements_due(*, within_days, today=None):
    """Active ties whose expiry or a 5/10/20/25/30-year anniversary falls within N days."""
    today = today or timezone.localdate()
    until = today + datetime.timedelta(days=within_days)
    signed_years = {
        year - years for year in range(today.year, until.year + 1) for years in ANNIVERSARY_YEARS
    }
    latest_renewal = RelationshipRenewal.objects.filter(relationship=OuterRef("pk")).order_by(
        "-renewed_on"
    )
    ties = (
        Relationship.objects.active()
        .annotate(renewed_expiry=Subquery(latest_renewal.values("expires_on")[:1]))
        .filter(
            Q(renewed_expiry__range=(today, until))
            | Q(renewed_expiry__isnull=True, expires_on__range=(today, until))
            | Q(signed_on__year__in=signed_years)
        )
        .select_related("source", "target")
    )
    due = []
    for tie in ties:
        expiry = tie.renewed_expiry or tie.expires_on
        if expiry and today <= expiry <= until:
            due.append(AgreementDue(tie, expiry, RENEWAL))
        for years in ANNIVERSARY_YEARS if tie.signed_on else ():
            date = anniversary(tie.signed_on, years)
            if today <= date <= until:
                due.append(AgreementDue(tie, date, ANNIVERSARY, years))
    return sorted(due, key=lambda item: (item.date, item.relationship.pk, item.reason))


def months_before(day, months):
    """The same day `months` calendar months earlier, clamped to that month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def dormant_ties(*, months, today=None):
    """Active ties in force with no interaction in the last N months (and older than that).

    An interaction counts when it names the tie, or names both of its organisations.
    """
    today = today or timezone.localdate()
    since = months_before(today, months)
    recent = Interaction.objects.filter(occurred_on__range=(since, today))
    return list(
        Relationship.objects.active()
        .as_of(today)
        # A tie signed within the window has not had N months to fall silent.
        .exclude(signed_on__gt=since)
        .exclude(Exists(recent.filter(relationship=OuterRef("pk"))))
        .exclude(
            Exists(
                recent.filter(organisations=OuterRef("source")).filter(
                    organisations=OuterRef("target")
                )
            )
        )
        .select_related("source", "target")
        .order_by(F("signed_on").asc(nulls_first=True), "pk")
    )
