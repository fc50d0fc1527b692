"""One normaliser for every free text a user enters: no control character is ever stored.

A vertical tab or a form feed inside a name or a reason passes an HTML form unseen, then
breaks an XLSX export (XML 1.0 forbids them) and lands in the worker's log. Single-line
fields keep no line break at all; multi-line fields (TextField: notes, plans, comments)
keep newlines and tabs.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models

# Vertical tab, form feed, the C0 separators and NEL read as spaces; the other C0 controls
# (but tab, newline and carriage return), DEL and the C1 controls are removed.
_SPACE_LIKE = re.compile(r"[\x0b\x0c\x1c-\x1f\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_LINE_BREAKS = re.compile(r" *[\t\n\u2028\u2029][\t\n\u2028\u2029 ]*")


def normalise(text: str, *, multiline: bool = False) -> str:
    """Return `text` without control characters (and on one line unless `multiline`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", _SPACE_LIKE.sub(" ", text))
    if not multiline:
        text = _LINE_BREAKS.sub(" ", text)
    return text.strip()


class NormalisedText:
    """A model mixin: full_clean() (every model form, the admin and every service that
    validates) normalises the model's free-text fields before validating them."""

    def clean_fields(self, exclude: Any = None) -> None:
        for field in self._meta.concrete_fields:  # type: ignore[attr-defined]
            if not isinstance(field, models.CharField | models.TextField) or field.choices:
                continue
            if exclude and field.name in exclude:
                continue
            value = getattr(self, field.attname)
            if isinstance(value, str):
                multiline = isinstance(field, models.TextField)
                setattr(self, field.attname, normalise(value, multiline=multiline))
        super().clean_fields(exclude)  # type: ignore[misc]
