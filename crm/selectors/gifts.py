"""Reads over the gift register: declarations due, repeats and what was not yet given."""

from django.db.models import Count

from ..enums import GiftDirection
from ..models import Gift

REGISTER_RELATED = ("counterpart_person", "counterpart_organisation", "interaction", "photo")


def _key(description):
    return " ".join((description or "").split()).casefold()


def gifts_for_declaration(*, threshold=None):
    """Gifts received above the ethics threshold, newest first, with their counterparts joined."""
    return Gift.objects.for_declaration(threshold).select_related(*REGISTER_RELATED)


def repeat_gifts(description, *, person=None, organisation=None, exclude_pk=None):
    """Gifts of the same item (case and spacing aside) already given to this recipient."""
    if person is None and organisation is None:
        return Gift.objects.none()
    gifts = Gift.objects.to_recipient(person=person, organisation=organisation)
    if exclude_pk is not None:
        gifts = gifts.exclude(pk=exclude_pk)
    # The comparison is made in Python: casefold() matches CJK and accented text the same way
    # on SQLite and PostgreSQL, which LOWER() does not; a recipient has few gifts.
    key = _key(description)
    return [gift for gift in gifts.order_by("-given_on") if _key(gift.description) == key]


def suggested_gifts(*, person=None, organisation=None, limit=5):
    """Items the city has given others but not yet this recipient, most often given first."""
    given_here = set()
    if person is not None or organisation is not None:
        given_here = {
            _key(text)
            for text in Gift.objects.to_recipient(
                person=person, organisation=organisation
            ).values_list("description", flat=True)
        }
    counts = (
        Gift.objects.filter(direction=GiftDirection.GIVEN)
        .values("description")
        .annotate(times=Count("pk"))
        .order_by("-times", "description")
    )
    suggestions = []
    seen = set()
    for row in counts:
        key = _key(row["description"])
        if key in given_here or key in seen:
            continue
        seen.add(key)
        suggestions.append(row["description"])
        if len(suggestions) == limit:
            break
    return suggestions
