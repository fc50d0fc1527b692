from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from accounts.admin import AdminRoleOnly
from clients.models import Client
from clients.services import client_transfer


@admin.register(Client)
class ClientAdmin(AdminRoleOnly, admin.ModelAdmin):
    """List clients and transfer them between therapists; clinical content stays in the app."""

    list_display = ["code", "display_name", "therapist", "status", "start_date"]
    list_filter = ["status", ("therapist", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["code", "display_name"]
    list_select_related = ["therapist"]
    fields = ["code", "display_name", "status", "start_date", "therapist"]
    readonly_fields = ["code", "display_name", "status", "start_date"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Client]:
        return Client.objects.visible_to(request.user).select_related("therapist")  # type: ignore[arg-type]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Erasing a client is a data-subject request with its own logged procedure.
        return False

    def save_model(self, request: HttpRequest, obj: Client, form: ModelForm, change: bool) -> None:
        if "therapist" in form.changed_data:
            client_transfer(client=obj, to_therapist=obj.therapist, actor=request.user)
