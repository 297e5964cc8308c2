from . import cache


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
