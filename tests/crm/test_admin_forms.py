"""The CRM back office's forms: names, inline positions and renewals, refusals, deletion."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

from crm import enums
from crm.models import (
    Affiliation,
    Organisation,
    Person,
    Relationship,
)
from tests.factories.crm import (
    AffiliationFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db


def form_errors(response):
    """Every error message of the re-rendered form and its inline formsets."""
    form = response.context["form"]
    errors = [str(message) for messages in form.errors.values() for message in messages]
    for formset in getattr(form, "formsets", {}).values():
        for child_errors in formset.errors:
            errors += [str(m) for messages in child_errors.values() for m in messages]
        errors += [str(message) for message in formset.non_form_errors()]
    return errors


def test_organisation_create_stores_all_four_names(officer_client):
    response = officer_client.post(
        reverse("crm_organisation:add"),
        {
            "name_zh_hant": "水原市",
            "name_en": "Suwon",
            "name_ja": "水原市",
            "name_ko": "수원시",
            "native_name": "수원시",
            "short_name": "",
            "kind": enums.OrganisationKind.CITY,
            "country": "KR",
            "website": "https://www.suwon.go.kr",
            "address": "",
            "latitude": "37.263600",
            "longitude": "127.028600",
            "notes": "",
        },
    )
    assert response.status_code == 302
    suwon = Organisation.objects.get()
    with translation.override("ko"):
        assert (suwon.name, suwon.name_zh_hant, suwon.country.code) == ("수원시", "水原市", "KR")
    with translation.override("en"):
        assert suwon.name == "Suwon"


def test_organisation_create_without_chinese_name_is_refused(officer_client):
    response = officer_client.post(
        reverse("crm_organisation:add"),
        {"name_zh_hant": "", "name_en": "Suwon", "kind": enums.OrganisationKind.CITY},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["name_zh_hant"]
    assert Organisation.objects.count() == 0


def person_form(**overrides):
    data = {
        "family_name": "Yeom",
        "given_name": "Tae-young",
        "name_order": enums.NameOrder.FAMILY_FIRST,
        "native_name": "염태영",
        "chinese_name": "",
        "honorific": "Mayor",
        "email": "mayor@suwon.example",
        "phone": "+82 31 228 2114",
        "preferred_languages": "ko, en",
        "dietary_requirements": "",
        "accessibility_needs": "",
        "precedence_override": "",
        "notes": "",
        "affiliations": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_person_create_saves_person_and_inline_affiliation(officer_client):
    suwon = OrganisationFactory(name_zh_hant="水原市", name_en="Suwon")
    data = person_form(
        affiliations=inline_formset(
            [
                {
                    "organisation": suwon.pk,
                    "position_title_zh_hant": "市長",
                    "position_title_en": "Mayor",
                    "position_title_ja": "",
                    "position_title_ko": "시장",
                    "start_date": "2010-07-01",
                    "end_date": "",
                    "office_rank": enums.OfficeRank.MAYOR,
                    "is_primary": "on",
                }
            ]
        )
    )
    response = officer_client.post(reverse("crm_person:add"), data)
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.full_name, person.preferred_languages, str(person.phone)) == (
        "Yeom Tae-young",
        ["ko", "en"],
        "+82312282114",
    )
    affiliation = person.affiliations.get()
    assert (affiliation.organisation, affiliation.position_title_ko, affiliation.start_date) == (
        suwon,
        "시장",
        datetime.date(2010, 7, 1),
    )


def test_person_create_with_bad_email_and_phone_shows_errors_and_saves_nothing(officer_client):
    response = officer_client.post(
        reverse("crm_person:add"),
        person_form(email="not-an-address", phone="12", preferred_languages="ko, xx-nowhere"),
    )
    assert response.status_code == 200
    with translation.override("zh-hant"):
        from django.core.validators import EmailValidator

        email_message = str(EmailValidator.message)
    errors = form_errors(response)
    assert email_message in errors
    assert response.context["form"].errors.keys() == {"email", "phone", "preferred_languages"}
    assert Person.objects.count() == 0


def test_person_inline_affiliation_ending_before_start_saves_nothing(officer_client):
    organisation = OrganisationFactory()
    data = person_form(
        affiliations=inline_formset(
            [
                {
                    "organisation": organisation.pk,
                    "position_title_zh_hant": "處長",
                    "start_date": "2019-05-01",
                    "end_date": "2019-01-01",
                    "office_rank": enums.OfficeRank.DIRECTOR,
                }
            ]
        )
    )
    response = officer_client.post(reverse("crm_person:add"), data)
    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = str(translation.gettext("The end date cannot be before the start date."))
    assert expected in form_errors(response)
    assert (Person.objects.count(), Affiliation.objects.count()) == (0, 0)


def relationship_form(source, target, **overrides):
    data = {
        "source": source.pk,
        "target": target.pk,
        "type": enums.RelationshipType.FRIENDSHIP_CITY,
        "status": enums.RelationshipStatus.ACTIVE,
        "signed_on": "2019-02-16",
        "expires_on": "",
        "ended_on": "",
        "summary_zh_hant": "",
        "summary_en": "",
        "summary_ja": "",
        "summary_ko": "",
        "notes": "",
        "renewals": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.parametrize("reversed_pair", [False, True])
def test_relationship_duplicate_active_agreement_is_a_form_error(officer_client, reversed_pair):
    kaohsiung, suwon = OrganisationFactory(), OrganisationFactory()
    RelationshipFactory(source=kaohsiung, target=suwon, type=enums.RelationshipType.FRIENDSHIP_CITY)
    source, target = (suwon, kaohsiung) if reversed_pair else (kaohsiung, suwon)
    response = officer_client.post(
        reverse("crm_relationship:add"), relationship_form(source, target)
    )
    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = "These two organisations already have an active tie of this type."
        expected = str(translation.gettext(expected))
    assert form_errors(response) == [expected]
    assert expected in response.content.decode()
    assert Relationship.objects.count() == 1


def test_relationship_expiring_before_signing_is_a_form_error(officer_client):
    kaohsiung, akita = OrganisationFactory(), OrganisationFactory()
    response = officer_client.post(
        reverse("crm_relationship:add"),
        relationship_form(
            kaohsiung, akita, type=enums.RelationshipType.MOU, expires_on="2018-01-01"
        ),
    )
    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = str(translation.gettext("The expiry date cannot be before the signing date."))
    assert form_errors(response) == [expected]
    assert Relationship.objects.count() == 0


def test_relationship_edit_adds_inline_renewal(officer_client):
    relationship = RelationshipFactory(type=enums.RelationshipType.MOU)
    page = officer_client.get(reverse("crm_relationship:edit", args=[relationship.pk]))
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    data["renewals-TOTAL_FORMS"] = "1"
    data.update(
        {
            "renewals-0-id": "",
            "renewals-0-renewed_on": "2019-08-23",
            "renewals-0-expires_on": "2024-08-22",
            "renewals-0-notes": "",
            "renewals-0-ORDER": "1",
            "renewals-0-DELETE": "",
        }
    )
    response = officer_client.post(reverse("crm_relationship:edit", args=[relationship.pk]), data)
    assert response.status_code == 302
    renewal = relationship.renewals.get()
    assert (renewal.renewed_on, renewal.expires_on) == (
        datetime.date(2019, 8, 23),
        datetime.date(2024, 8, 22),
    )


def test_delete_of_referenced_organisation_is_refused(officer_client):
    organisation = AffiliationFactory().organisation
    page = officer_client.get(reverse("crm_organisation:delete", args=[organisation.pk]))
    assert page.context["is_protected"] is True
    response = officer_client.post(reverse("crm_organisation:delete", args=[organisation.pk]))
    assert response.status_code == 302
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert not ModelLogEntry.objects.filter(action="crm.delete").exists()


def test_delete_refused_by_the_database_returns_to_the_record_with_a_message(officer_client):
    organisation = OrganisationFactory()
    # bulk_create skips the signals that fill Wagtail's reference index, so only the
    # database's PROTECT knows about this affiliation.
    Affiliation.objects.bulk_create(
        [Affiliation(person=PersonFactory(), organisation=organisation, position_title="職員")]
    )
    response = officer_client.post(reverse("crm_organisation:delete", args=[organisation.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("crm_organisation:edit", args=[organisation.pk])
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert not ModelLogEntry.objects.filter(action="crm.delete").exists()
    page = officer_client.get(response["Location"])
    with translation.override("zh-hant"):
        expected = translation.gettext(
            "%(record)s cannot be deleted while %(count)d other records refer to it."
        ) % {"record": organisation, "count": 1}
    assert [str(message) for message in page.context["messages"]] == [expected]
