from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from accounts.admin import AdminRoleOnly
from audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(AdminRoleOnly, admin.ModelAdmin):
    """Read and filter the audit trail; nobody can add, change or delete an entry."""

    list_display = ["at", "actor_label", "action", "object_type", "object_id", "client_id"]
    list_filter = ["action", "object_type", ("actor", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["actor_label", "object_id", "request_id", "=client_id"]
    date_hierarchy = "at"
    list_select_related = ["actor"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
