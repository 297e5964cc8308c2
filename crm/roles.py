"""The two staff groups every installation starts with."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission

PROTOCOL_OFFICERS = "Protocol officers"
VIEWERS = "Viewers"

# Apps whose records staff work on; every model in them gets the default permissions.
RECORD_APPS = ("crm", "events")
SENSITIVE_PERMISSIONS = (("events", "view_sensitive_registration"),)
ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def _default_permissions(actions, using):
    """Default model permissions (e.g. change_person) for every model of RECORD_APPS."""
    query = Q(pk__in=[])
    for label in RECORD_APPS:
        for model in apps.get_app_config(label).get_models():
            codenames = [f"{action}_{model._meta.model_name}" for action in actions]
            query |= Q(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
                codename__in=codenames,
            )
    return Permission.objects.using(using).filter(query)


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
    for label in (*RECORD_APPS, ADMIN_ACCESS[0], "wagtailimages", "wagtaildocs"):
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)

    officers, _created = Group.objects.using(using).get_or_create(name=PROTOCOL_OFFICERS)
    viewers, _created = Group.objects.using(using).get_or_create(name=VIEWERS)
    admin_access = _named_permissions([ADMIN_ACCESS], using)

    # add() rather than set(): permissions an administrator granted by hand survive the
    # next deployment's migrate.
    officers.permissions.add(
        *_default_permissions(("add", "change", "delete", "view"), using),
        *_named_permissions(SENSITIVE_PERMISSIONS, using),
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
    media = _named_permissions(
        [
            ("wagtailimages", "add_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "choose_document"),
        ],
        using,
    )
    for permission in media:
        GroupCollectionPermission.objects.using(using).get_or_create(
            group=group, collection=root, permission=permission
        )
