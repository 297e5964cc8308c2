from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrmConfig(AppConfig):
    name = "crm"
    verbose_name = _("contacts and relationships")
    # Staff keep every record of this app (core.roles makes the groups).
    staff_records = True
    # Protocol officers export contact lists with e-mails and phones; viewers without them.
    officer_permissions = ("export_contact_details",)

    def ready(self):
        from . import search_kinds

        search_kinds.register()
