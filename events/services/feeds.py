"""Writes for private feed links: create, rotate, revoke, and note their use.

The secret is returned once by create and rotate and never stored: only its SHA-256 is kept,
so a database leak does not open anyone's calendar (docs/decisions.md).
"""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.log_actions import log

from ..models import FeedToken
from ..selectors.feeds.tokens import hash_token

# Calendar clients poll every few minutes; one write per token per interval is enough.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)


def new_secret():
    # 32 bytes = 256 random bits, URL-safe.
    return secrets.token_urlsafe(32)


@transaction.atomic
def create_feed_token(
    kind, *, delegation=None, person=None, resource=None, label="", language="", user=None
):
    """Create a private feed link; returns (token, secret) and the secret only this once."""
    secret = new_secret()
    token = FeedToken(
        kind=kind,
        delegation=delegation,
        person=person,
        resource=resource,
        label=label,
        language=language,
        created_by=user,
        token_hash=hash_token(secret),
    )
    token.full_clean()
    token.save()
    log(token, "wagtail.create", user=user)
    return token, secret


@transaction.atomic
def rotate_feed_token(token, *, user=None):
    """Give a link a new secret; the old one stops working at once. Returns the new secret."""
    token = FeedToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ValidationError(gettext("A revoked feed link cannot be rotated; create a new one."))
    secret = new_secret()
    token.token_hash = hash_token(secret)
    token.full_clean()
    token.save(update_fields=["token_hash", "updated_at"])
    log(token, "wagtail.edit", user=user)
    return token, secret


@transaction.atomic
def revoke_feed_token(token, *, user=None, now=None):
    """Stop a link for good; calendars subscribed to it get 404 from now on."""
    token = FeedToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    log(token, "wagtail.edit", user=user)
    return token


def touch_feed_token(token, *, now=None):
    """Record that a link was used, at most once per LAST_USED_RESOLUTION (one query)."""
    now = now or timezone.now()
    FeedToken.objects.filter(pk=token.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_RESOLUTION)
    ).update(last_used_at=now)
