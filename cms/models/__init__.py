"""Public site pages; each locale has its own tree (Wagtail locales). One module per kind."""

from .events import EventIndexPage, EventPage
from .pages import ContactPage, HomePage, StandardPage
from .sister_cities import SisterCityIndexPage, SisterCityPage

__all__ = [
    "ContactPage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "SisterCityIndexPage",
    "SisterCityPage",
    "StandardPage",
]
