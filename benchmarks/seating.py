"""Seating plan generation for the 2019 luncheon's 140 guests and for 1,000 guests.

Each size is a fresh event in the database: a host, co-hosts, envoys, nine sister-city
delegations (head, interpreter, members) and local hosts, every guest accepted. The time is
the whole service (reading the guests, seating them, writing the seats); the targets are
no hard-rule violation, 140 guests under 1 s and 1,000 under 10 s.
"""

import datetime
import random
import time
import zoneinfo

from _harness import Report, setup_database, teardown_database

DELEGATION_LANGUAGES = ["ko", "ja", "en", "ja", "en", "es", "de", "fr", "vi"]
TARGETS = {140: 1.0, 1000: 10.0}
TAIPEI = zoneinfo.ZoneInfo("Asia/Taipei")


def build_guests(event, count, home, rnd):
    """Accepted guests for an event, in bulk: the shape of the 2019 luncheon at any size."""
    from crm.enums import NameOrder, OfficeRank, OrganisationKind
    from crm.models import Affiliation, Organisation, Person
    from events.enums import InvitationStatus, MemberRole
    from events.models import Delegation, DelegationMember, Invitation

    since = datetime.date(2018, 1, 1)
    people, affiliations, members = [], [], []

    def person(n, languages, order=NameOrder.FAMILY_FIRST):
        p = Person(
            family_name=f"Family{n}",
            given_name=f"Given{n}",
            native_name=f"名{n}",
            name_order=order,
            preferred_languages=languages,
        )
        people.append(p)
        return p

    host = person(0, ["zh-hant", "en"])
    affiliations.append((host, home, OfficeRank.MAYOR))
    cohosts = []
    for i in range(1, 4):
        cohosts.append(person(i, ["zh-hant"]))
        affiliations.append((cohosts[-1], home, OfficeRank.DEPUTY))
    office = Organisation.objects.create(
        kind=OrganisationKind.REPRESENTATIVE_OFFICE, name="Office", name_en="Office"
    )
    for i in range(4, 8):
        affiliations.append(
            (person(i, ["en"], NameOrder.GIVEN_FIRST), office, OfficeRank.AMBASSADOR)
        )
    delegations = []
    for d, language in enumerate(DELEGATION_LANGUAGES):
        city = Organisation.objects.create(kind=OrganisationKind.CITY, name=f"City {d}")
        delegations.append(
            (
                Delegation.objects.create(event=event, name=f"D{d}", organisation=city),
                city,
                language,
            )
        )
    n = 8
    for delegation, city, language in delegations:
        head = person(n, [language])
        affiliations.append((head, city, OfficeRank.MAYOR))
        members.append((delegation, head, MemberRole.HEAD))
        members.append((delegation, person(n + 1, [language, "zh-hant"]), MemberRole.INTERPRETER))
        n += 2
    while len(people) < count:
        if rnd.random() < 0.3:
            local = person(n, ["zh-hant"] + (["en"] if rnd.random() < 0.5 else []))
            affiliations.append(
                (local, home, rnd.choice([OfficeRank.DIRECTOR, OfficeRank.OFFICIAL]))
            )
        else:
            delegation, city, language = rnd.choice(delegations)
            spoken = [language] + (["en"] if rnd.random() < 0.5 else [])
            member = person(n, spoken)
            affiliations.append(
                (member, city, rnd.choice([OfficeRank.DIRECTOR, OfficeRank.OFFICIAL]))
            )
            members.append((delegation, member, MemberRole.MEMBER))
        n += 1
    Person.objects.bulk_create(people)
    Affiliation.objects.bulk_create(
        Affiliation(
            person=p, organisation=o, office_rank=r, position_title="Title", start_date=since
        )
        for p, o, r in affiliations
    )
    DelegationMember.objects.bulk_create(
        DelegationMember(delegation=d, person=p, role=role) for d, p, role in members
    )
    Invitation.objects.bulk_create(
        Invitation(event=event, person=p, status=InvitationStatus.ACCEPTED, max_companions=0)
        for p in people
    )
    return cohosts


def main():
    connection = setup_database()
    try:
        from crm.enums import OrganisationKind
        from crm.models import Organisation
        from events.enums import EventKind
        from events.models import Event
        from events.seating.services import configure_seating_plan, generate_seating_plan

        report = Report()
        home = Organisation.objects.create(
            kind=OrganisationKind.CITY, name="高雄市政府", name_en="Kaohsiung", is_home=True
        )
        rnd = random.Random(2019)
        for count, target in TARGETS.items():
            event = Event.objects.create(
                kind=EventKind.LUNCHEON,
                title=f"Luncheon {count}",
                starts_at=datetime.datetime(2019, 2, 16, 11, 30, tzinfo=TAIPEI),
                ends_at=datetime.datetime(2019, 2, 16, 14, tzinfo=TAIPEI),
            )
            cohosts = build_guests(event, count, home, rnd)
            plan = configure_seating_plan(event, co_hosts=cohosts)
            started = time.perf_counter()
            result = generate_seating_plan(plan)
            elapsed = time.perf_counter() - started
            seated = len(result.seats)
            report.figure(f"guests seated of {count}", seated, "==", count)
            report.figure(
                f"hard-rule violations, {count} guests", len(result.hard_violations), "==", 0
            )
            report.figure(f"seconds to generate, {count} guests", elapsed, "<", target)
            # Soft rules (a shared language, no clusters) are kept where the guests allow it;
            # the count is shown for comparison between runs, not held to a target.
            print(f"soft-rule warnings, {count} guests: {len(result.soft_violations)}", flush=True)
        report.exit()
    finally:
        teardown_database(connection)


if __name__ == "__main__":
    main()
