import pytest
from django.contrib.auth.models import Group, Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from core.roles import PROTOCOL_OFFICERS, VIEWERS, ensure_staff_groups


def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def officer_api(django_user_model):
    ensure_staff_groups()
    user = django_user_model.objects.create_user(username="officer", password="pw")
    user.groups.add(Group.objects.get(name=PROTOCOL_OFFICERS))
    return token_client(user)


@pytest.fixture
def viewer_api(django_user_model):
    ensure_staff_groups()
    user = django_user_model.objects.create_user(username="viewer", password="pw")
    user.groups.add(Group.objects.get(name=VIEWERS))
    return token_client(user)


@pytest.fixture
def sensitive_api(django_user_model):
    ensure_staff_groups()
    user = django_user_model.objects.create_user(username="sensitive", password="pw")
    user.groups.add(Group.objects.get(name=VIEWERS))
    user.user_permissions.add(Permission.objects.get(codename="view_sensitive_registration"))
    return token_client(user)
