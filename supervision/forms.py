"""Forms for the dashboard filters and for comments."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from supervision.models import MAX_COMMENT
from supervision.selectors import DEFAULT_PERIOD, PERIODS


class DashboardFilters(forms.Form):
    period = forms.TypedChoiceField(
        label=_("Period"),
        coerce=int,
        required=False,
        initial=DEFAULT_PERIOD,
        choices=[(d, _("last %(days)s days") % {"days": d}) for d in PERIODS],
    )
    therapist = forms.TypedChoiceField(
        label=_("Therapist"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, therapists: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["therapist"].choices = [("", _("All"))] + [  # type: ignore[attr-defined]
            (t.pk, str(t)) for t in therapists
        ]


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_COMMENT}),
        error_messages={"required": _("Write a comment first.")},
    )
    flag = forms.IntegerField(required=False, widget=forms.HiddenInput)
