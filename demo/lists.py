"""Illustrative mailing lists: the report names no lists, so these two are invented (and say so)."""

from django.utils.translation import gettext

from crm.models import MailingList, MailingListMember

from .common import report, upsert
from .crm import person

LISTS = {
    "New Year cards": (
        "Lunar New Year cards from the mayor to envoys and partner cities (illustrative).",
        ("christensen", "oconnor", "kato", "reeves", "cowan", "yeom", "satake"),
    ),
    "Luncheon invitations": (
        "Envoys invited to the Kaohsiung International Luncheon each year (illustrative).",
        ("christensen", "oconnor", "kato", "singapore_head", "nz_head", "fuchssteiner"),
    ),
}


def load(stdout=None):
    """The demo's mailing lists and their members; a second run changes nothing."""
    report(stdout, gettext("CRM: illustrative mailing lists"))
    for name, (purpose, keys) in LISTS.items():
        mailing_list = upsert(
            MailingList, {"name": name}, {"purpose": purpose, "is_illustrative": True}
        )
        for key in keys:
            MailingListMember.objects.get_or_create(mailing_list=mailing_list, person=person(key))
