"""A feed's addresses: one to download it, one (webcal://) that calendar apps subscribe to."""

from django.urls import reverse

from core.links import public_url


def feed_addresses(path, *, request=None, secure=False):
    """A feed path's download address and its webcal:// subscription address.

    Absolute on the request's host, or on KIA_PUBLIC_BASE_URL without a request; secure
    puts the download address on https whatever scheme the request came in on.
    """
    absolute = request.build_absolute_uri(path) if request else public_url(path)
    scheme, address = absolute.split("://", 1)
    return f"{'https' if secure else scheme}://{address}", f"webcal://{address}"


def private_feed_links(secret, *, request=None):
    """The https:// and webcal:// addresses of a private feed: its secret never goes out on http."""
    path = reverse("events:feed-private", kwargs={"secret": secret})
    return feed_addresses(path, request=request, secure=True)
