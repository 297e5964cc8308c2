"""The admin search costs about the same among 100,000 people as among 10,000.

Two databases are built side by side, one with 10,000 people and one with 100,000 (ten
people per organisation in both), each indexed through the same service the admin's saves
call. Then rounds alternate between them: each round asks /admin/search/ the same kinds of
question in both (a Latin name, a substring of a Chinese name, an e-mail address, a phone
number in another format, an organisation's name that finds its ten people), each query
chosen so that it matches the same number of records at both sizes. The ratio compares the
medians of the two sizes' round totals, measured side by side on a shared, noisy machine.

SEARCH_BENCH_SCALE=0.1 runs the same at a tenth of the size (a quick check of the script).
"""

import os
import random
import statistics
import string
import time

from _harness import Report, setup_database, teardown_database

SCALE = float(os.environ.get("SEARCH_BENCH_SCALE", "1"))
SIZES = (("10k", int(10_000 * SCALE)), ("100k", int(100_000 * SCALE)))
PEOPLE_PER_ORGANISATION = 10
ROUNDS = 15
HAN = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘于蔣蔡余杜葉程蘇魏呂丁任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋付方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃武戴莫孔向湯"  # noqa: E501
QUERIES_PER_SIZE = 5


def _token(rng, length=7):
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(length))


def build(people_count, rng):
    """Fill one database; return the queries to ask it (each matching the same few records)."""
    from django.db import connection

    from crm.enums import OrganisationKind
    from crm.models import Affiliation, Organisation, Person
    from crm.services.search import index_records

    organisations = Organisation.objects.bulk_create(
        Organisation(
            kind=OrganisationKind.CITY,
            name_zh_hant="".join(rng.choice(HAN) for _ in range(3)) + "市",
            name_en=f"{_token(rng).title()} City",
        )
        for _ in range(people_count // PEOPLE_PER_ORGANISATION)
    )
    people = Person.objects.bulk_create(
        (
            Person(
                family_name=_token(rng).title(),
                given_name=_token(rng).title(),
                native_name="".join(rng.choice(HAN) for _ in range(4)),
                email=f"{_token(rng, 10)}@example.org",
                phone=f"+8869{rng.randrange(10**7, 10**8)}",
            )
            for _ in range(people_count)
        ),
        batch_size=5000,
    )
    Affiliation.objects.bulk_create(
        (
            Affiliation(
                person=person,
                organisation=organisations[number // PEOPLE_PER_ORGANISATION],
                position_title_zh_hant="職員",
                position_title_en="Officer",
            )
            for number, person in enumerate(people)
        ),
        batch_size=5000,
    )
    pks = [person.pk for person in people]
    for start in range(0, len(pks), 2000):
        index_records("person", pks[start : start + 2000])
    index_records("organisation", [organisation.pk for organisation in organisations])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    targets = rng.sample(people, QUERIES_PER_SIZE)
    organisation = rng.choice(organisations)
    national = str(targets[3].phone.national_number)
    return [
        f"{targets[0].given_name} {targets[0].family_name}",
        targets[1].native_name[1:],
        targets[2].email,
        f"0{national[:3]} {national[3:6]} {national[6:]}",
        organisation.name_en.split()[0],
    ]


def main():
    # One migrated database, cloned (a file copy on SQLite, a template on PostgreSQL): the
    # migrations' data steps only know the default alias.
    setup_database()
    from django.conf import settings
    from django.db import connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    # The wrapper itself: use() below swaps what the name "default" points at.
    default = connections["default"]
    default.close()  # on SQLite, so the copy holds everything (the WAL is checkpointed)
    default.creation.clone_test_db(suffix="big", verbosity=0, autoclobber=True)
    connections.settings["big"] = default.creation.get_test_db_clone_settings("big")
    wrappers = {"10k": default, "100k": connections.create_connection("big")}

    def use(label):
        # The ORM asks for "default": point it at one size's database.
        connections["default"] = wrappers[label]

    report = Report()
    rng = random.Random(20190216)
    queries, clients = {}, {}
    try:
        from django.contrib.auth import get_user_model

        for label, count in SIZES:
            use(label)
            started = time.perf_counter()
            queries[label] = build(count, rng)
            user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
            clients[label] = Client()
            clients[label].force_login(user)
            print(
                f"# {label}: {count} people indexed in {time.perf_counter() - started:.0f} s "
                f"({wrappers[label].vendor})",
                flush=True,
            )

        def ask(label, query):
            response = clients[label].get("/admin/search/", {"q": query})
            if response.status_code != 200:
                raise SystemExit(f"/admin/search/ answered {response.status_code}")
            return response

        counts = {}
        for label in queries:
            use(label)
            hits = []
            for query in queries[label]:
                response = ask(label, query)  # warm caches the way a second request finds them
                hits.append(sum(len(group.results) for group in response.context["groups"]))
            with CaptureQueriesContext(wrappers[label]) as captured:
                ask(label, queries[label][0])
            counts[label] = len(captured)
            print(f"# {label}: hits per query {hits}", flush=True)
            if not all(hits):
                raise SystemExit(f"a query found nothing at {label}: {queries[label]}")
        totals = {label: [] for label in queries}
        for _round in range(ROUNDS):
            for label in queries:
                use(label)
                started = time.perf_counter()
                for query in queries[label]:
                    ask(label, query)
                totals[label].append(time.perf_counter() - started)
        small = statistics.median(totals["10k"]) / len(queries["10k"])
        big = statistics.median(totals["100k"]) / len(queries["100k"])
        print(f"# per search: 10k {small * 1000:.1f} ms, 100k {big * 1000:.1f} ms", flush=True)
        report.figure("admin_search_100k_vs_10k_time_ratio", big / small, "<=", 2)
        report.figure(
            "admin_search_queries_100k_minus_10k", counts["100k"] - counts["10k"], "==", 0
        )
    finally:
        use("10k")
        wrappers["100k"].close()
        default.creation.destroy_test_db(verbosity=0, suffix="big")
        teardown_database(default)
    report.exit()


if __name__ == "__main__":
    main()
