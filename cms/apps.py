from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("public site")

    def ready(self):
        # Connect the handler that forgets cached sites and pages when a Site changes.
        from . import cache  # noqa: F401
