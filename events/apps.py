from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("events and logistics")
    # Staff keep every record of this app (core.roles makes the groups); only officers
    # read applicants' passport numbers and dates of birth.
    staff_records = True
    officer_permissions = ("view_sensitive_registration",)
    # How long personal data is kept, and who saw passports and birth dates: administrators'.
    administrator_models = ("retentionsettings", "sensitivedataaccess")

    def ready(self):
        from . import search_kinds

        search_kinds.register()
