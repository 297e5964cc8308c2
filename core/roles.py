"""The two staff groups every installation starts with, made from what each app declares.

An app whose records protocol staff keep says so on its AppConfig: `staff_records = True`
gives every one of its models the default permissions (officers all four, viewers only
view), `officer_permissions` names its own extra permissions that only officers hold, and
`administrator_models` the models no staff group gets (superusers, or a group an
administrator sets up, keep them).
This module knows no app by name, so a lower app never learns what a higher one guards.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission

PROTOCOL_OFFICERS = "Protocol officers"
VIEWERS = "Viewers"

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def staff_apps():
    """The installed apps whose AppConfig declares staff_records."""
    return [config for config in apps.get_app_configs() if getattr(config, "staff_records", False)]


def _default_permissions(actions, using):
    """Default model permissions (e.g. change_person) for every staff model."""
    query = Q(pk__in=[])
    for config in staff_apps():
        excluded = set(getattr(config, "administrator_models", ()))
        for model in config.get_models():
            if model._meta.model_name in excluded:
                continue
            codenames = [f"{action}_{model._meta.model_name}" for action in actions]
            query |= Q(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
                codename__in=codenames,
            )
    return Permission.objects.using(using).filter(query)


def _officer_permissions():
    return [
        (config.label, codename)
        for config in staff_apps()
        for codename in getattr(config, "officer_permissions", ())
    ]


def _named_permissions(pairs, using):
    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.using(using).filter(query)


@transaction.atomic
def ensure_staff_groups(*, using="default"):
    """Create or complete "Protocol officers" (edit) and "Viewers" (read only); idempotent."""
    # Permission rows appear per app in post_migrate; create them here so the groups never
    # depend on the order in which apps' signals ran.
    labels = {config.label for config in staff_apps()}
    labels |= {app_label for app_label, _codename in (ADMIN_ACCESS, *MEDIA_PERMISSIONS)}
    for label in sorted(labels):
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)

    officers, _created = Group.objects.using(using).get_or_create(name=PROTOCOL_OFFICERS)
    viewers, _created = Group.objects.using(using).get_or_create(name=VIEWERS)
    admin_access = _named_permissions([ADMIN_ACCESS], using)

    # add() rather than set(): permissions an administrator granted by hand survive the
    # next deployment's migrate.
    officers.permissions.add(
        *_default_permissions(("add", "change", "delete", "view"), using),
        *_named_permissions(_officer_permissions(), using),
        *admin_access,
    )
    viewers.permissions.add(*_default_permissions(("view",), using), *admin_access)
    _grant_media_choosers(officers, using)
    return officers, viewers


def _grant_media_choosers(group, using):
    """Let the group upload and pick logos, photos and agreement documents."""
    root = Collection.objects.using(using).filter(depth=1).first()
    if root is None:
        return
    for permission in _named_permissions(MEDIA_PERMISSIONS, using):
        GroupCollectionPermission.objects.using(using).get_or_create(
            group=group, collection=root, permission=permission
        )


def ensure_staff_groups_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver: the groups, once every app's permissions exist."""
    # post_migrate fires once per app with models; only the last one comes after every
    # app's migrations (and, through ensure_staff_groups, its permissions) exist.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    ensure_staff_groups(using=using)
