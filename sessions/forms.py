"""Forms for logging a session and the client's WAI-SR: validate and normalise only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.forms import DateTimeInput, VersionedForm
from sessions.models import MAX_NOTES_LENGTH, MET, Attendance, Session, WaiSr
from sessions.scoring import ITEM_COUNT

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

    class Meta:
        model = Session
        fields = Session.EDITABLE_FIELDS
        widgets = {"starts_at": DateTimeInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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
        if starts_at and starts_at.year < 2000:
            self.add_error("starts_at", _("Enter a date from the year 2000 on."))
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
