"""Issue 15, point 3: the public forms' allowance is per real client (behind our proxies),
per form, in the shared cache, with valid and refused posts counted apart."""

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from cms.ratelimit import client_address
from events.models import Registration
from tests.cms.test_registration import GOOD, _url
from tests.factories.events import EventFactory

PROXIES = ["10.0.0.0/24", "192.0.2.10"]  # a load balancer's network and a front proxy


def _request(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **headers)


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        # Through both proxies: the client is the first untrusted hop from the right.
        ("10.0.0.5", "203.0.113.9, 192.0.2.10", "203.0.113.9"),
        # What the client wrote itself (left of the real hop) is ignored.
        ("10.0.0.5", "1.2.3.4, 203.0.113.9, 192.0.2.10", "203.0.113.9"),
        ("192.0.2.10", "2001:db8::1", "2001:db8::1"),
        # Not from a proxy of ours: the header is the client's to forge.
        ("198.51.100.1", "203.0.113.9", "198.51.100.1"),
        # From a proxy without a header, or only our own hops: the leftmost is the client.
        ("10.0.0.5", None, "10.0.0.5"),
        ("10.0.0.5", "10.0.0.7", "10.0.0.7"),
        # A malformed hop where the client stands counts as that text, not as trusted.
        ("10.0.0.5", "not-an-address, 192.0.2.10", "not-an-address"),
    ],
)
def test_client_address_is_read_right_to_left_past_trusted_proxies(
    settings, remote, forwarded, client
):
    settings.KIA_TRUSTED_PROXIES = PROXIES

    assert client_address(_request(remote, forwarded)) == client


def test_without_trusted_proxies_forwarded_for_is_ignored(settings):
    settings.KIA_TRUSTED_PROXIES = []

    assert client_address(_request("198.51.100.1", "203.0.113.9")) == "198.51.100.1"


def _post(client, camp, email, forwarded):
    return client.post(
        _url(camp),
        {**GOOD, "email": email},
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR=f"{forwarded}, 192.0.2.10",
    )


def test_clients_behind_the_proxies_each_have_their_own_allowance(client, camp, settings):
    settings.KIA_TRUSTED_PROXIES = PROXIES
    settings.KIA_PUBLIC_FORM_RATE_LIMIT = {"submitted": (1, 3600), "failed": (5, 3600)}
    camp.capacity = 10
    camp.save()

    assert _post(client, camp, "a@example.org", "203.0.113.1").status_code == 302
    assert _post(client, camp, "b@example.org", "203.0.113.1").status_code == 429
    assert _post(client, camp, "c@example.org", "203.0.113.2").status_code == 302
    # A forged left-hand entry does not buy a new allowance.
    forged = _post(client, camp, "d@example.org", "6.6.6.6, 203.0.113.1")
    assert forged.status_code == 429
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "a@example.org",
        "c@example.org",
    ]


def test_refused_posts_do_not_use_up_the_allowance_for_sending(client, camp, settings):
    settings.KIA_PUBLIC_FORM_RATE_LIMIT = {"submitted": (1, 3600), "failed": (3, 3600)}

    for _attempt in range(2):
        assert client.post(_url(camp), {**GOOD, "email": "not-an-address"}).status_code == 400
    assert client.post(_url(camp), GOOD).status_code == 302
    # One valid submission is this client's whole allowance for sending.
    assert client.post(_url(camp), {**GOOD, "email": "x@example.org"}).status_code == 429


def test_a_flood_of_refused_posts_is_stopped(client, camp, settings):
    settings.KIA_PUBLIC_FORM_RATE_LIMIT = {"submitted": (5, 3600), "failed": (2, 3600)}

    for _attempt in range(2):
        assert client.post(_url(camp), {**GOOD, "email": "bad"}).status_code == 400
    assert client.post(_url(camp), GOOD).status_code == 429
    assert Registration.objects.count() == 0


def test_the_allowance_is_per_form(client, camp, settings):
    settings.KIA_PUBLIC_FORM_RATE_LIMIT = {"submitted": (1, 3600), "failed": (5, 3600)}
    other = EventFactory(
        is_public=True,
        takes_registrations=True,
        starts_at=camp.starts_at,
        ends_at=camp.ends_at,
    )

    assert client.post(_url(camp), GOOD).status_code == 302
    assert client.post(_url(other), {**GOOD, "email": "o@example.org"}).status_code == 302


def test_counts_live_in_the_configured_shared_cache(client, camp, settings):
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "l"},
    }
    settings.KIA_RATE_LIMIT_CACHE = "limits"

    client.post(_url(camp), GOOD)

    assert any(key.startswith(":1:cms:rate:") for key in caches["limits"]._cache)
