from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.models import Supervision, User


class AdminRoleOnly:
    """Open a ModelAdmin to active users with the administrator role, and to no one else."""

    def _is_admin(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and getattr(user, "is_admin", False))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._is_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_admin(request)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._is_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_admin(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_admin(request)


class SupervisionInline(AdminRoleOnly, admin.TabularInline):
    model = Supervision
    fk_name = "supervisor"
    extra = 0
    autocomplete_fields = ["therapist"]
    verbose_name = _("supervisee")
    verbose_name_plural = _("supervisees (for supervisors)")


@admin.register(User)
class UserAdmin(AdminRoleOnly, DjangoUserAdmin):
    """Manage accounts, roles and supervision links; deactivate rather than delete."""

    list_display = ["username", "first_name", "last_name", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email"]
    ordering = ["username"]
    inlines = [SupervisionInline]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("first_name", "last_name", "email", "language")}),
        (_("Access"), {"fields": ("role", "is_active")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "role", "password1", "password2")}),
    )
    readonly_fields = ["last_login", "date_joined"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Clinical and audit records point at their authors: deactivate accounts instead.
        return False


@admin.register(Supervision)
class SupervisionAdmin(AdminRoleOnly, admin.ModelAdmin):
    list_display = ["supervisor", "therapist", "since"]
    list_select_related = ["supervisor", "therapist"]
    autocomplete_fields = ["supervisor", "therapist"]


admin.site.unregister(Group)
admin.site.site_header = _("Alliance administration")
admin.site.site_title = _("Alliance")


def _open_axes_admin_to_admins() -> None:
    """Let administrators (not only superusers) review sign-in attempts and clear lockouts.

    Axes' own limits stay: nothing is added by hand, nothing is edited, and the access and
    failure logs are a record that no one deletes; only an attempt (a lockout) is removed.
    """
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    def no(self: Any, request: HttpRequest, obj: Any = None) -> bool:
        return False

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        if admin.site.is_registered(model):
            base = type(admin.site.get_model_admin(model))
            admin.site.unregister(model)
            limits: dict[str, Any] = {"has_add_permission": no, "has_change_permission": no}
            if model is not AccessAttempt:
                limits["has_delete_permission"] = no
            admin.site.register(model, type(base.__name__, (AdminRoleOnly, base), limits))


_open_axes_admin_to_admins()
