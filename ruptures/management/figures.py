"""Print the reader's figures as a small table (shared by the evaluation commands)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import OutputWrapper

from ruptures.markers import MARKERS


def write_figures(out: OutputWrapper, result: dict[str, Any]) -> None:
    """Write per-marker precision, recall, F1 and support, the macro-F1 and the note level."""
    out.write(f"{result['notes']} notes")
    out.write(f"{'marker':<20}{'precision':>10}{'recall':>10}{'F1':>10}{'support':>9}")
    for marker in MARKERS:
        s = result["per_marker"][marker]
        out.write(
            f"{marker:<20}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}"
            f"{s['support']:>9}"
        )
    out.write(f"macro-F1: {result['macro_f1']:.3f}")
    out.write(
        f"note level (any marker): precision {result['note_precision']:.3f}, "
        f"recall {result['note_recall']:.3f}"
    )
