"""Forms for logging a session and the client's WAI-SR: validate and normalise only."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.dates import PlausibleDateField
from alliance.forms import DateInput, DateTimeInput, VersionedForm
from clients.models import Goal, Task
from sessions.models import MAX_NOTES_LENGTH, MET, Attendance, Session, WaiSr
from sessions.scoring import ITEM_COUNT
from sessions.services import NewTask, TaskReview

RATING_FIELDS = ("goals_rating", "tasks_rating", "bond_rating")
# A session that took place cannot start in the future; an hour of slack covers clock drift.
FUTURE_SLACK = timedelta(hours=1)


class SessionForm(VersionedForm):
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=MAX_NOTES_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_NOTES_LENGTH}),
    )

    # Sent back with the form: a second submit of the same form finds the session it made.
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Session
        fields = Session.EDITABLE_FIELDS
        widgets = {"starts_at": DateTimeInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.instance.pk:
            self.initial["submission"] = uuid.uuid4()
        for name in (*RATING_FIELDS, "availability"):
            self.fields[name].widget.attrs.update({"min": 1, "max": 5})

    def clean_notes(self) -> str:
        # Control characters other than tab and newlines have no place in a clinical note.
        text = str(self.cleaned_data.get("notes") or "").replace("\r\n", "\n")
        return "".join(c for c in text if c in "\n\t" or c >= " ").strip()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        attendance = cleaned.get("attendance")
        starts_at = cleaned.get("starts_at")
        if attendance == Attendance.LATE and not cleaned.get("late_minutes"):
            self.add_error("late_minutes", _("Say how many minutes late the client was."))
        if attendance != Attendance.LATE and cleaned.get("late_minutes"):
            self.add_error("late_minutes", _("Minutes late only apply to a late arrival."))
        if attendance in MET:
            for name in RATING_FIELDS:
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(name, _("Rate this from 1 to 5 for a session that took place."))
            if starts_at and starts_at > timezone.now() + FUTURE_SLACK:
                self.add_error("starts_at", _("A session that took place cannot be in the future."))
        elif attendance:
            for name in RATING_FIELDS:
                if cleaned.get(name) is not None:
                    self.add_error(name, _("Ratings only apply to a session that took place."))
        return cleaned


class WaiSrForm(forms.Form):
    """The client's 12 responses by item number; all twelve or none."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, ITEM_COUNT + 1):
            self.fields[f"item_{i}"] = forms.IntegerField(
                label=_("Item %(number)s") % {"number": i},
                required=False,
                min_value=1,
                max_value=5,
                widget=forms.NumberInput(attrs={"min": 1, "max": 5, "class": "wai-item"}),
            )

    @classmethod
    def for_session(cls, session: Session | None, **kwargs: Any) -> WaiSrForm:
        """Return the form prefilled with the session's stored responses, if any."""
        initial = {}
        wai: WaiSr | None = getattr(session, "wai", None) if session and session.pk else None
        if wai is not None:
            initial = {f"item_{i}": v for i, v in wai.responses().items()}
        return cls(initial=initial, prefix="wai", **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        given = [i for i in range(1, ITEM_COUNT + 1) if cleaned.get(f"item_{i}") is not None]
        if given and len(given) < ITEM_COUNT and not self.errors:
            missing = ", ".join(str(i) for i in range(1, ITEM_COUNT + 1) if i not in given)
            raise forms.ValidationError(
                _("Enter all 12 responses or none. Missing items: %(items)s.") % {"items": missing}
            )
        return cleaned

    def responses(self) -> dict[int, int] | None:
        """Return {item: response}, or None when the questionnaire was left empty."""
        values = {i: self.cleaned_data.get(f"item_{i}") for i in range(1, ITEM_COUNT + 1)}
        if all(v is None for v in values.values()):
            return None
        return {i: int(v) for i, v in values.items() if v is not None}


REVIEW_CHOICES = [
    ("", _("Not reviewed today")),
    ("done", _("Done")),
    ("partly_done", _("Partly done")),
    ("not_done", _("Not done")),
]


class TaskReviewForm(forms.Form):
    """Review, in this session, the tasks agreed in earlier ones."""

    def __init__(self, *args: Any, tasks: Sequence[Task], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "review")
        super().__init__(*args, **kwargs)
        self.tasks = list(tasks)
        for task in self.tasks:
            self.fields[f"status_{task.pk}"] = forms.ChoiceField(
                label=task.description, choices=REVIEW_CHOICES, required=False
            )
            self.fields[f"reason_{task.pk}"] = forms.CharField(
                label=_("Client's reason"), required=False, max_length=500
            )
            self.fields[f"version_{task.pk}"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=task.version, required=False
            )

    def rows(self) -> list[tuple[Task, Any, Any, Any]]:
        """Return (task, status field, reason field, version field) for the template."""
        return [
            (t, self[f"status_{t.pk}"], self[f"reason_{t.pk}"], self[f"version_{t.pk}"])
            for t in self.tasks
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for task in self.tasks:
            status = cleaned.get(f"status_{task.pk}")
            if status and cleaned.get(f"version_{task.pk}") is None:
                self.add_error(
                    f"status_{task.pk}", _("Reload the page: this task's form is incomplete.")
                )
            if cleaned.get(f"reason_{task.pk}") and status not in ("partly_done", "not_done"):
                self.add_error(
                    f"reason_{task.pk}",
                    _("A reason is only recorded when the task was not done or partly done."),
                )
        return cleaned

    def reviews(self) -> list[TaskReview]:
        return [
            TaskReview(
                task=t,
                status=self.cleaned_data[f"status_{t.pk}"],
                reason=self.cleaned_data.get(f"reason_{t.pk}", ""),
                version=self.cleaned_data[f"version_{t.pk}"],
            )
            for t in self.tasks
            if self.cleaned_data.get(f"status_{t.pk}")
        ]


class NewTaskForm(forms.Form):
    """A task agreed during this session (optional)."""

    description = forms.CharField(label=_("Task agreed today"), required=False, max_length=500)
    goal = forms.ModelChoiceField(
        label=_("For the goal"), queryset=Goal.objects.none(), required=False
    )
    due_date = PlausibleDateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args: Any, goals: Sequence[Goal], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "newtask")
        super().__init__(*args, **kwargs)
        field = self.fields["goal"]
        field.queryset = Goal.objects.filter(pk__in=[g.pk for g in goals])  # type: ignore[attr-defined]
        field.choices = [("", "—")] + [(g.pk, g.wording) for g in goals]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("description") and not cleaned.get("goal"):
            self.add_error("goal", _("Choose the goal this task serves."))
        return cleaned

    def new_task(self) -> NewTask | None:
        if not self.cleaned_data.get("description"):
            return None
        return NewTask(
            goal=self.cleaned_data["goal"],
            description=self.cleaned_data["description"],
            due_date=self.cleaned_data.get("due_date"),
        )
