"""Middleware every app relies on."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 outside the public site stays a 404.

    The public site's catch-all (Wagtail's page serving inside i18n_patterns) matches any path,
    so Django would turn a mistyped /admin/... address into a redirect to /<language>/admin/...,
    a public page that does not exist either. Sections served outside i18n_patterns
    (settings.KIA_UNPREFIXED_PATHS) answer their own 404 instead.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(
            settings.KIA_UNPREFIXED_PATHS
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
