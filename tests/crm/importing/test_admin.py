"""The admin import pages: upload, map columns, preview, confirm; refusals and progress."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from crm.enums import ImportStatus, RowAction
from crm.models import ImportRun, ImportSource, Organisation, Relationship
from tests.factories.staff import protocol_officer

from .conftest import SEED_HEADER, csv_bytes

pytestmark = pytest.mark.django_db

ROWS = [
    "Stadt,Chinesisch,Land,Art,Unterzeichnet",
    "Busan,釜山,KR,sister city,1966-06-30",
    "Miami,,US,sister city,",
]


def upload(client, rows, *, kind="ties", source="", name="cities.csv"):
    return client.post(
        reverse("crm_imports:index"),
        {"kind": kind, "source": source, "file": SimpleUploadedFile(name, csv_bytes(rows))},
    )


def test_upload_map_preview_and_confirm_a_file(officer_client, home):
    response = upload(officer_client, ROWS, source="Partner list")
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("crm_imports:mapping", args=[run.pk])
    # Nothing in this header is a known name: the officer maps each column.
    assert run.mapping == {}
    page = officer_client.get(response.url)
    assert page.status_code == 200
    assert "Stadt" in page.content.decode()

    mapping = {
        "column_0": "name_en",
        "column_1": "name_zh_hant",
        "column_2": "country",
        "column_3": "tie_type",
        "column_4": "signed",
    }
    response = officer_client.post(reverse("crm_imports:mapping", args=[run.pk]), mapping)
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportStatus.PREVIEWED
    assert run.counts[RowAction.CREATE] == 2
    assert Relationship.objects.count() == 0
    preview = officer_client.get(reverse("crm_imports:run", args=[run.pk])).content.decode()
    assert "Busan" in preview and "data-import-confirm" in preview

    response = officer_client.post(reverse("crm_imports:confirm", args=[run.pk]))
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportStatus.DONE
    assert set(Relationship.objects.values_list("target__name_en", flat=True)) == {
        "Busan",
        "Miami",
    }
    # The source remembers the mapping: the next file from it is mapped already.
    assert ImportSource.objects.get().mapping["stadt"] == "name_en"
    upload(officer_client, ROWS, source="Partner list")
    assert ImportRun.objects.latest("created_at").mapping["0"] == "name_en"


def test_a_file_with_error_rows_cannot_be_confirmed_and_says_why_in_the_readers_language(
    officer_client, home
):
    upload(officer_client, [SEED_HEADER, "Atlantis,,Atlantis,sister city,,,,"])
    run = ImportRun.objects.get()
    officer_client.post(
        reverse("crm_imports:mapping", args=[run.pk]),
        {f"column_{index}": name for index, name in run.mapping.items()},
    )
    run.refresh_from_db()
    assert run.counts[RowAction.ERROR] == 1
    with translation.override("en"):
        page = officer_client.get(
            reverse("crm_imports:run", args=[run.pk]), HTTP_ACCEPT_LANGUAGE="en"
        )
    assert "data-import-confirm" not in page.content.decode()
    assert set(run.preview[0]["reasons"][0]) == {"zh-hant", "en", "ja", "ko"}
    officer_client.post(reverse("crm_imports:confirm", args=[run.pk]))
    assert Organisation.objects.filter(name_en="Atlantis").count() == 0


def test_a_bad_file_is_refused_on_the_upload_form(officer_client):
    response = officer_client.post(
        reverse("crm_imports:index"),
        {"kind": "ties", "file": SimpleUploadedFile("old.xls", b"\xd0\xcf\x11\xe0 old")},
    )
    assert response.status_code == 200
    assert ".xlsx" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_large_files_go_through_the_task_and_report_progress(officer_client, home, settings):
    settings.KIA_IMPORT_BACKGROUND_ROWS = 1
    upload(officer_client, [SEED_HEADER, "Busan,釜山,KR,sister city,1966,,,"])
    run = ImportRun.objects.get()
    officer_client.post(
        reverse("crm_imports:mapping", args=[run.pk]),
        {f"column_{index}": name for index, name in run.mapping.items()},
    )
    officer_client.post(reverse("crm_imports:confirm", args=[run.pk]))
    status = officer_client.get(reverse("crm_imports:status", args=[run.pk])).json()
    assert status == {"status": "done", "done": 1, "total": 1, "percent": 100}
    assert Relationship.objects.filter(target__name_en="Busan").exists()


def test_officers_find_the_import_in_the_menu(officer_client):
    home_page = officer_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("crm_imports:index") in home_page


def test_viewers_cannot_import(client, home):
    from tests.factories.staff import viewer

    client.force_login(viewer())
    assert client.get(reverse("crm_imports:index")).status_code in (302, 403)
    assert (
        reverse("crm_imports:index")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_the_list_of_imports_takes_the_same_queries_at_10_and_100_runs(officer_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = protocol_officer()
    queries = []
    for count in (10, 100):
        for number in range(count - ImportRun.objects.count()):
            ImportRun.objects.create(
                kind="ties",
                file=f"imports/f{number}.csv",
                file_name=f"f{number}.csv",
                created_by=user,
            )
        with CaptureQueriesContext(connection) as captured:
            assert officer_client.get(reverse("crm_imports:index")).status_code == 200
        queries.append(len(captured))
    assert queries[0] == queries[1]
