"""Admin hooks of the public site: an event's page brings its translations with it."""

from wagtail import hooks

from .dashboard import add_health_panel
from .services import sync_event_pages


def _sync(request, page):
    from .models import EventPage

    page = page.specific
    if isinstance(page, EventPage):
        sync_event_pages(page.event)


@hooks.register("after_create_page")
def make_event_page_translations(request, page):
    _sync(request, page)


@hooks.register("after_publish_page")
def publish_event_page_translations(request, page):
    _sync(request, page)


# The admin home: the ties most in need of attention (cms/dashboard.py).
hooks.register("construct_homepage_panels", add_health_panel)
