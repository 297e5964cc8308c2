"""The API answers in the language of `?lang=`, else of Accept-Language (LocaleMiddleware)."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

LANGUAGES = [code for code, _name in settings.LANGUAGES]
LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=LANGUAGES,
    description="Language of translated fields; overrides Accept-Language.",
)


class LanguageMixin:
    def initial(self, request, *args, **kwargs):
        code = request.query_params.get("lang", "").lower()
        if code in LANGUAGES:
            translation.activate(code)
            request.LANGUAGE_CODE = code
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ("Accept-Language",))
        return response
