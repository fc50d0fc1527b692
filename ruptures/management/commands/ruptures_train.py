"""Rebuild the reader's model from the labelled corpus (and, optionally, the practice's own
labels)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ruptures import corpus, lexicon, training
from ruptures.model import MODEL_PATH


def corpus_meta(batches: dict[str, list[corpus.LabelledNote]]) -> dict[str, object]:
    """Say what a model was trained on, for the model file (no clinical text)."""
    return {
        "batches": {name: len(notes) for name, notes in sorted(batches.items())},
        "notes": sum(len(notes) for notes in batches.values()),
        "lexicon": lexicon.fingerprint(),
        "options": {"c": training.C, "positive_weight": training.POSITIVE_WEIGHT},
    }


class Command(BaseCommand):
    help = (
        "Train the rupture reader on ruptures/data (every batch but the final one) and write "
        "the model file. The same corpus and lexicon always give the same file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out",
            default=str(MODEL_PATH),
            help=f"Where to write the model (default {MODEL_PATH}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        batches = corpus.load_batches()
        notes = [n for batch in batches.values() for n in batch]
        self.stdout.write(f"Training on {len(notes)} notes in {len(batches)} batches…")
        matrix = training.build_matrix(notes)
        weights, stage2, thresholds = training.train(matrix)
        data = training.to_model(weights, stage2, thresholds, corpus_meta(batches))
        out = Path(options["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        self.stdout.write(f"Wrote {out} ({len(data) // 1024} KiB).")
