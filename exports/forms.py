"""The export form: validate and normalise only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from alliance.dates import PlausibleDateField
from alliance.forms import DateInput
from exports.models import Content, Format


class ExportForm(forms.Form):
    period_start = PlausibleDateField(label=_("From"), widget=DateInput())
    period_end = PlausibleDateField(label=_("To"), widget=DateInput())
    therapist_ids = forms.TypedMultipleChoiceField(
        label=_("Therapists (none chosen: all)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    content = forms.ChoiceField(label=_("Content"))
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[(Format.CSV, "CSV"), (Format.XLSX, "XLSX"), (Format.PDF, _("PDF report"))],
    )
    deidentify = forms.BooleanField(
        label=_("De-identify: pseudonyms instead of names and codes, no free text"), required=False
    )
    include_notes = forms.BooleanField(
        label=_("Include the session notes (administrators; never when de-identified)"),
        required=False,
    )

    def __init__(self, *args: Any, user: Any, therapists: list[Any], **kwargs: Any) -> None:
        today = timezone.localdate()
        kwargs.setdefault(
            "initial",
            {
                "period_start": today - dt.timedelta(days=90),
                "period_end": today,
                "format": Format.CSV,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["therapist_ids"].choices = [(t.pk, str(t)) for t in therapists]  # type: ignore[attr-defined]
        contents = [Content.SESSIONS, Content.SUMMARY, Content.FLAGS]
        if user.role == Role.ADMIN:
            contents.append(Content.AUDIT)
        else:
            del self.fields["include_notes"]
        self.fields["content"].choices = [(c.value, c.label) for c in contents]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("The end of the period is before its start."))
        if cleaned.get("include_notes") and cleaned.get("deidentify"):
            self.add_error("include_notes", _("A de-identified export never holds notes."))
        return cleaned

    def job_data(self) -> dict[str, Any]:
        data = {
            k: self.cleaned_data.get(k)
            for k in ("period_start", "period_end", "content", "format", "deidentify")
        }
        data["therapist_ids"] = sorted(self.cleaned_data.get("therapist_ids") or [])
        data["include_notes"] = bool(self.cleaned_data.get("include_notes"))
        return data
