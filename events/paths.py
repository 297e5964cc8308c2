"""Delegation memberships as steps of "how do we know X" (crm/selectors/paths.py).

A member is linked to the organisation whose delegation they came with, and to the
organisation that hosted the event they came to.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from crm.selectors.nodes import ORGANISATION, PERSON, id_values, localised_columns, split_keys
from crm.selectors.paths import PathLink

from .models import DelegationMember, Event


def delegation_links(nodes):
    people, organisations = split_keys(nodes)
    touching = Q(pk__in=[])
    if people:
        touching |= Q(person_id__in=id_values(people))
    if organisations:
        ids = id_values(organisations)
        touching |= Q(delegation__organisation_id__in=ids)
        touching |= Q(delegation__event__host_organisation_id__in=ids)
    if not (people or organisations):
        return []
    titles = [f"delegation__event__{name}" for name in localised_columns(Event, "title")]
    rows = (
        DelegationMember.objects.filter(touching)
        .order_by()
        .values_list(
            "pk",
            "person_id",
            "delegation__name",
            "delegation__organisation_id",
            "delegation__event__host_organisation_id",
            "delegation__event__starts_at",
            *titles,
        )
    )
    links = []
    for pk, person, delegation, sender, host, starts_at, *event_titles in sorted(rows):
        date = timezone.localdate(starts_at)
        event = next((title for title in event_titles if title), "")

        def came_with(labels, person=person, sender=sender, d=delegation, e=event, date=date):
            return gettext(
                "%(person)s came with the delegation “%(delegation)s” of %(organisation)s "
                "to %(event)s on %(date)s"
            ) % {
                "person": labels[(PERSON, person)],
                "organisation": labels[(ORGANISATION, sender)],
                "delegation": d,
                "event": e,
                "date": date,
            }

        links.append(
            PathLink(
                ("delegation", pk),
                (PERSON, person),
                (ORGANISATION, sender),
                "delegation",
                date,
                came_with,
            )
        )
        if host and host != sender:

            def visited(labels, person=person, host=host, d=delegation, e=event, date=date):
                return gettext(
                    "%(person)s came to %(event)s, hosted by %(host)s, on %(date)s "
                    "(delegation “%(delegation)s”)"
                ) % {
                    "person": labels[(PERSON, person)],
                    "host": labels[(ORGANISATION, host)],
                    "delegation": d,
                    "event": e,
                    "date": date,
                }

            links.append(
                PathLink(
                    ("delegation-host", pk),
                    (PERSON, person),
                    (ORGANISATION, host),
                    "delegation",
                    date,
                    visited,
                )
            )
    return links
