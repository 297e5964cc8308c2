"""Reads of guests' replies for staff: the dashboard panel, the digest, pending changes."""

from ..enums import ProposedChangeStatus
from ..models import DietaryChange, Invitation


def replies_between(since, until):
    """Invitations answered in (since, until], newest first, with guest and event."""
    return list(
        Invitation.objects.filter(responded_at__gt=since, responded_at__lte=until)
        .select_related("person", "event")
        .order_by("-responded_at", "-pk")
    )


def recent_replies(since, *, limit=10):
    """The latest replies since `since`, for the dashboard (at most `limit`)."""
    return list(
        Invitation.objects.filter(responded_at__gt=since)
        .select_related("person", "event")
        .order_by("-responded_at", "-pk")[:limit]
    )


def pending_dietary_changes():
    """Dietary needs from replies waiting for an officer, oldest first."""
    return DietaryChange.objects.filter(status=ProposedChangeStatus.PENDING).select_related(
        "person", "invitation__event"
    )
