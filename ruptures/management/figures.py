"""The reader's figures for the evaluation commands: a summary over held-out batches, and a
small table."""

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


def summary(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Return the mean and worst macro-F1 and note precision over held-out batches, overall
    and per language (a batch counts for a language when it has notes in it)."""

    def over(rows: list[dict[str, Any]]) -> dict[str, float]:
        f1 = [r["macro_f1"] for r in rows]
        precision = [r["note_precision"] for r in rows]
        return {
            "batches": len(rows),
            "mean_macro_f1": round(sum(f1) / len(f1), 4),
            "worst_macro_f1": min(f1),
            "mean_note_precision": round(sum(precision) / len(precision), 4),
            "worst_note_precision": min(precision),
        }

    per_language: dict[str, list[dict[str, Any]]] = {}
    for result in results.values():
        for language, figures in result["by_language"].items():
            per_language.setdefault(language, []).append(figures)
    return {
        "all": over(list(results.values())),
        "by_language": {language: over(rows) for language, rows in sorted(per_language.items())},
    }
