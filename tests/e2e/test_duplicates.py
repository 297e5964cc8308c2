"""An officer adds Suwon a second time, is warned, saves anyway, then merges the two."""

import pytest

from crm.models import MergedRecord, Organisation
from tests.factories.crm import AffiliationFactory, OrganisationFactory
from tests.factories.staff import protocol_officer

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_officer_is_warned_of_a_duplicate_then_merges_it(live_server, page):
    protocol_officer(username="officer")
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", native_name="수원시", country="KR")
    AffiliationFactory(organisation=suwon)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", "kaohsiung-staff")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/crm/organisations/new/")
    page.fill("input[name=name_zh_hant]", "水原市")
    page.fill("input[name=name_en]", "Suwon City")
    page.select_option("select[name=kind]", "city")
    page.locator("button.button-longrunning").first.click()
    page.wait_for_selector("[data-duplicate-warning]")
    page.screenshot(path=ARTIFACTS / "duplicate-warning.png")
    assert Organisation.objects.count() == 1
    assert "Suwon" in page.inner_text("[data-duplicate-warning]")

    page.check("[data-confirm-duplicates]")
    page.locator("button.button-longrunning").first.click()
    page.wait_for_url(f"{live_server.url}/admin/crm/organisations/")
    again = Organisation.objects.exclude(pk=suwon.pk).get()

    page.goto(f"{live_server.url}/admin/crm_duplicates/?kind=organisations")
    page.click("text=Compare and merge")
    page.wait_for_selector("[data-merge-form]")
    page.check("[data-row=name_en] input[value=second]")
    page.click("button:has-text('Merge the two records')")
    page.wait_for_url(f"{live_server.url}/admin/crm/organisations/inspect/{suwon.pk}/")

    suwon.refresh_from_db()
    assert suwon.name_en == "Suwon City"
    assert suwon.affiliations.count() == 1
    assert MergedRecord.objects.get().old_pk == str(again.pk)
    page.goto(f"{live_server.url}/admin/crm/organisations/edit/{again.pk}/")
    assert page.url.endswith(f"/admin/crm/organisations/edit/{suwon.pk}/")
