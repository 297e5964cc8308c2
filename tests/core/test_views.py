"""The admin action base: one permission check, service refusals shown where the form is."""

import pytest
from django import forms
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.utils.translation import gettext

from core.views import ActionView
from tests.factories.staff import StaffUserFactory

pytestmark = pytest.mark.django_db


class NameForm(forms.Form):
    name = forms.CharField(label="group name")


class RenameGroup(ActionView):
    """Renames a group through a stand-in service that refuses one name."""

    model = Group
    form_class = NameForm
    success_url = "/admin/groups/"
    done = None

    def act(self, data):
        if data["name"] == "taken":
            raise ValidationError({"name": "That name is taken."})
        if data["name"] == "closed":
            raise ValidationError("Renaming is closed today.")
        RenameGroup.done = data["name"]


class RenameGroupPage(RenameGroup):
    template_name = "wagtailadmin/generic/form.html"


@pytest.fixture(autouse=True)
def _nothing_renamed_yet():
    RenameGroup.done = None


def user_with(*codenames):
    user = StaffUserFactory()
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def request(method, user, data=None):
    factory = RequestFactory()
    made = factory.post("/", data or {}) if method == "post" else factory.get("/")
    made.user = user
    made.session = SessionStore()
    made._messages = FallbackStorage(made)
    return made


def texts(made):
    return [str(message).strip() for message in get_messages(made)]


def test_action_view_refuses_a_user_without_the_permission_on_its_model():
    user = user_with("view_group")

    with pytest.raises(PermissionDenied):
        RenameGroup.as_view()(request("post", user, {"name": "Hosts"}))

    assert RenameGroup.done is None


def test_action_view_checks_the_action_it_is_told():
    class AddGroup(RenameGroup):
        permission_required = "add"

    changer = user_with("change_group")

    with pytest.raises(PermissionDenied):
        AddGroup.as_view()(request("post", changer, {"name": "Hosts"}))

    response = AddGroup.as_view()(request("post", user_with("add_group"), {"name": "Hosts"}))
    assert (response.status_code, response["Location"]) == (302, "/admin/groups/")


def test_action_view_calls_the_service_and_returns_to_its_page():
    response = RenameGroup.as_view()(request("post", user_with("change_group"), {"name": "Hosts"}))

    assert (response.status_code, response["Location"]) == (302, "/admin/groups/")
    assert RenameGroup.done == "Hosts"


def test_action_view_without_a_page_reports_refusals_as_messages():
    user = user_with("change_group")
    refused, closed, empty = (
        request("post", user, {"name": name}) for name in ("taken", "closed", "")
    )

    responses = [RenameGroup.as_view()(made) for made in (refused, closed, empty)]

    assert [r["Location"] for r in responses] == ["/admin/groups/"] * 3
    assert texts(refused) == ["group name: That name is taken."]
    assert texts(closed) == ["Renaming is closed today."]
    assert texts(empty) == [f"group name: {gettext('This field is required.')}"]


def test_action_view_without_a_page_answers_post_only():
    response = RenameGroup.as_view()(request("get", user_with("change_group")))

    assert response.status_code == 405


def test_action_view_with_a_page_shows_a_refusal_on_its_form():
    response = RenameGroupPage.as_view()(
        request("post", user_with("change_group"), {"name": "taken"})
    )

    assert response.status_code == 200
    assert response.context_data["form"].errors == {"name": ["That name is taken."]}
