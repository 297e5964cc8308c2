"""Issue 15, point 6: an event with applications is not deleted silently."""

import re

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from events.models import Event, Invitation, Registration
from events.services.deletion import delete_event
from tests.factories.events import EventFactory, InvitationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _event_with_applicants():
    event = EventFactory(title_en="Summer camp")
    RegistrationFactory.create_batch(2, event=event, passport_number="M12345678")
    InvitationFactory(event=event, dietary_requirements="Vegetarian")
    return event


def test_a_plain_delete_of_an_event_with_applications_is_refused():
    event = _event_with_applicants()

    with pytest.raises(ProtectedError):
        event.delete()

    assert Registration.objects.count() == 2


def test_delete_event_removes_everything_and_logs_only_counts(officer):
    event = _event_with_applicants()
    pk = event.pk

    counts = delete_event(event, user=officer)

    assert {model.__name__: n for model, n in counts.items()} == {
        "Event": 1,
        "Invitation": 1,
        "Registration": 2,
    }
    assert (Event.objects.count(), Registration.objects.count(), Invitation.objects.count()) == (
        0,
        0,
        0,
    )
    entry = ModelLogEntry.objects.get(action="events.event_deleted", object_id=str(pk))
    assert entry.user == officer
    assert entry.data["counts"] == {
        "events.event": 1,
        "events.invitation": 1,
        "events.registration": 2,
    }
    logged = str(entry.data) + entry.label
    assert "M12345678" not in logged and "Vegetarian" not in logged


def test_the_admin_delete_page_says_what_would_go_and_deletes_through_the_service(
    officer_client,
):
    # Load the admin first, so Wagtail's reference index records the applications' protected
    # links to the event (its usage check once refused the delete because of them).
    officer_client.get(reverse("event:index"))
    event = _event_with_applicants()
    url = reverse("event:delete", args=[event.pk])

    confirm = officer_client.get(url)
    assert confirm.status_code == 200
    page = confirm.content.decode()
    response = officer_client.post(url)

    found = re.search(r"<ul data-deleted>(.*?)</ul>", page, re.S)
    assert found, page[page.find("<main") : page.find("</main>")]
    listed = found.group(1)
    assert sorted(re.findall(r"<li>(\d+) × ", listed)) == ["1", "2"]
    assert response.status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()
    assert Registration.objects.count() == 0
    assert ModelLogEntry.objects.filter(action="events.event_deleted").count() == 1


def test_an_event_with_a_public_page_is_not_deleted_and_the_page_says_why(officer_client):
    from tests.factories.cms import build_site, event_page

    event = _event_with_applicants()
    event_page(build_site(), event, slug="camp", languages=["en"])
    url = reverse("event:delete", args=[event.pk])

    page = officer_client.get(url).content.decode()
    response = officer_client.post(url)

    assert "data-blockers" in page
    assert "data-deleted" not in page
    assert response.status_code in (302, 403)
    assert Event.objects.filter(pk=event.pk).exists()
    assert Registration.objects.count() == 2


def test_delete_event_refuses_while_a_page_refers_to_it(officer):
    from django.core.exceptions import ValidationError

    from tests.factories.cms import build_site, event_page

    event = _event_with_applicants()
    event_page(build_site(), event, slug="camp", languages=["en"])

    with pytest.raises(ValidationError):
        delete_event(event, user=officer)

    assert Registration.objects.count() == 2
