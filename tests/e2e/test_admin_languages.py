"""The admin in Chinese, Japanese and Korean shows no English interface text.

An officer logs in with the admin in each language and opens the main pages of crm and
events; every visible line of the page must carry the language, except a short list of
names that are English by nature (below). Records are named in CJK so that only the
interface could bring English in.
"""

import re

import pytest
from wagtail.users.models import UserProfile

from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import EventFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password"  # noqa: S105
# Interface text that stays English in every language, and why.
EXCEPTIONS = {
    "Wagtail",  # the product's name, in the sidebar's logo and help links
    "English",  # the English language's own name in language menus
    "Kaohsiung International Affairs",  # WAGTAIL_SITE_NAME, the site's name
}
PAGES = [
    "/admin/",
    "/admin/crm/people/",
    "/admin/crm/organisations/",
    "/admin/crm/relationships/",
    "/admin/event/",
    "/admin/delegation/",
    "/admin/registration/",
    "/admin/invitation/",
]
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@pytest.fixture
def records():
    city = OrganisationFactory(name="水原市", name_en="", name_ja="水原市", name_ko="수원시")
    person = PersonFactory(family_name="廉", given_name="泰英", email="", honorific="")
    AffiliationFactory(
        person=person,
        organisation=city,
        position_title="市長",
        position_title_en="",
        position_title_ja="市長",
        position_title_ko="시장",
    )
    event = EventFactory(title="國際午宴", title_en="", title_ja="国際午餐会", title_ko="국제 오찬")
    return person, city, event


def english_lines(text):
    lines = []
    for line in text.splitlines():
        line = line.strip()
        for allowed in EXCEPTIONS:
            line = line.replace(allowed, "")
        if LATIN_WORD.search(line) and not CJK.search(line):
            lines.append(line)
    return lines


@pytest.mark.parametrize("language", ["zh-hant", "ja", "ko"])
def test_admin_pages_speak_the_officers_language(
    live_server, page, django_user_model, records, language
):
    person, city, event = records
    user = django_user_model.objects.create_superuser(
        "林專員", "", PASSWORD, first_name="專員", last_name="林"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "林專員")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")

    found = {}
    for path in [
        *PAGES,
        f"/admin/crm/people/edit/{person.pk}/",
        f"/admin/crm/organisations/edit/{city.pk}/",
        f"/admin/event/edit/{event.pk}/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert page.locator("html").get_attribute("lang").lower().startswith(language[:2])
        lines = english_lines(page.locator("body").inner_text())
        if lines:
            found[path] = lines
    assert found == {}
