"""Middleware every app relies on."""

from csp.middleware import CSPMiddleware
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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with two policies: the public site's and the admin's.

    The public site runs no inline script or style at all (its pages are cached whole, so a
    per-response nonce could not match a cached page), so its policy allows scripts and
    styles from our own origin only. Wagtail's admin writes inline scripts in several form
    widgets and inline style attributes throughout, so its policy (KIA_ADMIN_CSP) allows inline
    code but still no other origin, no plugins, no framing by other sites and no form posting
    elsewhere. Both add a Permissions-Policy that turns off what no page here uses.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.KIA_ADMIN_CSP
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.KIA_PERMISSIONS_POLICY)
        return response
