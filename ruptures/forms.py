"""Forms for the rupture workflow and the repair plan: validate and normalise only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.forms import VersionedForm
from ruptures.guidance import CONFIRMATIONS, EMOTIONS
from ruptures.models import Marker, RepairPlan, RuptureFlag
from sessions.models import MET, Session


class FlagStepForm(forms.Form):
    """A step of the workflow, carrying the flag's version to refuse a stale click."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class DismissForm(FlagStepForm):
    reason = forms.CharField(
        label=_("Why is this not a rupture?"),
        max_length=500,
        error_messages={"required": _("Say why this is not a rupture.")},
    )


class RepairedForm(FlagStepForm):
    session = forms.ModelChoiceField(
        label=_("Repaired in the session of"), queryset=Session.objects.none()
    )

    def __init__(self, *args: Any, flag: RuptureFlag, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        field.queryset = Session.objects.filter(  # type: ignore[attr-defined]
            client_id=flag.client_id, starts_at__gte=flag.session.starts_at, attendance__in=MET
        ).order_by("-starts_at")
        field.label_from_instance = lambda s: s.starts_at.strftime("%Y-%m-%d %H:%M")  # type: ignore[attr-defined]


class AddMarkerForm(forms.Form):
    """A marker the reader missed: which one, and the words of the note that show it."""

    marker = forms.ChoiceField(
        label=_("Marker"),
        choices=[("", "—"), *Marker.choices],
        error_messages={"required": _("Choose the marker you see in the note.")},
    )
    evidence_words = forms.CharField(
        label=_("The words of the note that show it"),
        help_text=_("Select them in the note above, or copy them as they are written."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "data-evidence-target": ""}),
        error_messages={"required": _("Give the words of the note that show this marker.")},
    )


class RepairPlanForm(VersionedForm):
    empathy_emotion = forms.CharField(
        label=_("Emotion (what I feel)"), required=False, max_length=200
    )
    empathy_reflection = forms.CharField(
        label=_("Reflection (what I understand the client lived)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    empathy_confirmation = forms.CharField(
        label=_("Confirmation (checking with the client)"), required=False, max_length=300
    )

    class Meta:
        model = RepairPlan
        fields = RepairPlan.EDITABLE_FIELDS
        widgets = {
            "responsibility": forms.Textarea(attrs={"rows": 3}),
            "exploration": forms.Textarea(attrs={"rows": 3}),
            "adjustment": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["empathy_emotion"].widget.attrs.update(
            {"list": "empathy-emotions", "data-empathy": "emotion"}
        )
        self.fields["empathy_reflection"].widget.attrs.update({"data-empathy": "reflection"})
        self.fields["empathy_confirmation"].widget.attrs.update(
            {"list": "empathy-confirmations", "data-empathy": "confirmation"}
        )
        self.emotions = EMOTIONS.get(language, EMOTIONS["en"])
        self.confirmations = CONFIRMATIONS.get(language, CONFIRMATIONS["en"])
        for name in ("responsibility", "exploration", "adjustment"):
            self.fields[name].max_length = 5000

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("responsibility", "exploration", "adjustment"):
            if len(cleaned.get(name) or "") > 5000:
                self.add_error(name, _("Keep this under 5,000 characters."))
        return cleaned
