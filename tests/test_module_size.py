"""No module over about 500 lines outside migrations and the demo data (issue 11).

Past that size a module is split by job, or grown into a package the way pretalx does per
aggregate (house style). Migrations are written by Django, and the top-level demo package is
data that reads top to bottom, so neither counts; the tests count like the code they mirror.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["core", "crm", "events", "cms", "api", "config", "tests"]
MOST_LINES = 500


def oversized_modules():
    """'path: N lines' for every module of PACKAGES over MOST_LINES, migrations left out."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MOST_LINES:
                found.append(f"{relative}: {lines} lines")
    return found


def test_no_module_is_over_500_lines():
    too_long = oversized_modules()
    assert not too_long, f"split these modules (over {MOST_LINES} lines):\n" + "\n".join(too_long)
