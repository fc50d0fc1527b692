"""The labelled corpus: batches of notes written by independent writers (no Django).

`ruptures/data/batches/<batch>/notes.jsonl` holds one writer's batch, beside the brief that
writer received (`brief.md`); `ruptures/data/dev_set.jsonl` is the first batch, written by
the team. `ruptures/data/final/` holds the batch written last, which nothing is tuned on:
it is read only to report its figure, never to train or to choose anything.

A line is `{"id", "language", "text", "markers", "evidence": [{"marker", "quote"}]}`;
evidence quotes are exact substrings of the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ruptures.markers import MARKERS

DATA_DIR = Path(__file__).resolve().parent / "data"
BATCHES_DIR = DATA_DIR / "batches"
FINAL_DIR = DATA_DIR / "final"
DEV_SET = DATA_DIR / "dev_set.jsonl"


@dataclass(frozen=True)
class LabelledNote:
    id: str
    language: str | None
    text: str
    markers: frozenset[str]
    # marker -> character spans of the quotes that show it (empty: the writer gave none)
    evidence: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    batch: str = ""


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote)
    while start >= 0 and quote:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def read_jsonl(lines: Iterable[str], batch: str = "") -> Iterator[LabelledNote]:
    """Yield the notes of a JSONL file; raise ValueError naming the line of a bad one."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = str(row["text"])
            markers = frozenset(row.get("markers", []))
            unknown = markers - set(MARKERS)
            if unknown:
                raise ValueError(f"unknown markers {sorted(unknown)}")
            evidence: dict[str, list[tuple[int, int]]] = {}
            for item in row.get("evidence", []):
                found = _spans(text, str(item["quote"]))
                if item["marker"] not in markers or not found:
                    raise ValueError(f"evidence {item['quote']!r} does not fit the note")
                evidence.setdefault(item["marker"], []).extend(found)
            yield LabelledNote(
                str(row.get("id", number)),
                row.get("language"),
                text,
                markers,
                {m: tuple(sorted(set(s))) for m, s in evidence.items()},
                batch,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"line {number}: {exc}") from None


def read_file(path: Path, batch: str = "") -> list[LabelledNote]:
    with path.open(encoding="utf-8") as lines:
        return list(read_jsonl(lines, batch or path.stem))


def batch_paths(root: Path = BATCHES_DIR) -> dict[str, Path]:
    """Return every training batch by name: the development set and the writers' batches."""
    paths = {"dev_set": DEV_SET} if root == BATCHES_DIR and DEV_SET.exists() else {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if (folder / "notes.jsonl").exists():
            paths[folder.name] = folder / "notes.jsonl"
    return paths


def load_batches(root: Path = BATCHES_DIR) -> dict[str, list[LabelledNote]]:
    """Return the training corpus, batch by batch (never the final batch)."""
    return {name: read_file(path, name) for name, path in batch_paths(root).items()}


def load_final(root: Path = FINAL_DIR) -> dict[str, list[LabelledNote]]:
    """Return the final batch (its writers' files), to be scored and never tuned on."""
    return load_batches(root) if root.exists() else {}
