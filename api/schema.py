"""What the OpenAPI schema covers: this app's /api/v1/ only (not Wagtail's admin API), and the
error answers every operation can give, declared so clients and schemathesis check them."""

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.permissions import AllowAny


def only_this_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class ErrorSerializer(serializers.Serializer):
    """The body of a 401, 403, 404 or 429: why, in the request's language."""

    detail = serializers.CharField()


ERRORS = {
    "401": "No valid token: send `Authorization: Token <key>`.",
    "403": "The token's user lacks the admin permission this needs.",
    "404": "No such record (or not one this list shows).",
    "429": "Too many requests; try again after the time in Retry-After.",
}


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus the error answers DRF gives outside the view's code."""

    def error_codes(self):
        view = self.view
        codes = []
        if not all(issubclass(cls, AllowAny) for cls in view.permission_classes):
            codes += ["401", "403"]
        if "{" in self.path:
            codes.append("404")
        if getattr(view, "throttle_classes", None):
            codes.append("429")
        return codes

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self.error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    ErrorSerializer, code, direction=direction
                )
                responses[code]["description"] = ERRORS[code]
        return responses
