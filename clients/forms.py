"""Forms for clients, goals and tasks: validate and normalise only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.forms import DateInput, VersionedForm
from clients.models import Client, Goal, Task, TaskStatus


class ClientForm(VersionedForm):
    class Meta:
        model = Client
        fields = Client.EDITABLE_FIELDS
        widgets = {"start_date": DateInput(), "context": forms.Textarea(attrs={"rows": 3})}

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip().upper()

    def clean_display_name(self) -> str:
        return " ".join(str(self.cleaned_data["display_name"]).split())


class GoalForm(VersionedForm):
    class Meta:
        model = Goal
        fields = Goal.EDITABLE_FIELDS
        widgets = {"agreed_on": DateInput(), "wording": forms.Textarea(attrs={"rows": 2})}


class TaskForm(VersionedForm):
    class Meta:
        model = Task
        fields = Task.EDITABLE_FIELDS
        widgets = {"due_date": DateInput(), "description": forms.Textarea(attrs={"rows": 2})}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        status, reason = cleaned.get("status"), cleaned.get("reason_not_done", "")
        if reason and status not in (TaskStatus.NOT_DONE, TaskStatus.PARTLY_DONE):
            self.add_error(
                "reason_not_done",
                _("A reason is only recorded when the task was not done or partly done."),
            )
        return cleaned


class TaskStatusForm(VersionedForm):
    """Change how a task went, inline on the client page."""

    class Meta:
        model = Task
        fields = ["status", "reason_not_done"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        status = cleaned.get("status")
        if status not in (TaskStatus.NOT_DONE, TaskStatus.PARTLY_DONE):
            cleaned["reason_not_done"] = ""
        return cleaned
