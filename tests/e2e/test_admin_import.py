"""A protocol officer imports a partner list in the admin: upload, map, preview, confirm."""

import pytest

from crm.models import Relationship
from tests.factories.crm import OrganisationFactory
from tests.factories.staff import protocol_officer

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "import-test-password"
CSV = (
    "name_en,name_zh_hant,country,kind,signed,lat,lon,source_url\n"
    "Busan,釜山,KR,sister city,1966-06-30,35.18,129.08,https://www.busan.go.kr/eng/Kaohsiung\n"
    "Honolulu,,US,sister city,1962,21.31,-157.86,https://archives.starbulletin.com/x.html\n"
    "Suwon,水原市,南韓,友好城市,民國108年2月16日,37.26,127.03,\n"
)


def test_officer_uploads_maps_previews_and_confirms_a_partner_list(live_server, page, tmp_path):
    OrganisationFactory(name="高雄市政府", name_en="Kaohsiung City Government", is_home=True)
    officer = protocol_officer(username="importer")
    officer.set_password(PASSWORD)
    officer.save()
    upload = tmp_path / "partners.csv"
    upload.write_text(CSV, encoding="utf-8-sig")

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "importer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/admin/crm_imports/")
    page.select_option("select[name=kind]", "ties")
    page.set_input_files("input[name=file]", str(upload))
    page.fill("input[name=source]", "Public partner list")
    page.click("form[data-import-upload] button[type=submit]")

    # The mapping is guessed from the header; the officer drops the source column.
    page.wait_for_selector("form[data-import-mapping]")
    assert page.input_value("select[name=column_0]") == "name_en"
    assert page.input_value("select[name=column_3]") == "tie_type"
    page.select_option("select[name=column_7]", "")
    page.click("form[data-import-mapping] button[type=submit]")

    page.wait_for_selector("[data-import-rows]")
    rows = page.locator("[data-import-rows] tbody tr")
    assert rows.count() == 3
    assert page.locator("[data-import-rows] tr[data-action=create]").count() == 3
    assert Relationship.objects.count() == 0
    page.screenshot(path=str(ARTIFACTS / "import-preview.png"), full_page=True)

    page.click("[data-import-confirm]")
    page.wait_for_selector("[data-import-done]")
    assert set(Relationship.objects.values_list("target__name_en", flat=True)) == {
        "Busan",
        "Honolulu",
        "Suwon",
    }
    assert Relationship.objects.get(target__name_en="Busan").source_url == ""


def test_officer_has_a_row_update_the_city_it_would_duplicate(live_server, page, tmp_path):
    from crm.models import Organisation

    OrganisationFactory(name="高雄市政府", name_en="Kaohsiung City Government", is_home=True)
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", country="KR")
    officer = protocol_officer(username="importer")
    officer.set_password(PASSWORD)
    officer.save()
    upload = tmp_path / "partners.csv"
    upload.write_text(
        "name_en,name_zh_hant,country,kind,signed\n"
        "Suwon City,水原,KR,friendship city,2019-02-16\n"
        "Busan,釜山,KR,sister city,1966-06-30\n",
        encoding="utf-8",
    )

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "importer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/admin/crm_imports/")
    page.select_option("select[name=kind]", "ties")
    page.set_input_files("input[name=file]", str(upload))
    page.click("form[data-import-upload] button[type=submit]")
    page.wait_for_selector("form[data-import-mapping]")
    page.click("form[data-import-mapping] button[type=submit]")

    page.wait_for_selector("[data-import-duplicates]")
    warning = page.locator("[data-import-duplicate]")
    assert warning.count() == 1
    assert "水原市" in warning.inner_text() or "Suwon" in warning.inner_text()
    assert warning.locator("a").get_attribute("href").endswith(f"/{suwon.pk}/")
    page.screenshot(path=str(ARTIFACTS / "import-duplicate.png"), full_page=True)
    page.check(f"input[name=match_2][value='{suwon.pk}']")
    page.click("[data-import-confirm]")
    page.wait_for_selector("[data-import-done]")

    assert Organisation.objects.filter(country="KR").count() == 2
    assert Relationship.objects.get(target=suwon).signed_on.year == 2019
