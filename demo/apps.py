from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    # Installed only so that `manage.py load_demo` is found; the package has no models.
    name = "demo"
    verbose_name = _("demo data")
