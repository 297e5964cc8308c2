"""Which of two clashing rows a merge of two people keeps (crm.services.merge asks)."""

from .enums import InvitationStatus
from .models import Invitation

# A reply says more than no reply; an acceptance more than a refusal (the guest's latest
# word is usually the acceptance that brought them to the office's attention twice).
REPLY_ORDER = {
    InvitationStatus.PENDING: 0,
    InvitationStatus.WAITLISTED: 1,
    InvitationStatus.DECLINED: 2,
    InvitationStatus.ACCEPTED: 3,
}


def invitation_progress(invitation):
    """How far an invitation's reply has come; the merge keeps the higher one."""
    responded = invitation.responded_at.timestamp() if invitation.responded_at else 0
    return (REPLY_ORDER.get(invitation.status, 0), responded)


def merge_preferences():
    """register_merge_preferences hook: a person invited twice keeps the more advanced reply."""
    return {Invitation: invitation_progress}
