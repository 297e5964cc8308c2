"""Whole numbers that arrive as text: ids in addresses and forms, years in filters, row numbers."""

# SQLite's and PostgreSQL's bigint: the largest id a row can have.
MAX_ID = 2**63 - 1


def plain_int(value, *, maximum=MAX_ID):
    """`value` as an int when it is ASCII digits no larger than `maximum`, else None.

    str.isdigit() also accepts "²", which int() then refuses, and other scripts' digits such
    as "٣", which int() reads as 3: neither is an id or a year anyone meant, and an id beyond
    a bigint overflows the database instead of matching nothing.
    """
    text = str(value)
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= maximum else None
