"""The admin search from the keyboard: the sidebar box, arrow keys, Enter, a visible focus."""

import pytest

from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.staff import protocol_officer

from .conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True)


def test_officer_finds_akitas_people_from_the_sidebar_by_keyboard(live_server, browser):
    officer = protocol_officer(username="officer")
    officer.set_password("kaohsiung-e2e")
    officer.save()
    akita = OrganisationFactory(name="秋田縣", name_en="Akita Prefecture", native_name="秋田県")
    governor = PersonFactory(family_name="Satake", given_name="Norihisa", native_name="佐竹敬久")
    AffiliationFactory(organisation=akita, person=governor, position_title="知事")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "kaohsiung-e2e")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/admin/")

    box = page.locator("#menu-search-q")
    box.fill("秋田")
    box.press("Enter")
    page.wait_for_url("**/admin/search/?q=*")
    assert page.locator("[data-kind=person] [data-search-hit]").count() == 1
    assert page.locator("[data-kind=organisation] [data-search-hit]").count() == 1

    # The results page's own box has the focus; Down goes to the first hit, then the next.
    page.locator(".crm-search-form input[name=q]").focus()
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert first == f"/admin/crm/people/inspect/{governor.pk}/"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == (
        f"/admin/crm/organisations/inspect/{akita.pk}/"
    )
    page.keyboard.press("ArrowUp")
    page.screenshot(path=str(ARTIFACTS / "admin-search.png"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/admin/crm/people/inspect/{governor.pk}/")
    assert page.locator(".crm-how-we-know").count() == 1
    context.close()
