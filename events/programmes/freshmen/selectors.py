"""Reads for the freshmen party: registrations by university and check-in figures."""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext
from django_countries.fields import Country

from ...enums import RegistrationStatus
from ...models import Registration


@dataclass(frozen=True)
class University:
    name: str
    registrations: list

    @property
    def checked_in(self):
        return sum(1 for r in self.registrations if r.checked_in_at)


def registrations_by_university(event):
    """Live registrations grouped by university (as typed, spacing and case tidied)."""
    registrations = (
        Registration.objects.filter(event=event)
        .exclude(status=RegistrationStatus.WITHDRAWN)
        .order_by("university", "family_name", "given_name", "pk")
    )
    groups = {}
    labels = {}
    for registration in registrations:
        label = " ".join(registration.university.split())
        key = label.casefold()
        labels.setdefault(key, label)
        groups.setdefault(key, []).append(registration)
    return [
        University(name=labels[key] or gettext("university unknown"), registrations=rows)
        for key, rows in sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))
    ]


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    checked_in: int


@dataclass(frozen=True)
class PartyStatistics:
    total: int
    checked_in: int
    by_country: list
    by_university: list


def _figures(counts, arrived, label):
    keys = sorted(counts, key=lambda key: (-counts[key], label(key)))
    return [Figure(label=label(key), count=counts[key], checked_in=arrived[key]) for key in keys]


def party_statistics(event):
    """Accepted students by nationality and by university, with how many have checked in."""
    rows = Registration.objects.filter(event=event, status=RegistrationStatus.ACCEPTED).values_list(
        "nationality", "university", "checked_in_at"
    )
    by_country, by_university = Counter(), Counter()
    country_in, university_in = Counter(), Counter()
    universities = {}
    for nationality, university, checked_in_at in rows:
        label = " ".join(university.split())
        universities.setdefault(label.casefold(), label)
        by_country[nationality or ""] += 1
        by_university[label.casefold()] += 1
        if checked_in_at:
            country_in[nationality or ""] += 1
            university_in[label.casefold()] += 1
    return PartyStatistics(
        total=sum(by_country.values()),
        checked_in=sum(country_in.values()),
        by_country=_figures(
            by_country,
            country_in,
            lambda code: str(Country(code).name) if code else gettext("country unknown"),
        ),
        by_university=_figures(
            by_university,
            university_in,
            lambda key: universities[key] or gettext("university unknown"),
        ),
    )
