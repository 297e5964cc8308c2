from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("public site")

    def ready(self):
        # Connects the handlers that forget cached sites when a Site changes.
        from . import routing  # noqa: F401
