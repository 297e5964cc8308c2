"""Secrets behind links (calendar feeds, RSVP pages): made at random, stored only as a hash."""

import hashlib
import secrets


def new_secret():
    """A link secret: 32 random bytes (256 bits), URL-safe, 43 characters."""
    return secrets.token_urlsafe(32)


def hash_secret(secret):
    """The SHA-256 hex digest under which a secret is stored and looked up."""
    return hashlib.sha256(secret.encode()).hexdigest()
