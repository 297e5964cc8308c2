"""Importing people grows with the file, not faster: 10,000 rows cost at most 11 times 1,000
rows, and the number of queries per row is the same at both sizes.

Each file holds people with an e-mail address, a phone number and a position at one of 200
organisations already in the database (as an office's list of contacts would). Each import
runs in a transaction that is rolled back, so every round starts from the same database;
the two sizes are timed in interleaved rounds and the median of the rounds' ratios is
compared.
"""

import statistics
import time

from _harness import Report, setup_database, teardown_database

ORGANISATIONS = 200
SMALL, BIG = 1_000, 10_000
ROUNDS = 5
HEADER = "family_name,given_name,email,phone,organisation,position_title,start_date"


def make_file(rows):
    lines = [HEADER]
    for number in range(rows):
        lines.append(
            f"Family{number},Given{number},person{number}@example.org,"
            f"+886 7 {3000000 + number},Bench organisation {number % ORGANISATIONS},"
            f"Officer,2019-{1 + number % 12:02d}-{1 + number % 28:02d}"
        )
    return ("\n".join(lines) + "\n").encode()


def timed_import(data):
    """(seconds, queries) of importing a file, rolled back afterwards."""
    from django.db import connection, transaction

    from crm.enums import ImportKind, RowAction
    from crm.services.imports import import_file

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        with transaction.atomic():
            result = import_file(data, "people.csv", kind=ImportKind.PEOPLE)
            transaction.set_rollback(True)
        elapsed = time.perf_counter() - started
    # Every row is new: the file is measured writing, not skipping.
    assert result.counts[RowAction.CREATE] == len(result.plans)
    return elapsed, queries


def main():
    connection = setup_database()
    report = Report()
    try:
        from crm.enums import OrganisationKind
        from crm.models import Organisation

        Organisation.objects.bulk_create(
            Organisation(
                kind=OrganisationKind.OTHER,
                name_zh_hant=f"測試機關 {number}",
                name_en=f"Bench organisation {number}",
            )
            for number in range(ORGANISATIONS)
        )
        files = {SMALL: make_file(SMALL), BIG: make_file(BIG)}
        # Warm caches (country names, choices) and let the database file reach its size.
        timed_import(files[SMALL])
        timed_import(files[BIG])
        times = {SMALL: [], BIG: []}
        queries = {}
        for _round in range(ROUNDS):
            for size in (SMALL, BIG):
                elapsed, count = timed_import(files[size])
                times[size].append(elapsed)
                queries[size] = count
        small, big = statistics.median(times[SMALL]), statistics.median(times[BIG])
        # Each round's two sizes ran side by side; the median of their ratios resists a
        # neighbour's load landing on one size only.
        ratio = statistics.median(b / s for s, b in zip(times[SMALL], times[BIG], strict=True))
        per_row_small, per_row_big = queries[SMALL] / SMALL, queries[BIG] / BIG
        print(f"import 1k: {small:.2f} s, 10k: {big:.2f} s (medians of {ROUNDS})")
        report.figure("import_people_time_ratio_10k_over_1k", ratio, "<=", 11)
        # Two inserts per row (person, position) and a few queries per 500 rows to match.
        report.figure("import_people_queries_per_row_1k", round(per_row_small, 2), "<=", 2.1)
        report.figure("import_people_queries_per_row_10k", round(per_row_big, 2), "<=", 2.1)
        report.figure(
            "import_people_queries_per_row_ratio_10k_over_1k",
            round(per_row_big / per_row_small, 3),
            "<=",
            1.01,
        )
    finally:
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    main()
