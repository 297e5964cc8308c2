from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("public site")

    def ready(self):
        # Connect the handler that forgets cached sites and pages when a Site changes, and
        # the receiver that carries an event record's titles to its pages.
        from . import cache, signals  # noqa: F401
