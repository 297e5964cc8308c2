import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal
from django.db.models.signals import post_migrate
from wagtail.models import Collection, GroupCollectionPermission

from core.roles import PROTOCOL_OFFICERS, VIEWERS, ensure_staff_groups

pytestmark = pytest.mark.django_db


def codenames(group):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


# Retention rules and the log of who saw passports and birth dates are administrators' only.
ADMINISTRATOR_MODELS = {"events.retentionsettings", "events.sensitivedataaccess"}


def model_permissions(actions):
    return {
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for label in ("crm", "events")
        for model in apps.get_app_config(label).get_models()
        if model._meta.label_lower not in ADMINISTRATOR_MODELS
        for action in actions
    }


def test_protocol_officers_can_do_everything_on_crm_and_events():
    officers = Group.objects.get(name=PROTOCOL_OFFICERS)
    assert codenames(officers) == model_permissions(("add", "change", "delete", "view")) | {
        "events.view_sensitive_registration",
        "crm.export_contact_details",
        "wagtailadmin.access_admin",
    }


def test_viewers_only_view_and_never_sensitive_data():
    viewers = Group.objects.get(name=VIEWERS)
    assert codenames(viewers) == model_permissions(("view",)) | {"wagtailadmin.access_admin"}


def test_no_staff_group_keeps_retention_rules_access_log_or_erasure():
    for group in Group.objects.filter(name__in=[PROTOCOL_OFFICERS, VIEWERS]):
        granted = codenames(group)
        assert not {
            name
            for name in granted
            if name.split("_", 1)[-1] in {"retentionsettings", "sensitivedataaccess"}
        }
        assert not granted & {"crm.erase_person", "crm.export_person"}


def test_protocol_officers_may_upload_and_choose_images_and_documents():
    officers = Group.objects.get(name=PROTOCOL_OFFICERS)
    granted = GroupCollectionPermission.objects.filter(group=officers)
    assert {(g.collection_id, g.permission.codename) for g in granted} == {
        (Collection.get_first_root_node().pk, codename)
        for codename in ("add_image", "choose_image", "add_document", "choose_document")
    }


def test_ensure_staff_groups_is_idempotent():
    before = {group.name: codenames(group) for group in Group.objects.all()}
    media_before = GroupCollectionPermission.objects.count()
    ensure_staff_groups()
    ensure_staff_groups()
    assert {group.name: codenames(group) for group in Group.objects.all()} == before
    assert GroupCollectionPermission.objects.count() == media_before


def test_ensure_staff_groups_restores_a_missing_permission_and_keeps_extra_ones():
    viewers = Group.objects.get(name=VIEWERS)
    view_person = Permission.objects.get(content_type__app_label="crm", codename="view_person")
    extra = Permission.objects.get(content_type__app_label="crm", codename="change_interaction")
    viewers.permissions.remove(view_person)
    viewers.permissions.add(extra)
    ensure_staff_groups()
    assert codenames(viewers) == model_permissions(("view",)) | {
        "wagtailadmin.access_admin",
        "crm.change_interaction",
    }


def test_groups_come_back_after_migrate():
    Group.objects.filter(name__in=[PROTOCOL_OFFICERS, VIEWERS]).delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert set(Group.objects.values_list("name", flat=True)) >= {PROTOCOL_OFFICERS, VIEWERS}
    assert codenames(Group.objects.get(name=VIEWERS)) == model_permissions(("view",)) | {
        "wagtailadmin.access_admin"
    }


def test_post_migrate_of_an_earlier_app_does_not_create_groups():
    Group.objects.filter(name__in=[PROTOCOL_OFFICERS, VIEWERS]).delete()
    crm = apps.get_app_config("crm")
    post_migrate.send(sender=crm, app_config=crm, verbosity=0, interactive=False, using="default")
    assert not Group.objects.filter(name__in=[PROTOCOL_OFFICERS, VIEWERS]).exists()


def test_groups_follow_what_each_app_config_declares(monkeypatch):
    # core.roles names no app: an app that stops declaring staff records drops out.
    Group.objects.filter(name__in=[PROTOCOL_OFFICERS, VIEWERS]).delete()
    monkeypatch.setattr(apps.get_app_config("events"), "staff_records", False)
    officers, viewers = ensure_staff_groups()
    crm_only = {
        f"crm.{action}_{model._meta.model_name}"
        for model in apps.get_app_config("crm").get_models()
        for action in ("add", "change", "delete", "view")
    }
    assert codenames(officers) == crm_only | {
        "crm.export_contact_details",
        "wagtailadmin.access_admin",
    }
    assert {name for name in codenames(viewers) if name.startswith("events.")} == set()
