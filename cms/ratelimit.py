"""How often one client may post a public form: per real client address, in the shared cache.

Behind the production proxy every request comes from the proxy's address, and a campus
network shares one address towards us; counting per REMOTE_ADDR made them all share one
allowance, and counting in a process's memory gave every worker its own. The client is the
first address, read from the right of X-Forwarded-For, that is not one of our trusted proxies
(KIA_TRUSTED_PROXIES): entries further left were written by the client and prove nothing.
Valid submissions and refused ones are counted apart, so mistyping a form does not use up
the allowance for sending it, and a flood of bad posts is stopped on its own.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import caches

SUBMITTED = "submitted"
FAILED = "failed"


def _trusted_networks():
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.KIA_TRUSTED_PROXIES]


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request):
    """The address of the client that sent the request, as far as our own proxies vouch."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    networks = _trusted_networks()
    if not networks or not _is_trusted(address, networks):
        # Not through a proxy we run: X-Forwarded-For is the client's to write.
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, networks):
            return hop
        address = hop
    # Every hop is ours (a request from inside): the leftmost one is the client.
    return address


def _key(request, scope, outcome):
    # Hashed: a forwarded address is text from outside, and some caches refuse odd keys.
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return f"cms:rate:{scope}:{outcome}:{client}"


def _cache():
    return caches[settings.KIA_RATE_LIMIT_CACHE]


def over_rate_limit(request, scope):
    """True if this client has used up either allowance for the form `scope` (one read)."""
    limits = settings.KIA_PUBLIC_FORM_RATE_LIMIT
    keys = {outcome: _key(request, scope, outcome) for outcome in limits}
    counts = _cache().get_many(keys.values())
    return any(counts.get(keys[outcome], 0) >= limits[outcome][0] for outcome in limits)


def count_attempt(request, scope, outcome):
    """Count one submission of the form `scope` from this client as SUBMITTED or FAILED."""
    _attempts, seconds = settings.KIA_PUBLIC_FORM_RATE_LIMIT[outcome]
    key = _key(request, scope, outcome)
    cache = _cache()
    # add() then incr() is atomic on Redis and in local memory: concurrent posts all count.
    cache.add(key, 0, seconds)
    try:
        cache.incr(key)
    except ValueError:
        # The counter expired between add() and incr(): this is the first attempt again.
        cache.set(key, 1, seconds)
