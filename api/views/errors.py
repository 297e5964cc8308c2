"""An address under /api/v1/ that names nothing answers as the API does: JSON, not the site's
HTML page (a client reading the schema's 404 must be able to parse it)."""

from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from ..language import LanguageMixin


class NotFoundView(LanguageMixin, APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    schema = None  # not an operation of the API

    def dispatch(self, request, *args, **kwargs):
        # Every method is a 404: the address is wrong whatever is asked of it.
        self.http_method_names = [request.method.lower()]
        setattr(self, request.method.lower(), self.not_found)
        return super().dispatch(request, *args, **kwargs)

    def not_found(self, request, *args, **kwargs):
        raise NotFound
