"""What the OpenAPI schema covers: this app's /api/v1/ only (not Wagtail's admin API)."""


def only_this_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
