from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrmConfig(AppConfig):
    name = "crm"
    verbose_name = _("contacts and relationships")
    # Staff keep every record of this app (core.roles makes the groups).
    staff_records = True

    def ready(self):
        from . import search_kinds

        search_kinds.register()
