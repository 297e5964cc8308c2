from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("core")

    def ready(self):
        # The one signal receiver in the project, and acceptable: the staff groups are
        # configuration that must exist after every migrate (a fresh install, CI, a flush
        # in tests), not a side effect of saving a record. A data migration could not do
        # this, because permissions rows are only created after migrations run.
        from .roles import ensure_staff_groups_after_migrate

        post_migrate.connect(
            ensure_staff_groups_after_migrate, dispatch_uid="core.ensure_staff_groups"
        )
        # Pillow's own guard against decompression bombs, at the same size as Wagtail's
        # upload check (Pillow warns above it and refuses twice it): a rendition of any image
        # decodes at most this many pixels.
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
