"""The hand-over from a predecessor to a successor in a position (envoy rotation)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.log_actions import log

from ..selectors.handover import HANDOVER_MOVES_HOOK


@transaction.atomic
def hand_over(predecessor, successor, *, user=None):
    """Move what is still to come from predecessor to successor; returns {what: count}.

    What moves is decided by the apps that own it (events: future invitations, personal feed
    links) through the `register_handover_moves` hook; each mover takes (predecessor, successor,
    user) and returns a dict of counts. One audit entry on each person records the hand-over.
    """
    if predecessor.pk == successor.pk:
        raise ValidationError(_("A person cannot hand over to themselves."))
    if predecessor.erased_at or successor.erased_at:
        raise ValidationError(_("An erased person's record cannot take part in a hand-over."))
    moved = {}
    for mover in hooks.get_hooks(HANDOVER_MOVES_HOOK):
        moved.update(mover(predecessor, successor, user))
    data = {"predecessor": predecessor.pk, "successor": successor.pk, "moved": moved}
    if user is not None:
        log(predecessor, "crm.hand_over", user=user, data=data)
        log(successor, "crm.hand_over", user=user, data=data)
    return moved
