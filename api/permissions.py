"""Staff access follows the same permissions as the Wagtail admin (Django's model permissions)."""

from rest_framework.permissions import DjangoModelPermissions

# Who may see a person's contact details and needs through the API: the permission that
# guards passport numbers and birth dates in the admin.
SENSITIVE_PERMISSION = "events.view_sensitive_registration"


class StaffModelPermissions(DjangoModelPermissions):
    """Reading needs the model's view permission (Django's default lets any login read)."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        # Staff only: the same gate as the admin.
        if not (user.is_superuser or user.has_perm("wagtailadmin.access_admin")):
            return False
        # An action beyond create and update (cancelling, renewing) names the permission it
        # needs: cancelling a booking is a change, whatever its HTTP method.
        needed = getattr(view, "action_permissions", {}).get(getattr(view, "action", None))
        if needed:
            model = self._queryset(view).model
            return user.has_perm(f"{model._meta.app_label}.{needed}_{model._meta.model_name}")
        return super().has_permission(request, view)


def may_see_personal_data(user):
    return bool(user and user.has_perm(SENSITIVE_PERMISSION))
