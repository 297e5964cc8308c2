"""Writes to the gift register."""

from django.db import transaction
from wagtail.log_actions import log

from ..models import Gift

GIFT_FIELDS = {
    "given_on",
    "occasion",
    "direction",
    "description",
    "counterpart_person",
    "counterpart_organisation",
    "value",
    "currency",
    "estimated_value_twd",
    "photo",
    "location",
    "interaction",
    "declared_on",
    "is_illustrative",
}


@transaction.atomic
def record_gift(*, user=None, **fields):
    """Enter a gift in the register; bad values are a ValidationError and nothing is written."""
    unknown = (
        set(fields)
        - GIFT_FIELDS
        - {f"description_{code}" for code in ("zh_hant", "en", "ja", "ko")}
    )
    if unknown:
        raise TypeError(f"record_gift() got unexpected fields: {sorted(unknown)}")
    gift = Gift(**fields)
    if not gift.description_zh_hant:
        gift.description_zh_hant = gift.description
    gift.full_clean()
    gift.save()
    if user is not None:
        log(gift, "wagtail.create", user=user)
    return gift


@transaction.atomic
def mark_gift_declared(gift, *, declared_on, user=None):
    """Note the date a received gift was declared to the ethics officer."""
    gift.declared_on = declared_on
    gift.full_clean()
    gift.save(update_fields=["declared_on", "updated_at"])
    if user is not None:
        log(gift, "wagtail.edit", user=user, data={"declared_on": declared_on.isoformat()})
    return gift
