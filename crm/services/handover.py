"""The hand-over from a predecessor to a successor in a position (envoy rotation)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.log_actions import log

from ..models import MailingListMember
from ..selectors.handover import HANDOVER_MOVES_HOOK


def move_list_memberships(predecessor, successor):
    """Put the successor on every mailing list the predecessor is on, and take the predecessor
    off; returns how many lists changed hands."""
    memberships = MailingListMember.objects.select_for_update().filter(person=predecessor)
    already = set(
        MailingListMember.objects.filter(person=successor).values_list("mailing_list_id", flat=True)
    )
    moved = 0
    for membership in memberships:
        if membership.mailing_list_id in already:
            membership.delete()  # the successor is on it already: one copy of the mail is enough
        else:
            membership.person = successor
            membership.save(update_fields=["person"])
        moved += 1
    return moved


@transaction.atomic
def hand_over(predecessor, successor, *, user=None):
    """Move what is still to come from predecessor to successor; returns {what: count}.

    crm moves mailing-list memberships; the apps that own the rest decide what of theirs moves
    (events: future invitations, personal feed links) through the `register_handover_moves`
    hook; each mover takes (predecessor, successor, user) and returns a dict of counts. One
    audit entry on each person records the hand-over.
    """
    if predecessor.pk == successor.pk:
        raise ValidationError(_("A person cannot hand over to themselves."))
    if predecessor.erased_at or successor.erased_at:
        raise ValidationError(_("An erased person's record cannot take part in a hand-over."))
    moved = {"mailing_lists": move_list_memberships(predecessor, successor)}
    for mover in hooks.get_hooks(HANDOVER_MOVES_HOOK):
        moved.update(mover(predecessor, successor, user))
    data = {"predecessor": predecessor.pk, "successor": successor.pk, "moved": moved}
    if user is not None:
        log(predecessor, "crm.hand_over", user=user, data=data)
        log(successor, "crm.hand_over", user=user, data=data)
    return moved
