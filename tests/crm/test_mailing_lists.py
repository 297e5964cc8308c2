"""Mailing lists: kept in the admin with their members (the hand-over moves them:
tests/events/test_handover.py)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from crm.models import MailingList, MailingListMember
from tests.factories.crm import MailingListFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_mailing_list_member_is_on_a_list_once():
    cards, person = MailingListFactory(), PersonFactory()
    MailingListMember.objects.create(mailing_list=cards, person=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        MailingListMember.objects.create(mailing_list=cards, person=person)


def test_mailing_list_is_made_in_the_admin_with_its_members(officer_client):
    first, second = PersonFactory(), PersonFactory()
    page = officer_client.get(reverse("crm_mailinglist:add"))
    assert page.status_code == 200
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    data.update({"name": "New Year cards", "purpose": "Cards before the Lunar New Year."})
    data["members-TOTAL_FORMS"] = "2"
    for n, person in enumerate((first, second)):
        data.update(
            {
                f"members-{n}-id": "",
                f"members-{n}-person": str(person.pk),
                f"members-{n}-ORDER": str(n + 1),
                f"members-{n}-DELETE": "",
            }
        )
    response = officer_client.post(reverse("crm_mailinglist:add"), data)
    assert response.status_code == 302
    cards = MailingList.objects.get()
    assert cards.name == "New Year cards"
    assert {member.person for member in cards.members.all()} == {first, second}
    assert officer_client.get(reverse("crm_mailinglist:index")).status_code == 200
