"""Score the reader against labelled notes (plain Python, no Django)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from ruptures.corpus import LabelledNote, read_jsonl
from ruptures.detector import detect
from ruptures.markers import MARKERS
from ruptures.training import figures

__all__ = ["evaluate", "read_jsonl"]


def evaluate(notes: Iterable[LabelledNote], *, by_language: bool = False) -> dict[str, Any]:
    """Return per-marker precision/recall/F1, the macro-F1, note-level figures and the notes
    read wrong; with `by_language`, the same figures for each language too."""
    items = list(notes)
    found = np.zeros((len(items), len(MARKERS)), dtype=np.int8)
    truth = np.zeros_like(found)
    errors: list[dict[str, Any]] = []
    for n, item in enumerate(items):
        markers = {h.marker for h in detect(item.text, item.language)}
        for m, marker in enumerate(MARKERS):
            found[n, m] = marker in markers
            truth[n, m] = marker in item.markers
        if markers != item.markers:
            errors.append(
                {"id": item.id, "expected": sorted(item.markers), "found": sorted(markers)}
            )
    result: dict[str, Any] = {**figures(found, truth), "errors": errors}
    if by_language:
        languages = sorted({item.language or "" for item in items})
        result["by_language"] = {
            language: figures(found[rows], truth[rows])
            for language in languages
            if (rows := [i for i, item in enumerate(items) if (item.language or "") == language])
        }
    return result
