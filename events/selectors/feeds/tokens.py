"""Private feed links: the token a secret opens, and the language its feed speaks."""

import hashlib
import hmac

from django.conf import settings

from ...models import DelegationMember, FeedToken


def hash_token(secret):
    """The SHA-256 hex digest under which a feed secret is stored and looked up."""
    return hashlib.sha256(secret.encode()).hexdigest()


def get_feed_token(secret):
    """The live FeedToken for a secret; FeedToken.DoesNotExist if unknown or revoked."""
    digest = hash_token(secret)
    token = (
        FeedToken.objects.select_related("delegation", "person", "resource")
        .filter(token_hash=digest, revoked_at__isnull=True)
        .first()
    )
    # The lookup is by hash; the constant-time comparison guards against any index or
    # collation quirk ever matching a different value.
    if token is None or not hmac.compare_digest(token.token_hash, digest):
        raise FeedToken.DoesNotExist
    return token


def token_language(token):
    """The language a token's feed speaks unless ?lang= says otherwise."""
    if token.language:
        return token.language
    if token.person_id:
        return token.person.preferred_language
    if token.delegation_id:
        head = (
            DelegationMember.objects.filter(delegation_id=token.delegation_id)
            .select_related("person")
            .order_by("role", "pk")
            .first()
        )
        if head is not None:
            return head.person.preferred_language
    return settings.LANGUAGE_CODE
