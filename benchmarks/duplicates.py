"""Duplicate candidates are found by blocking: among 100,000 people the search costs about ten
times what it costs among 10,000 (target ratio <= 12), never the hundred times that comparing
every pair would, and it reads the people in one query whatever their number.

Both populations have one shape: romanised East Asian and Western names drawn from the same
syllables and surnames, about one person in twenty planted again as a duplicate (the same name
family-first in capitals, a Wade-Giles or hyphenated spelling, or the same e-mail). The small
and large runs are timed in interleaved rounds and the ratio is the median of the per-round
ratios, so a slow moment of the shared machine falls inside one round.
"""

import os
import random
import statistics
import time

from _harness import Report, setup_database, teardown_database

SCALE = float(os.environ.get("BENCH_DUPLICATES_SCALE", "1"))
SMALL = int(10_000 * SCALE)
LARGE = int(100_000 * SCALE)
ROUNDS = 5
PLANTED_EVERY = 20
SYLLABLES = [
    "an",
    "bai",
    "bo",
    "chang",
    "chen",
    "cheng",
    "chun",
    "da",
    "de",
    "dong",
    "fang",
    "fei",
    "feng",
    "gang",
    "guo",
    "hai",
    "hao",
    "hong",
    "hua",
    "hui",
    "jia",
    "jian",
    "jie",
    "jin",
    "jun",
    "kai",
    "kang",
    "lan",
    "lei",
    "li",
    "liang",
    "lin",
    "ling",
    "long",
    "mei",
    "min",
    "ming",
    "na",
    "ning",
    "pei",
    "ping",
    "qiang",
    "qing",
    "rong",
    "rui",
    "shan",
    "sheng",
    "shi",
    "shu",
    "song",
    "tai",
    "tao",
    "ting",
    "wei",
    "wen",
    "xiang",
    "xiao",
    "xin",
    "xiu",
    "ya",
    "yan",
    "yang",
    "yi",
    "ying",
    "yong",
    "yu",
    "yuan",
    "yun",
    "ze",
    "zhen",
    "zhi",
    "zhong",
    "hiro",
    "yuki",
    "taka",
    "masa",
    "nori",
    "kazu",
    "haru",
    "aki",
    "tomo",
    "yoshi",
    "min",
    "seo",
    "jae",
    "hyun",
    "sung",
    "young",
    "jin",
    "hye",
    "soo",
    "eun",
]
SURNAMES = [
    "chen",
    "lin",
    "huang",
    "chang",
    "li",
    "wang",
    "wu",
    "liu",
    "tsai",
    "yang",
    "hsu",
    "cheng",
    "hsieh",
    "kuo",
    "hung",
    "tseng",
    "chiu",
    "liao",
    "lai",
    "chou",
    "yeh",
    "su",
    "chuang",
    "lu",
    "chiang",
    "ho",
    "lo",
    "kao",
    "chou",
    "kim",
    "lee",
    "park",
    "choi",
    "jung",
    "kang",
    "cho",
    "yoon",
    "jang",
    "lim",
    "han",
    "oh",
    "seo",
    "shin",
    "kwon",
    "hwang",
    "ahn",
    "song",
    "ryu",
    "hong",
    "sato",
    "suzuki",
    "takahashi",
    "tanaka",
    "watanabe",
    "ito",
    "yamamoto",
    "nakamura",
    "kobayashi",
    "kato",
    "yoshida",
    "yamada",
    "sasaki",
    "yamaguchi",
    "matsumoto",
    "smith",
    "johnson",
    "williams",
    "brown",
    "jones",
    "garcia",
    "miller",
    "davis",
    "wilson",
    "anderson",
    "taylor",
    "thomas",
    "moore",
    "martin",
    "jackson",
    "white",
    "harris",
    "clark",
    "lewis",
    "walker",
    "young",
    "allen",
    "king",
    "wright",
    "scott",
]


def name(rng):
    given = rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
    return rng.choice(SURNAMES).capitalize(), given.capitalize()


def variant(family, given, rng):
    """The same person as another office typed them."""
    how = rng.randrange(3)
    if how == 0:
        return family.upper(), given
    if how == 1:
        half = max(1, len(given) // 2)
        return family, f"{given[:half]}-{given[half:].lower()}"
    return given, family  # given and family names swapped


def build(count, rng, tag):
    """Bulk-create the people; return their pk range and the planted pairs of pks."""
    from crm.models import Person

    people, planted = [], []
    for number in range(count):
        if number % PLANTED_EVERY == 1:
            original = people[-1]
            family, given = variant(original.family_name, original.given_name, rng)
            email = original.email if rng.random() < 0.3 else ""
            planted.append((number - 1, number))
        else:
            family, given = name(rng)
            email = f"{tag}{number}@example.org" if rng.random() < 0.5 else ""
        people.append(Person(family_name=family, given_name=given, email=email))
    created = Person.objects.bulk_create(people, batch_size=5000)
    pairs = {frozenset((created[a].pk, created[b].pk)) for a, b in planted}
    return (created[0].pk, created[-1].pk), pairs


def timed(queryset):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from crm.dedupe.keys import skeleton
    from crm.selectors.duplicates import duplicate_people

    # Each run starts cold, as the first request of a fresh worker would.
    skeleton.cache_clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        found = duplicate_people(queryset)
        elapsed = time.perf_counter() - started
    return elapsed, {frozenset((c.first, c.second)) for c in found}, len(queries)


def main():
    connection = setup_database()
    report = Report()
    try:
        from crm.models import Person

        rng = random.Random(13)
        small_range, _small_planted = build(SMALL, rng, "s")
        large_range, large_planted = build(LARGE, rng, "l")
        small = Person.objects.filter(pk__range=small_range)
        large = Person.objects.filter(pk__range=large_range)
        ratios, small_times, large_times = [], [], []
        for _round in range(ROUNDS):
            small_time, small_found, small_queries = timed(small)
            large_time, large_found, large_queries = timed(large)
            ratios.append(large_time / small_time)
            small_times.append(small_time)
            large_times.append(large_time)
        print(
            f"# {SMALL} people: {statistics.median(small_times):.2f} s, {len(small_found)} pairs; "
            f"{LARGE} people: {statistics.median(large_times):.2f} s, {len(large_found)} pairs"
        )
        recall = len(large_planted & large_found) / len(large_planted)
        report.figure("duplicates_time_ratio_100k_over_10k", statistics.median(ratios), "<=", 12)
        report.figure("duplicates_queries_10k", small_queries, "==", 1)
        report.figure("duplicates_queries_100k", large_queries, "==", 1)
        # Blocking must not lose what it is for: the planted duplicates are found.
        report.figure("duplicates_planted_found_share_100k", recall, ">=", 0.9)
    finally:
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    main()
