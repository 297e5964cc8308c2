"""Hostile inputs: any Unicode, control characters, direction overrides, formulas, markup,
oversized text, and plausible values, so that examples reach past the first validation."""

import csv
import io
import string

from hypothesis import strategies as st

# What people and robots paste into forms: each has broken a web application somewhere.
EDGE_STRINGS = (
    "",
    " ",
    "\x00",
    "name\x00",
    "\r\nBCC: victim@example.org",
    "line\nbreak",
    "\t",
    "\u202egnp.exe",  # right-to-left override
    "\u200b\u200c\u200d",  # zero-width only
    "\ufeff",  # byte-order mark
    '=HYPERLINK("http://evil.example")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00",
    "../../etc/passwd",
    "𝕿𝖊𝖘𝖙",
    "김민준",
    "山田太郎",
    "ÀÉÎõü",
    "0001-01-01",
    "9999-12-31",
    "-1",
    "1e309",
    "NaN",
    "+886 912 345 678",
    "DUP@EXAMPLE.ORG",
    "a@b",
    "x" * 300,
    "長" * 5_000,
)


def hostile_text(*, max_size=200):
    """Any text: generated Unicode (control characters included), or a known troublemaker."""
    generated = st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=max_size
    )
    return st.one_of(generated, st.sampled_from(EDGE_STRINGS))


def maybe(valid, *, max_size=200):
    """Mostly a plausible value, sometimes a hostile one: both paths of a form get exercised."""
    return st.one_of(valid, hostile_text(max_size=max_size))


def plausible_name():
    return st.text(alphabet=string.ascii_letters + "김민준山田太郎 -'", min_size=1, max_size=40)


def plausible_email():
    local = st.text(
        alphabet=string.ascii_lowercase + string.digits + "._+", min_size=1, max_size=20
    )
    return local.map(lambda name: f"{name}@example.org")


def plausible_date():
    return st.dates().map(lambda date: date.isoformat())


def plausible_passport():
    return st.text(alphabet=string.ascii_uppercase + string.digits + " -", min_size=5, max_size=12)


def form_data(fields, *, extra_keys=True):
    """A POST body: for each field a value from its strategy, or the field left out; and
    sometimes keys the form never asked for."""
    body = st.fixed_dictionaries({}, optional=dict(fields))
    if not extra_keys:
        return body
    extras = st.dictionaries(
        st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=20),
        hostile_text(max_size=40),
        max_size=3,
    )
    return st.tuples(body, extras).map(lambda pair: {**pair[1], **pair[0]})


def csv_files(columns, *, max_rows=8):
    """An uploaded CSV as bytes: the expected header with hostile cells, a wrong header, or
    arbitrary bytes (another encoding, a binary file renamed .csv)."""

    def render(rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().encode()

    row = st.lists(hostile_text(max_size=60), min_size=0, max_size=len(columns) + 1)
    return st.one_of(
        st.lists(row, max_size=max_rows).map(render),
        st.binary(max_size=2_000),
        hostile_text(max_size=500).map(lambda text: text.encode()),
    )
