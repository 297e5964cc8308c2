import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from crm import enums
from crm.audit import changed_fields, field_label, snapshot
from crm.models import CooperationArea, Person, Relationship
from tests.factories.crm import (
    AffiliationFactory,
    CooperationAreaFactory,
    PersonFactory,
    RelationshipFactory,
)
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    user = protocol_officer()
    client.force_login(user)
    return user


def edit_form(client, namespace, record):
    page = client.get(reverse(f"{namespace}:edit", args=[record.pk]))
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    # A ticked box without a value attribute comes back empty; a browser would send "on".
    for name, value in list(data.items()):
        if value == "" and name.endswith(("is_primary", "is_home", "is_illustrative")):
            data[name] = "on"
    return data


def entries_for(record):
    return list(
        ModelLogEntry.objects.for_instance(record)
        .order_by("timestamp", "pk")
        .values_list("action", "user_id", "data", "deleted")
    )


def test_edit_records_who_and_old_and_new_of_each_changed_field(client, officer):
    person = PersonFactory(family_name="Yeom", given_name="Tae-young", email="old@suwon.example")
    data = edit_form(client, "crm_person", person)
    data["email"] = "mayor@suwon.example"
    data["honorific"] = "Mayor"

    response = client.post(reverse("crm_person:edit", args=[person.pk]), data)

    assert response.status_code == 302
    assert entries_for(person) == [
        (
            "crm.edit",
            officer.pk,
            {
                "changes": {
                    "email": ["old@suwon.example", "mayor@suwon.example"],
                    "honorific": ["", "Mayor"],
                }
            },
            False,
        )
    ]


def test_history_page_shows_changed_fields_old_to_new(client, officer):
    person = PersonFactory(email="old@suwon.example")
    data = edit_form(client, "crm_person", person)
    data["email"] = "new@suwon.example"
    client.post(reverse("crm_person:edit", args=[person.pk]), data)

    response = client.get(reverse("crm_person:history", args=[person.pk]))

    assert response.status_code == 200
    with translation.override("zh-hant"):
        label = field_label(Person, "email")
    assert (
        f"<strong>{label}</strong>: <del>old@suwon.example</del> → <ins>new@suwon.example</ins>"
        in response.content.decode()
    )


def test_edit_message_names_the_changed_fields():
    person = PersonFactory(email="old@suwon.example")
    from wagtail.log_actions import log

    entry = log(
        person,
        "crm.edit",
        data={"changes": {"email": ["old@suwon.example", "new@suwon.example"]}},
    )
    with translation.override("en"):
        assert entry.message == "Edited: 1 field (E-mail)"


def test_create_records_the_fields_given(client, officer):
    response = client.post(
        reverse("crm_cooperationarea:add"),
        {
            "slug": "culture",
            "name_zh_hant": "文化",
            "name_en": "Culture",
            "name_ja": "",
            "name_ko": "",
        },
    )
    assert response.status_code == 302
    area = CooperationArea.objects.get()
    assert entries_for(area) == [
        (
            "crm.create",
            officer.pk,
            {
                "changes": {
                    "slug": ["", "culture"],
                    "name_zh_hant": [None, "文化"],
                    "name_en": [None, "Culture"],
                }
            },
            False,
        )
    ]


def test_delete_records_the_values_the_record_had(client, officer):
    area = CooperationAreaFactory(slug="tourism", name_zh_hant="觀光", name_en="Tourism")
    pk = area.pk
    response = client.post(reverse("crm_cooperationarea:delete", args=[pk]))
    assert response.status_code == 302
    assert not CooperationArea.objects.filter(pk=pk).exists()
    assert entries_for(area) == [
        (
            "crm.delete",
            officer.pk,
            {
                "changes": {
                    "slug": ["tourism", None],
                    "name_zh_hant": ["觀光", None],
                    "name_en": ["Tourism", None],
                }
            },
            True,
        )
    ]


def test_inline_renewal_is_recorded_on_the_relationship(client, officer):
    relationship = RelationshipFactory(type=enums.RelationshipType.MOU)
    data = edit_form(client, "crm_relationship", relationship)
    data["renewals-TOTAL_FORMS"] = "1"
    data.update(
        {
            "renewals-0-id": "",
            "renewals-0-renewed_on": "2019-08-23",
            "renewals-0-expires_on": "",
            "renewals-0-notes": "",
            "renewals-0-ORDER": "1",
            "renewals-0-DELETE": "",
        }
    )
    client.post(reverse("crm_relationship:edit", args=[relationship.pk]), data)
    renewal = relationship.renewals.get()
    assert entries_for(relationship)[0][2] == {
        "changes": {
            f"renewals:{renewal.pk}": [None, str(renewal)],
            f"renewals:{renewal.pk}:renewed_on": [None, "2019-08-23"],
        }
    }


def test_inline_affiliation_field_change_is_recorded_old_to_new(client, officer):
    affiliation = AffiliationFactory(position_title_en="Officer")
    person = affiliation.person
    data = edit_form(client, "crm_person", person)
    data["affiliations-0-position_title_en"] = "Director"
    response = client.post(reverse("crm_person:edit", args=[person.pk]), data)
    assert response.status_code == 302
    key = f"affiliations:{affiliation.pk}:position_title_en"
    assert entries_for(person)[0][2] == {"changes": {key: ["Officer", "Director"]}}
    with translation.override("en"):
        assert (
            field_label(Person, key) == f"Affiliation #{affiliation.pk}: Position title (English)"
        )


def test_refused_edit_writes_no_audit_entry(client, officer):
    affiliation = AffiliationFactory()
    data = edit_form(client, "crm_affiliation", affiliation)
    data["start_date"] = "2020-01-01"
    data["end_date"] = "2019-01-01"
    response = client.post(reverse("crm_affiliation:edit", args=[affiliation.pk]), data)
    assert response.status_code == 200
    assert entries_for(affiliation) == []


def test_snapshot_reads_related_records_by_label():
    relationship = RelationshipFactory()
    area = CooperationAreaFactory(name_zh_hant="教育")
    relationship.areas.add(area)
    values = snapshot(Relationship.objects.get(pk=relationship.pk))
    assert values["source"] == str(relationship.source)
    assert values["areas"] == [str(area)]
    assert values["signed_on"] == "2010-01-01"
    assert "created_at" not in values
    assert "summary" not in values
    assert "summary_en" in values


def test_changed_fields_treats_empty_values_alike():
    assert changed_fields({"a": None, "b": "", "c": "x"}, {"a": "", "b": [], "c": "y"}) == {
        "c": ["x", "y"]
    }
