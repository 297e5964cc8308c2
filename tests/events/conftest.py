"""The events tests' logged-in protocol officer.

tests/events/admin/conftest.py has its own `officer`, a user named "officer" who is not logged
in (its `officer_client` logs in), and overrides this one there.
"""

import pytest

from core.roles import PROTOCOL_OFFICERS, ensure_staff_groups
from tests.factories.staff import StaffUserFactory


@pytest.fixture
def officer(client):
    """A protocol officer, logged in on `client`."""
    ensure_staff_groups()
    user = StaffUserFactory(group=PROTOCOL_OFFICERS)
    client.force_login(user)
    return user
