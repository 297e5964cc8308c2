"""Envoys' tours in the states the tour tests start from: accepted, and with forum interests."""

from events.programmes.envoy_tour.services import (
    invite_envoys,
    set_department_areas,
    set_envoy_interests,
)
from tests.factories.programmes import accept_invitation, build_tour


def accepted_tour(companions, **kwargs):
    """A tour whose envoys have all accepted, envoy n with companions[n] spouse and staff."""
    tour = build_tour(envoys=len(companions), **kwargs)
    invitations = invite_envoys(tour.event, max_companions=3)
    invitations = [accept_invitation(i, n) for i, n in zip(invitations, companions)]
    return tour, invitations


def interested_tour():
    """Three accepted envoys who all wish to meet trade; the first tourism, the third education."""
    tour, invitations = accepted_tour([0, 0, 0])
    areas = tour.areas
    for slug, department in tour.departments.items():
        set_department_areas(department, [areas[slug]])
    set_envoy_interests(invitations[0], [areas["trade"], areas["tourism"]])
    set_envoy_interests(invitations[1], [areas["trade"]])
    set_envoy_interests(invitations[2], [areas["trade"], areas["education"]])
    return tour, invitations
