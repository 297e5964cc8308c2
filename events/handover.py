"""events' part of a crm hand-over: visits, invitations and feed links of a predecessor.

crm asks through the register_handover_facts / register_handover_moves hooks
(crm/selectors/handover.py) and never imports events.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from crm.selectors.handover import Section

from .enums import InvitationStatus
from .models import DelegationMember, FeedToken, Invitation
from .services.feeds import create_feed_token, revoke_feed_token

# Only invitations nobody has answered move: an acceptance carries the predecessor's own
# diet, needs and companions, which staff settle with the successor by hand.
MOVABLE_STATUSES = (InvitationStatus.PENDING, InvitationStatus.WAITLISTED)


def _future_invitations(person, now):
    return Invitation.objects.filter(person=person, event__ends_at__gte=now)


def handover_facts(person):
    """Sections for the hand-over page: visits made, open invitations, active feed links."""
    now = timezone.now()
    return [
        Section(
            _("Visits and delegations"),
            [
                f"{timezone.localtime(member.delegation.event.starts_at):%Y-%m-%d} · "
                f"{member.delegation.event} · {member.delegation} "
                f"({member.get_role_display()})"
                for member in DelegationMember.objects.filter(person=person)
                .select_related("delegation__event")
                .order_by("-delegation__event__starts_at")
            ],
        ),
        Section(
            _("Future invitations"),
            list(
                _future_invitations(person, now)
                .select_related("event", "person")
                .order_by("event__starts_at")
            ),
            moves=True,
        ),
        Section(
            _("Feed links"),
            list(FeedToken.objects.filter(person=person, revoked_at__isnull=True)),
            moves=True,
        ),
    ]


def handover_moves(predecessor, successor, user):
    """Move unanswered future invitations and reissue personal feed links to the successor."""
    now = timezone.now()
    already = Invitation.objects.filter(person=successor).values("event_id")
    invitations = (
        _future_invitations(predecessor, now)
        .filter(status__in=MOVABLE_STATUSES)
        .exclude(event_id__in=already)
        .select_for_update()
    )
    moved = 0
    for invitation in invitations:
        # A new token: the old link was sent to the predecessor and must stop working.
        invitation.person = successor
        invitation.issue_token()
        invitation.sent_at = None
        invitation.reminded_at = None
        invitation.sequence += 1
        invitation.save()
        moved += 1
    feeds = 0
    for token in FeedToken.objects.filter(Q(person=predecessor), revoked_at__isnull=True).order_by(
        "pk"
    ):
        # The secret is only a hash: the predecessor's link is revoked and the successor gets a
        # new one (shown on the feed links page), so no calendar keeps someone else's diary.
        revoke_feed_token(token, user=user)
        create_feed_token(
            token.kind,
            person=successor,
            label=token.label or gettext("handed over"),
            language=token.language,
            user=user,
        )
        feeds += 1
    return {"invitations": moved, "feed_links": feeds}
