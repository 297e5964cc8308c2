"""The events back office: everything the app adds to the Wagtail admin is registered here."""

from . import records  # noqa: F401 - its hooks register the viewsets
