from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_staff_groups_after_migrate(sender, using="default", **kwargs):
    # post_migrate fires once per app with models; only the last one comes after every
    # app's migrations (and, through ensure_staff_groups, its permissions) exist.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from .roles import ensure_staff_groups

    ensure_staff_groups(using=using)


class CrmConfig(AppConfig):
    name = "crm"
    verbose_name = _("contacts and relationships")

    def ready(self):
        # The one signal receiver in the project, and acceptable: the staff groups are
        # configuration that must exist after every migrate (a fresh install, CI, a flush
        # in tests), not a side effect of saving a record. A data migration could not do
        # this, because permissions rows are only created after migrations run.
        post_migrate.connect(
            _ensure_staff_groups_after_migrate,
            dispatch_uid="crm.ensure_staff_groups",
        )
