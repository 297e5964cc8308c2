"""The official names handbook in the print pack: titles and agencies written its way."""

import pytest

from crm.enums import TermKind
from crm.models import Affiliation, GlossaryTerm
from events.seating.printing import render_print_pack
from events.seating.selectors import print_guests
from tests.events.seating.test_printing import pdf_text, seated_luncheon

pytestmark = pytest.mark.django_db


def test_glossary_term_used_in_print_pack():
    scene, plan = seated_luncheon(guests=4)
    guest = print_guests(plan)[0].person
    affiliation = Affiliation.objects.filter(person=guest).first()
    assert affiliation is not None
    Affiliation.objects.filter(person=guest).update(
        position_title="市長", position_title_zh_hant="市長", position_title_en="city boss"
    )
    organisation = affiliation.organisation
    GlossaryTerm.objects.create(
        kind=TermKind.TITLE, name="市長", name_zh_hant="市長", name_en="Mayor", name_ja="市長"
    )
    GlossaryTerm.objects.create(
        kind=TermKind.AGENCY,
        name=organisation.name_zh_hant,
        name_zh_hant=organisation.name_zh_hant,
        name_en="Official Agency Name",
    )

    from django.utils import translation

    with translation.override("en"):
        shown = next(g for g in print_guests(plan) if g.person == guest)
    assert (shown.title, shown.organisation) == ("Mayor", "Official Agency Name")
    text = pdf_text(render_print_pack(plan, parts=("badges",), language="en"))
    assert "Mayor" in text and "OfficialAgencyName" in text
    assert "cityboss" not in text
