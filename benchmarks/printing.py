"""The luncheon's full print pack (plan, place cards, badges, caterer's list) as it grows.

Guests carry Korean, Japanese and Chinese names (tests/factories/seating.py), so every font
the pack embeds is used. Time is measured in process (perf_counter) around render_print_pack
only, the median of a few renders, so the machine's load between renders does not count.
"""

import statistics
import time

from _harness import Report, setup_database, teardown_database

SIZES = ((140, 3.0, 3), (1000, 10.0, 2))


def seated(guests):
    from crm.models import Organisation
    from events.seating.services import configure_seating_plan, generate_seating_plan
    from tests.factories.seating import accept_all, build_luncheon

    # Each luncheon brings its own host city; only one organisation may be the office's own.
    Organisation.objects.filter(is_home=True).update(is_home=False)
    scene = build_luncheon(guests=guests, delegations=8, n=guests)
    accept_all(scene)
    plan = configure_seating_plan(scene.event)
    generate_seating_plan(plan)
    return plan


def main():
    connection = setup_database()
    report = Report()
    try:
        from events.seating.printing import print_guests, render_print_pack

        for guests, target, repeats in SIZES:
            plan = seated(guests)
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                content = render_print_pack(plan)
                times.append(time.perf_counter() - started)
            assert content.startswith(b"%PDF-")
            seated_count = len(print_guests(plan))
            print(
                f"printing.pack_{guests}_guests: {seated_count} seated, {len(content)} bytes",
                flush=True,
            )
            report.figure(
                f"printing.full_pack_{guests}_guests_s", statistics.median(times), "<=", target
            )
    finally:
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    main()
