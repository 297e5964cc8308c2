"""Reading invitations by their secret link."""

from ..models import Invitation


def get_invitation_for_token(token):
    """The invitation a token opens; Invitation.DoesNotExist for anything else."""
    # An empty or oversized token can never match; refuse it without a query.
    if not isinstance(token, str) or not token or len(token) > 64:
        raise Invitation.DoesNotExist
    return Invitation.objects.select_related("event", "person").get(token=token)
