"""How do we know X: the section of a person's and an organisation's page that lists the
shortest chains from the office, or from a colleague staff choose, to the record."""

from ..forms import KnownFromForm
from ..selectors import paths

MAX_PATHS = 5


def how_we_know(request, record):
    """Context for crm/admin/_how_we_know.html: the form, where paths start, and the paths."""
    form = KnownFromForm(request.GET)
    start = form.cleaned_data["known_from"] if form.is_valid() else None
    start = start or paths.office()
    found = paths.shortest_paths(start, record, limit=MAX_PATHS) if start else []
    return {
        "known_from_form": form if form.is_bound else KnownFromForm(),
        "known_from": start,
        "known_paths": found,
        "known_is_start": start is not None and start == record,
    }
