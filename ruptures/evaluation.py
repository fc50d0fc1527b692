"""Score the detector against labelled notes (plain Python, no Django)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ruptures.detector import MARKERS, detect


@dataclass(frozen=True)
class LabelledNote:
    id: str
    language: str | None
    text: str
    markers: frozenset[str]


def read_jsonl(lines: Iterable[str]) -> Iterator[LabelledNote]:
    """Yield the notes of a JSONL file; raise ValueError naming the line of a bad one."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            markers = frozenset(row.get("markers", []))
            unknown = markers - set(MARKERS)
            if unknown:
                raise ValueError(f"unknown markers {sorted(unknown)}")
            yield LabelledNote(
                str(row.get("id", number)), row.get("language"), str(row["text"]), markers
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"line {number}: {exc}") from None


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "support": tp + fn,
    }


def evaluate(notes: Iterable[LabelledNote]) -> dict[str, Any]:
    """Return per-marker precision/recall/F1, the macro-F1 and note-level figures."""
    counts = {m: [0, 0, 0] for m in MARKERS}  # tp, fp, fn
    note = [0, 0, 0]
    errors: list[dict[str, Any]] = []
    total = 0
    for item in notes:
        total += 1
        found = frozenset(h.marker for h in detect(item.text, item.language))
        for marker in MARKERS:
            if marker in found and marker in item.markers:
                counts[marker][0] += 1
            elif marker in found:
                counts[marker][1] += 1
            elif marker in item.markers:
                counts[marker][2] += 1
        if found and item.markers:
            note[0] += 1
        elif found:
            note[1] += 1
        elif item.markers:
            note[2] += 1
        if found != item.markers:
            errors.append({"id": item.id, "expected": sorted(item.markers), "found": sorted(found)})
    per_marker = {m: _prf(*counts[m]) for m in MARKERS}
    note_scores = _prf(*note)
    # Markers the file never labels and the detector never finds say nothing either way.
    scored = [m for m in MARKERS if counts[m][0] + counts[m][1] + counts[m][2]]
    macro = sum(per_marker[m]["f1"] for m in scored) / len(scored) if scored else 0.0
    return {
        "notes": total,
        "per_marker": per_marker,
        "macro_f1": round(macro, 4),
        "note_precision": note_scores["precision"],
        "note_recall": note_scores["recall"],
        "errors": errors,
    }
