"""The programme pages' officer login."""

import pytest

from core.roles import PROTOCOL_OFFICERS, ensure_staff_groups
from tests.factories.staff import StaffUserFactory


@pytest.fixture
def officer(client):
    ensure_staff_groups()
    user = StaffUserFactory(group=PROTOCOL_OFFICERS)
    client.force_login(user)
    return user
