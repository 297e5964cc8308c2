"""Titles and precedence: which position a person holds on a date, and who goes first."""

from django.db.models import F, Min, Q
from django.utils import timezone

from .. import names
from ..enums import OfficeRank
from ..models import Affiliation, Person

# Which affiliation is a person's title on a date: the primary one, else the highest office,
# else the latest started; the single and the bulk reads below both choose by this.
TITLE_ORDER = ("-is_primary", "office_rank", F("start_date").desc(nulls_last=True), "pk")


def title_as_of(person, date):
    """The affiliation to print for a person on a date: the primary one, else the highest."""
    return titles_as_of([person], date)[person.pk]


def titles_as_of(people, date):
    """The affiliation to print per person pk on a date (None if none), in one query."""
    pks = [getattr(person, "pk", person) for person in people]
    chosen = dict.fromkeys(pks)
    held = (
        Affiliation.objects.as_of(date)
        .filter(person__in=pks)
        .select_related("organisation")
        .order_by(*TITLE_ORDER)
    )
    for affiliation in held:
        if chosen[affiliation.person_id] is None:
            chosen[affiliation.person_id] = affiliation
    return chosen


def precedence_ranks(people, date):
    """Protocol rank per person pk on a date, in one query for any number of people."""
    people = list(people)
    held = dict(
        Affiliation.objects.as_of(date)
        .filter(person__in=[person.pk for person in people])
        .order_by()
        .values("person")
        .annotate(best=Min("office_rank"))
        .values_list("person", "best")
    )
    return {
        person.pk: (
            person.precedence_override
            if person.precedence_override is not None
            else held.get(person.pk, OfficeRank.PRIVATE)
        )
        for person in people
    }


def precedence_rank(person, date):
    """A person's protocol rank on a date; lower comes first."""
    return precedence_ranks([person], date)[person.pk]


def order_by_precedence(people, date):
    """People in protocol order on a date; equal ranks by family name, then as given."""
    people = list(people)
    ranks = precedence_ranks(people, date)
    # sorted() is stable, so people the rules cannot tell apart keep the caller's order.
    return sorted(people, key=lambda person: (ranks[person.pk], names.sort_key(person)))


def principal_candidates(*, as_of=None, include=()):
    """People whose presence events and items may need: those holding, on `as_of`, an office of
    deputy rank or higher at the home organisation (the mayor, the deputy mayors), plus any
    already chosen (`include`, pks), in precedence order."""
    date = as_of or timezone.localdate()
    current = Affiliation.objects.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=date),
        Q(end_date__isnull=True) | Q(end_date__gte=date),
        organisation__is_home=True,
        office_rank__lte=OfficeRank.DEPUTY,
    )
    return (
        Person.objects.filter(Q(pk__in=current.values("person_id")) | Q(pk__in=list(include)))
        .annotate(
            best_rank=Min(
                "affiliations__office_rank", filter=Q(affiliations__organisation__is_home=True)
            )
        )
        .order_by(F("best_rank").asc(nulls_last=True), "family_name", "given_name", "pk")
    )
