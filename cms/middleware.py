from django.conf import settings
from wagtail.views import serve as wagtail_serve

from . import cache, routing


class PageCacheMiddleware:
    """Answer cookie-less requests for unchanged public pages from the page cache.

    It sits right after SecurityMiddleware: a hit skips sessions, logins, CSRF and Wagtail's
    routing, and a miss stores the response as the inner middleware finished it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = cache.fetch(request)
        if response is None:
            response = self.get_response(request)
            cache.store(request, response)
        return response


class PageRoutingMiddleware:
    """Route public page requests with cms.routing before Wagtail's serve view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # With KIA_ACCELERATIONS off, Wagtail's serve view finds the site and page itself.
        if view_func is wagtail_serve and settings.KIA_ACCELERATIONS:
            routing.hand_over(request, view_args[0] if view_args else view_kwargs["path"])
