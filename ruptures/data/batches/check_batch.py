"""Check one writers' batch of labelled notes and print its proportions (no Django)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

MARKERS = {
    "direct_negative",
    "indirect_negative",
    "disagreement",
    "compliance",
    "avoidance",
    "self_esteem",
    "non_response",
}
KINDS = {"positive", "hard_negative", "routine"}


def check(folder: Path) -> int:
    """Print the problems and the proportions of `folder/notes.jsonl`; return the problem count."""
    problems: list[str] = []
    rows = []
    ids: set[str] = set()
    for number, line in enumerate((folder / "notes.jsonl").read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: not JSON ({exc})")
            continue
        text, markers = row.get("text", ""), row.get("markers")
        if row.get("id") in ids:
            problems.append(f"line {number}: id {row.get('id')} used twice")
        ids.add(row.get("id"))
        if row.get("language") not in {"fr", "en"}:
            problems.append(f"line {number}: language must be fr or en")
        if (
            not isinstance(markers, list)
            or set(markers) - MARKERS
            or len(set(markers)) != len(markers)
        ):
            problems.append(f"line {number}: markers must be distinct codes from the brief")
            continue
        if row.get("kind") not in KINDS:
            problems.append(f"line {number}: kind must be one of {sorted(KINDS)}")
        if (row.get("kind") == "positive") != bool(markers):
            problems.append(f"line {number}: kind 'positive' if and only if there are markers")
        quoted = set()
        for item in row.get("evidence", []):
            if item.get("marker") not in markers:
                problems.append(f"line {number}: evidence for a marker not in markers")
            if not item.get("quote") or item["quote"] not in text:
                problems.append(f"line {number}: quote not found in text: {item.get('quote')!r}")
            quoted.add(item.get("marker"))
        if set(markers) - quoted:
            problems.append(f"line {number}: no evidence for {sorted(set(markers) - quoted)}")
        rows.append(row)
    for problem in problems[:50]:
        print(problem)
    total = len(rows) or 1
    kinds = Counter(r.get("kind") for r in rows)
    marker_counts = Counter(m for r in rows for m in r["markers"])
    lengths = [len(r["text"]) for r in rows]
    print(f"notes: {len(rows)}   problems: {len(problems)}")
    print("languages:", dict(Counter(r["language"] for r in rows)))
    print("kinds:", {k: f"{v} ({100 * v / total:.0f} %)" for k, v in kinds.items()})
    print(
        "negative types:",
        dict(Counter(r.get("negative_type") for r in rows if r.get("kind") == "hard_negative")),
    )
    print("markers:", dict(marker_counts))
    print("several markers:", sum(len(r["markers"]) > 1 for r in rows))
    if lengths:
        lengths.sort()
        print(f"length: min {lengths[0]}, median {lengths[len(lengths) // 2]}, max {lengths[-1]}")
    return len(problems)


if __name__ == "__main__":
    sys.exit(1 if check(Path(sys.argv[1])) else 0)
