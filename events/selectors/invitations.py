"""Reading invitations by their secret link."""

import hmac

from core.tokens import hash_secret

from ..models import Invitation


def get_invitation_for_token(token):
    """The invitation a token opens; Invitation.DoesNotExist for anything else."""
    # An empty or oversized token can never match, nor can one with a character a secret
    # never holds (a NUL byte is refused by PostgreSQL): refuse it without a query.
    if not isinstance(token, str) or not token or len(token) > 64 or not token.isprintable():
        raise Invitation.DoesNotExist
    digest = hash_secret(token)
    invitation = Invitation.objects.select_related("event", "person").get(token_hash=digest)
    # The lookup is by hash; the constant-time comparison guards against any collation quirk.
    if not hmac.compare_digest(invitation.token_hash, digest):
        raise Invitation.DoesNotExist
    return invitation
