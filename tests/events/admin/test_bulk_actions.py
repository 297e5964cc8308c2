"""Bulk actions on the admin's lists (Wagtail's bulk-action framework) and group mail."""

from urllib.parse import urlencode

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from crm.models import Person
from events.enums import MailStatus, RegistrationStatus
from events.mailings import deliver, fan_out
from events.models import (
    DelegationMember,
    GroupMailing,
    GroupMailRecipient,
    Invitation,
    Registration,
)
from events.services.mailings import queue_group_mail
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import (
    DelegationFactory,
    EventFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def bulk_url(app, model, action, objects):
    query = urlencode([("next", "/admin/"), *[("id", obj.pk) for obj in objects]])
    return f"{reverse('wagtail_bulk_action', args=[app, model, action])}?{query}"


def many_registrations(event, count):
    return Registration.objects.bulk_create(
        [
            Registration(event=event, family_name=f"F{i}", given_name="G", email=f"a{i}@x.org")
            for i in range(count)
        ]
    )


def many_people(count):
    return Person.objects.bulk_create(
        [Person(family_name=f"F{i}", given_name="G", email=f"p{i}@x.org") for i in range(count)]
    )


def test_the_registration_list_offers_row_selection_and_the_review_actions(officer_client):
    RegistrationFactory()

    body = officer_client.get(reverse("registration:index")).content.decode()

    assert "data-bulk-action-checkbox" in body
    assert "/admin/bulk/events/registration/accept/" in body


@pytest.mark.parametrize(
    ("index", "factory", "actions"),
    [
        ("crm_person:index", PersonFactory, ("export", "add_to_delegation", "mail")),
        ("crm_organisation:index", OrganisationFactory, ("export",)),
    ],
)
def test_the_contact_lists_offer_row_selection_and_their_actions(
    officer_client, index, factory, actions
):
    # The lists search through the admin's index (IndexedSearchMixin); that view must keep
    # the bulk-action checkboxes, or the actions below are registered but out of reach.
    record = factory()
    model = record._meta.model_name

    body = officer_client.get(reverse(index)).content.decode()

    assert f'data-object-id="{record.pk}" data-bulk-action-checkbox' in body
    assert "data-bulk-action-checkbox" in body
    for action in actions:
        assert f"/admin/bulk/crm/{model}/{action}/" in body


def test_accepting_selected_registrations_gives_codes_and_queues_mail(
    officer_client, django_capture_on_commit_callbacks
):
    event = EventFactory(takes_registrations=True)
    chosen = [RegistrationFactory(event=event) for _ in range(3)]
    url = bulk_url("events", "registration", "accept", chosen)

    assert officer_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url)

    assert response.status_code == 302, response.context["form"].errors
    rows = Registration.objects.order_by("pk")
    assert {row.status for row in rows} == {RegistrationStatus.ACCEPTED}
    assert len({row.checkin_code for row in rows}) == 3
    assert len(mail.outbox) == 3


def test_accepting_more_than_the_capacity_is_refused_and_nothing_changes(officer_client):
    event = EventFactory(takes_registrations=True, capacity=2)
    chosen = [RegistrationFactory(event=event) for _ in range(3)]

    response = officer_client.post(bulk_url("events", "registration", "accept", chosen))

    assert response.status_code == 200
    # The officer reads the refusal in the admin's language (the office's by default).
    assert "只剩 2 個名額，卻有 3 件申請" in response.content.decode()
    assert set(Registration.objects.values_list("status", flat=True)) == {
        RegistrationStatus.SUBMITTED
    }


def test_a_viewer_cannot_review_in_bulk(viewer_client):
    chosen = [RegistrationFactory()]

    viewer_client.post(bulk_url("events", "registration", "reject", chosen))

    assert Registration.objects.get().status == RegistrationStatus.SUBMITTED


@pytest.mark.parametrize("action", ["accept", "waitlist", "reject", "export"])
@pytest.mark.parametrize("count", [10, 1000])
def test_registration_bulk_actions_take_the_same_queries_at_10_and_1000_rows(
    officer_client, action, count, django_assert_num_queries
):
    event = EventFactory(takes_registrations=True)
    url = bulk_url("events", "registration", action, many_registrations(event, count))
    officer_client.get("/admin/")  # session and permissions read once before counting

    with django_assert_num_queries(REGISTRATION_QUERIES[action]):
        officer_client.post(url)


REGISTRATION_QUERIES = {"accept": 17, "waitlist": 16, "reject": 16, "export": 8}


@pytest.mark.parametrize("count", [10, 1000])
def test_sending_invitations_takes_the_same_queries_at_10_and_1000(
    officer_client, count, django_assert_num_queries
):
    event = EventFactory()
    people = many_people(count)
    invitations = Invitation.objects.bulk_create(
        [Invitation(event=event, person=person) for person in people]
    )
    url = bulk_url("events", "invitation", "send", invitations)
    officer_client.get("/admin/")

    with django_assert_num_queries(SEND_QUERIES):
        officer_client.post(url)
    assert Invitation.objects.filter(sent_at__isnull=False).count() == count


SEND_QUERIES = 15


@pytest.mark.parametrize("count", [10, 1000])
def test_adding_people_to_a_delegation_takes_the_same_queries_at_10_and_1000(
    officer_client, count, django_assert_num_queries
):
    now = timezone.now()
    delegation = DelegationFactory(event=EventFactory(starts_at=now, ends_at=now))
    url = bulk_url("crm", "person", "add_to_delegation", many_people(count))
    officer_client.get("/admin/")

    with django_assert_num_queries(ADD_QUERIES):
        officer_client.post(url, {"delegation": delegation.pk, "role": "member"})
    assert DelegationMember.objects.filter(delegation=delegation).count() == count


ADD_QUERIES = 15


@pytest.mark.parametrize("count", [10, 1000])
def test_mailing_people_takes_the_same_queries_at_10_and_1000(
    officer_client, count, django_assert_num_queries
):
    url = bulk_url("crm", "person", "mail", many_people(count))
    data = {"subject_zh-hant": "通知", "body_zh-hant": "內容", "subject_en": "Notice"}
    officer_client.get("/admin/")

    with django_assert_num_queries(MAIL_QUERIES):
        officer_client.post(url, data)
    assert GroupMailing.objects.get().audience == sorted(p.pk for p in Person.objects.all())


MAIL_QUERIES = 11


@pytest.mark.parametrize("model", ["person", "organisation"])
def test_exporting_selected_contacts_writes_only_those_rows(officer_client, model):
    people = [PersonFactory(family_name="=cmd", email="x@y.org"), PersonFactory()]
    if model == "organisation":
        people = [OrganisationFactory(name="=cmd"), OrganisationFactory()]

    response = officer_client.post(bulk_url("crm", model, "export", people[:1]))

    lines = response.content.decode().splitlines()
    assert len(lines) == 2
    assert "'=cmd" in lines[1]


def test_group_mail_goes_out_in_each_recipients_language_once_even_if_run_twice(
    django_capture_on_commit_callbacks,
):
    japanese = PersonFactory(email="ja@x.org", preferred_languages=["ja"])
    korean = PersonFactory(email="ko@x.org", preferred_languages=["ko"])
    with django_capture_on_commit_callbacks(execute=True):
        mailing = queue_group_mail(
            [japanese, korean],
            subjects={"zh-hant": "通知", "ja": "お知らせ"},
            bodies={"zh-hant": "內容", "ja": "本文"},
            user=None,
        )
    sent = sorted((m.to[0], m.subject, m.body) for m in mail.outbox)

    # The worker runs the fan-out again and each copy's task twice: nothing is sent again.
    with django_capture_on_commit_callbacks(execute=True):
        fan_out(mailing.pk)
    for recipient in mailing.recipients.all():
        assert deliver(recipient.pk) == MailStatus.SENT

    assert sent == [
        ("ja@x.org", "お知らせ", "本文"),
        ("ko@x.org", "通知", "內容"),  # no Korean text written: the office's language
    ]
    assert len(mail.outbox) == 2
    assert set(mailing.recipients.values_list("status", flat=True)) == {MailStatus.SENT}


def test_the_database_refuses_a_second_copy_for_one_person():
    from django.db import IntegrityError, transaction

    person = PersonFactory(email="a@x.org")
    mailing = queue_group_mail(
        [person], subjects={"zh-hant": "s"}, bodies={"zh-hant": "b"}, user=None
    )
    GroupMailRecipient.objects.create(mailing=mailing, person=person, email="a@x.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        GroupMailRecipient.objects.create(
            mailing=mailing, person=person, email="a@x.org", language="en"
        )


def test_a_failed_copy_is_recorded_and_can_be_queued_again(settings):
    from events.services.mailings import requeue_failed

    person = PersonFactory(email="a@x.org")
    mailing = queue_group_mail(
        [person], subjects={"zh-hant": "s"}, bodies={"zh-hant": "b"}, user=None
    )
    recipient = GroupMailRecipient.objects.create(
        mailing=mailing, person=person, email="a@x.org", language="zh-hant"
    )
    settings.EMAIL_BACKEND = "tests.events.admin.test_bulk_actions.BrokenBackend"

    assert deliver(recipient.pk) == MailStatus.FAILED
    recipient.refresh_from_db()
    assert (recipient.status, recipient.error) == (MailStatus.FAILED, "relay down")
    assert requeue_failed(mailing) == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver(recipient.pk) == MailStatus.SENT


def test_mail_to_someone_without_an_address_is_refused_and_nothing_queued():
    with translation.override("en"), pytest.raises(Exception, match="no e-mail address"):
        queue_group_mail(
            [PersonFactory(email="")], subjects={"zh-hant": "s"}, bodies={"zh-hant": "b"}, user=None
        )
    assert not GroupMailRecipient.objects.exists()


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("relay down")


def test_a_selection_id_in_other_digits_is_left_out(officer_client):
    # "²" passes str.isdigit() and then fails int() in the query: a 500 before.
    person = PersonFactory()
    url = bulk_url("crm", "person", "export", [person])

    response = officer_client.post(f"{url}&id=²&id=99999999999999999999")

    assert response.status_code == 200
    assert len(response.content.decode().splitlines()) == 2  # the header and the one person
