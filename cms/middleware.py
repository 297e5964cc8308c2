from . import cache


class PageCacheMiddleware:
    """Answer anonymous requests for unchanged public pages from the page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = cache.fetch(request)
        if response is None:
            response = self.get_response(request)
        return response
