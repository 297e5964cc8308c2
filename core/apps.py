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
        _account_names_optional()
        _chooser_edit_text_lazy()


def _account_names_optional():
    """Wagtail's account page saves every panel at once, and its name form requires a first
    name, last name and e-mail; a login without them (the demo's, a new officer's) could not
    save a language preference. Names stay optional, as Django's User model has them."""
    from wagtail.admin.forms.account import NameEmailForm

    for name in ("first_name", "last_name", "email"):
        if name in NameEmailForm.base_fields:
            NameEmailForm.base_fields[name].required = False


def _chooser_edit_text_lazy():
    """Wagtail's ChooserViewSet translates its "Edit" once, at import, in the office's
    language, so the English admin read "編輯" in every chooser's menu (images and documents
    too). Lazy, it follows each reader; set before any chooser viewset builds its widget."""
    from django.utils.translation import gettext_lazy
    from wagtail.admin.viewsets.chooser import ChooserViewSet

    ChooserViewSet.edit_item_text = gettext_lazy("Edit")
