"""Staff logins for the events back office: an officer, a viewer and a registrations clerk."""

import pytest
from django.contrib.auth.models import Group, Permission

from core.roles import PROTOCOL_OFFICERS, VIEWERS, ensure_staff_groups


def make_user(django_user_model, username, group_name=None):
    user = django_user_model.objects.create_user(username=username, password="pw")
    if group_name:
        ensure_staff_groups()
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def officer(django_user_model):
    return make_user(django_user_model, "officer", PROTOCOL_OFFICERS)


@pytest.fixture
def viewer(django_user_model):
    return make_user(django_user_model, "viewer", VIEWERS)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def clerk_client(client, django_user_model):
    """An editor of registrations without the permission for passports and birth dates."""
    user = make_user(django_user_model, "clerk")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="events",
            codename__in=["view_registration", "change_registration", "add_registration"],
        ),
        Permission.objects.get(codename="access_admin"),
    )
    client.force_login(user)
    return client
