"""The "How do we know X?" section of a person's and an organisation's page."""

import datetime

import pytest
from django.urls import reverse

from tests.factories.crm import InteractionFactory

pytestmark = pytest.mark.django_db


def page(client, record, namespace, **params):
    response = client.get(reverse(f"{namespace}:inspect", args=[record.pk]), params)
    assert response.status_code == 200
    return response


def test_a_persons_page_lists_the_paths_from_the_office(officer_client, graph):
    response = page(officer_client, graph.yeom, "crm_person")
    html = response.content.decode()
    assert "crm-how-we-know" in html
    assert len(response.context["known_paths"]) == 1
    assert html.count("data-step") == 2
    assert 'datetime="2019-02-16"' in html


def test_paths_can_start_from_a_colleague(officer_client, graph):
    InteractionFactory(subject="Courtesy call", occurred_on=datetime.date(2019, 3, 29)).people.set(
        [graph.lin, graph.brent]
    )
    response = page(officer_client, graph.brent, "crm_person", known_from=graph.lin.pk)
    assert response.context["known_from"] == graph.lin
    [path] = response.context["known_paths"]
    assert len(path) == 1 and "Courtesy call" in path[0].text


def test_an_organisations_page_lists_paths_and_says_when_none_exist(officer_client, graph):
    response = page(officer_client, graph.akita, "crm_organisation")
    assert len(response.context["known_paths"][0]) == 1
    nobody = page(officer_client, graph.nobody, "crm_person")
    assert nobody.context["known_paths"] == []
    assert "data-step" not in nobody.content.decode()


def test_the_office_itself_is_where_paths_start(officer_client, graph):
    response = page(officer_client, graph.kaohsiung, "crm_organisation")
    assert response.context["known_is_start"]
