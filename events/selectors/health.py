"""The facts behind each tie's health: visits each way, last contact, expiry (crm/health.py)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.utils import timezone

from crm.health import WINDOW_YEARS, Health, relationship_health
from crm.models import Interaction, Relationship, RelationshipRenewal

from ..enums import Direction
from ..models import Delegation


@dataclass
class TieHealth:
    relationship: Relationship
    partner: object
    visits_in: int
    visits_out: int
    last_contact: datetime.date | None
    expires_on: datetime.date | None
    health: Health


def ties_health(*, today=None, years=WINDOW_YEARS, relationship_type=None, band=None):
    """Every active tie with its health, worst first; three queries whatever the number."""
    today = today or timezone.localdate()
    since = (
        today.replace(year=today.year - years)
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year - years, day=28)
    )
    latest_renewal = RelationshipRenewal.objects.filter(relationship=OuterRef("pk")).order_by(
        "-renewed_on"
    )
    # Contact: an interaction naming the tie, or naming the partner organisation.
    ties = (
        Relationship.objects.active()
        .select_related("source", "target")
        .annotate(
            renewed_expiry=Subquery(latest_renewal.values("expires_on")[:1]),
            tie_contact=Max(
                "interactions__occurred_on", filter=Q(interactions__occurred_on__lte=today)
            ),
        )
        .order_by("pk")
    )
    if relationship_type:
        ties = ties.filter(type=relationship_type)
    ties = list(ties)
    partners = {tie.pk: tie.partner for tie in ties}
    partner_ids = {partner.pk for partner in partners.values()}
    visits = {}
    for row in (
        Delegation.objects.filter(
            organisation_id__in=partner_ids,
            event__starts_at__date__gte=since,
            event__starts_at__date__lte=today,
        )
        .values("organisation_id", "direction")
        .annotate(count=Count("event_id", distinct=True))
    ):
        visits[(row["organisation_id"], row["direction"])] = row["count"]
    contacts = dict(
        Interaction.objects.filter(organisations__in=partner_ids, occurred_on__lte=today)
        .values("organisations")
        .annotate(last=Max("occurred_on"))
        .values_list("organisations", "last")
    )
    rows = []
    for tie in ties:
        partner = partners[tie.pk]
        dates = [d for d in (tie.tie_contact, contacts.get(partner.pk)) if d]
        last_contact = max(dates) if dates else None
        expires_on = tie.renewed_expiry or tie.expires_on
        visits_in = visits.get((partner.pk, Direction.INBOUND), 0)
        visits_out = visits.get((partner.pk, Direction.OUTBOUND), 0)
        health = relationship_health(
            today=today,
            visits_in=visits_in,
            visits_out=visits_out,
            last_contact=last_contact,
            signed_on=tie.signed_on,
            expires_on=expires_on,
            years=years,
        )
        if band and health.band != band:
            continue
        rows.append(
            TieHealth(tie, partner, visits_in, visits_out, last_contact, expires_on, health)
        )
    return sorted(rows, key=lambda row: (row.health.score, str(row.partner)))
