"""People and organisations in the admin search: their terms and how a hit is shown."""

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import names
from .indexing import SearchKind, SearchResult, Touch, translations
from .models import Affiliation, Organisation, Person
from .searchtext import email_terms, index_terms, phone_terms
from .selectors.precedence import titles_as_of
from .services.search import register_search_kind

# Weights (crm/models/search.py): own name, other names and contacts, found through.
NAME, OTHER, THROUGH = 0, 1, 2


def add_terms(found, texts, weight, *, split=index_terms):
    """Merge terms of some texts into {term: weight}, keeping each term's lowest weight."""
    for text in texts:
        for term in split(text) if text else ():
            if weight < found.get(term, weight + 1):
                found[term] = weight


def organisation_names(organisation):
    return [
        *translations(organisation, "name"),
        organisation.native_name,
        organisation.short_name,
    ]


def _phone_terms(phone):
    """The number in E.164 and national form, and every tail of its national digits."""
    national = str(phone.national_number or "")
    terms = phone_terms(national)
    if national:
        terms.add(f"0{national}")
        terms.add(f"{phone.country_code}{national}")
    return terms


def person_terms(pks):
    people = Person.objects.filter(pk__in=pks, erased_at__isnull=True).prefetch_related(
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.select_related("organisation__parent"),
        )
    )
    terms = {}
    # Many people share an organisation and a title: their terms are worked out once a batch.
    through = {}
    for person in people:
        found = {}
        add_terms(
            found,
            [
                person.family_name,
                person.given_name,
                person.native_name,
                person.chinese_name,
                names.format_name(person),
            ],
            NAME,
        )
        add_terms(found, [person.email], OTHER, split=email_terms)
        if person.phone:
            add_terms(found, [person.phone], OTHER, split=_phone_terms)
        for affiliation in person.affiliations.all():
            organisation = affiliation.organisation
            parent = organisation.parent
            texts = (
                *organisation_names(organisation),
                *(organisation_names(parent) if parent else ()),
                *translations(affiliation, "position_title"),
            )
            if texts not in through:
                through[texts] = {}
                add_terms(through[texts], texts, THROUGH)
            for term in through[texts]:
                found.setdefault(term, THROUGH)
        terms[person.pk] = found
    return terms


def person_results(pks):
    people = {person.pk: person for person in Person.objects.filter(pk__in=pks)}
    titles = _titles(people.values())
    results = []
    for pk in pks:
        person = people.get(pk)
        if person is None:
            continue
        other = list(
            dict.fromkeys(name for name in (person.native_name, person.chinese_name) if name)
        )
        title = titles.get(pk)
        if title:
            other.append(f"{title.position_title}, {title.organisation}")
        results.append(
            SearchResult(
                kind="person",
                pk=pk,
                title=str(person),
                detail=" · ".join(other),
                url=reverse("crm_person:inspect", args=[pk]),
            )
        )
    return results


def _titles(people):
    return titles_as_of(list(people), timezone.localdate()) if people else {}


def organisation_terms(pks):
    organisations = Organisation.objects.filter(pk__in=pks).select_related("parent")
    terms = {}
    for organisation in organisations:
        found = {}
        add_terms(found, translations(organisation, "name"), NAME)
        add_terms(found, [organisation.native_name, organisation.short_name], OTHER)
        if organisation.parent:
            add_terms(found, organisation_names(organisation.parent), THROUGH)
        terms[organisation.pk] = found
    return terms


def organisation_results(pks):
    organisations = Organisation.objects.in_bulk(pks)
    results = []
    for pk in pks:
        organisation = organisations.get(pk)
        if organisation is None:
            continue
        detail = [organisation.native_name, organisation.get_kind_display()]
        if organisation.country:
            detail.append(str(organisation.country.name))
        results.append(
            SearchResult(
                kind="organisation",
                pk=pk,
                title=str(organisation),
                detail=" · ".join(part for part in detail if part),
                url=reverse("crm_organisation:inspect", args=[pk]),
            )
        )
    return results


def _people_of(organisation):
    return list(
        Affiliation.objects.filter(
            Q(organisation=organisation.pk) | Q(organisation__parent=organisation.pk)
        )
        .values_list("person_id", flat=True)
        .distinct()
    )


def register():
    register_search_kind(
        SearchKind(
            key="person",
            model=Person,
            label=_("People"),
            order=10,
            terms=person_terms,
            results=person_results,
            url_name="crm_person:index",
            touches=(
                Touch(Affiliation, lambda affiliation: [affiliation.person_id]),
                Touch(Organisation, _people_of),
            ),
        )
    )
    register_search_kind(
        SearchKind(
            key="organisation",
            model=Organisation,
            label=_("Organisations"),
            order=20,
            terms=organisation_terms,
            results=organisation_results,
            url_name="crm_organisation:index",
            touches=(
                Touch(
                    Organisation,
                    lambda organisation: list(organisation.children.values_list("pk", flat=True)),
                ),
            ),
        )
    )
