"""People and organisations are chosen in a searchable modal, in any script, not a long select."""

import pytest
from django.urls import reverse

from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.staff import protocol_officer, viewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client):
    client.force_login(protocol_officer())
    return client


def chosen_names(response):
    return [str(item) for item in response.context["results"]]


def test_forms_with_a_person_or_organisation_use_the_choosers(officer_client):
    PersonFactory.create_batch(3)
    response = officer_client.get(reverse("crm_affiliation:add"))

    form = response.context["form"]
    assert type(form.fields["person"].widget).__name__ == "PersonChooserWidget"
    assert type(form.fields["organisation"].widget).__name__ == "OrganisationChooserWidget"
    assert reverse("crm_person_chooser:choose") in response.content.decode()
    assert 'name="person"' in response.content.decode()
    assert "<option" not in _field_html(response, "person")


def _field_html(response, name):
    return str(response.context["form"][name])


def test_person_chooser_finds_any_part_of_a_name_in_any_script(officer_client):
    han = PersonFactory(family_name="韓", given_name="國瑜", native_name="", chinese_name="韓國瑜")
    yeom = PersonFactory(family_name="Yeom", given_name="Tae-young", native_name="염태영")
    PersonFactory(family_name="Other", given_name="Someone", native_name="")
    results = reverse("crm_person_chooser:choose_results")

    assert chosen_names(officer_client.get(results, {"q": "國瑜"})) == [str(han)]
    assert chosen_names(officer_client.get(results, {"q": "태영"})) == [str(yeom)]
    assert chosen_names(officer_client.get(results, {"q": "yeom"})) == [str(yeom)]


def test_organisation_chooser_searches_every_language(officer_client):
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", name_ko="수원시")
    OrganisationFactory(name="秋田縣", name_en="Akita Prefecture")
    results = reverse("crm_organisation_chooser:choose_results")

    for term in ("水原", "suwon", "수원"):
        assert chosen_names(officer_client.get(results, {"q": term})) == [str(suwon)]


def test_the_chooser_is_for_staff_only(client):
    url = reverse("crm_person_chooser:choose")
    assert client.get(url).status_code == 302
    client.force_login(viewer())
    assert client.get(url).status_code == 200


def test_chooser_menu_speaks_the_readers_language():
    from django.utils import translation

    from crm.choosers import PersonChooserViewSet

    widget = PersonChooserViewSet("test_person_chooser").widget_class()
    # Wagtail translated its default once, at import, in the office's language (編輯).
    with translation.override("en"):
        assert str(widget.link_to_chosen_text) == "Edit"
    with translation.override("zh-hant"):
        assert str(widget.link_to_chosen_text) == "編輯"


def test_every_chooser_menu_speaks_the_readers_language():
    from django.utils import translation
    from wagtail.admin.viewsets.chooser import ChooserViewSet

    with translation.override("en"):
        assert str(ChooserViewSet.edit_item_text) == "Edit"


def test_person_chooser_tells_two_yamamotos_apart_by_position_organisation_and_country(
    officer_client,
):
    from tests.factories.crm import AffiliationFactory

    akita = OrganisationFactory(name="Akita Prefecture", country="JP")
    osaka = OrganisationFactory(name="Osaka Chamber of Commerce", country="JP")
    first = PersonFactory(family_name="Yamamoto", given_name="Ken")
    second = PersonFactory(family_name="Yamamoto", given_name="Ken")
    AffiliationFactory(
        person=first, organisation=akita, position_title="知事", position_title_en="Governor"
    )
    AffiliationFactory(
        person=second, organisation=osaka, position_title="会頭", position_title_en="Chair"
    )

    response = officer_client.get(reverse("crm_person_chooser:choose"), {"q": "Yamamoto"})

    body = response.json()["html"]
    assert "Akita Prefecture" in body and "Osaka Chamber of Commerce" in body
    assert "知事" in body and "会頭" in body


@pytest.mark.parametrize("count", [10, 30])
def test_person_chooser_reads_in_constant_queries(officer_client, count, django_assert_num_queries):
    from tests.factories.crm import AffiliationFactory

    for person in PersonFactory.create_batch(count):
        AffiliationFactory(person=person)
    url = reverse("crm_person_chooser:choose")
    officer_client.get(url)

    with django_assert_num_queries(CHOOSER_QUERIES):
        officer_client.get(url)


# Session, user, permissions, the count and one page of people, their positions in one query.
CHOOSER_QUERIES = 8


def test_person_chooser_searches_as_the_admin_search_does(officer_client):
    """Through the organisation's names in any script, by e-mail and by phone."""
    from tests.factories.crm import AffiliationFactory

    akita = OrganisationFactory(name="秋田縣", name_en="Akita Prefecture", country="JP")
    governor = PersonFactory(
        family_name="Sato",
        given_name="Norihisa",
        native_name="佐竹敬久",
        email="governor@pref.akita.lg.jp",
        phone="+81 18 860 1111",
    )
    AffiliationFactory(person=governor, organisation=akita, position_title="知事")
    PersonFactory(family_name="Other", given_name="Someone", native_name="", email="", phone="")
    results = reverse("crm_person_chooser:choose_results")

    for term in ("秋田", "Akita", "governor@pref.akita.lg.jp", "860 1111", "佐竹"):
        assert chosen_names(officer_client.get(results, {"q": term})) == [str(governor)], term


def test_organisation_chooser_tells_namesakes_apart_by_country_and_kind(officer_client):
    OrganisationFactory(name="大阪商工會議所", name_en="Osaka Chamber", country="JP")
    OrganisationFactory(name="釜山商工會議所", name_en="Busan Chamber", country="KR")

    response = officer_client.get(reverse("crm_organisation_chooser:choose"), {"q": "商工會議所"})

    body = response.json()["html"]
    assert "Japan" in body or "日本" in body
    assert "South Korea" in body or "韓國" in body or "南韓" in body
