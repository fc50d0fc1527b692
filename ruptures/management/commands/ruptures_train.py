"""Rebuild the reader's model from the labelled corpus (and, optionally, the practice's own
labels)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.models import AuditAction
from audit.services import audit_record
from ruptures import corpus, lexicon, selectors, training
from ruptures.management.figures import summary
from ruptures.model import MODEL_PATH


def corpus_meta(batches: dict[str, list[corpus.LabelledNote]]) -> dict[str, object]:
    """Say what a model was trained on, for the model file (no clinical text)."""
    return {
        "batches": {name: len(notes) for name, notes in sorted(batches.items())},
        "notes": sum(len(notes) for notes in batches.values()),
        "lexicon": lexicon.fingerprint(),
        "options": {"c": training.C, "positive_weight": training.POSITIVE_WEIGHT},
    }


def _write(path: Path, data: bytes) -> None:
    """Write the model file atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".model-")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, path)


class Command(BaseCommand):
    help = (
        "Train the rupture reader on ruptures/data/batches (never the final batch) and write "
        "the model file. The same corpus and lexicon always give the same file. With "
        "--include-practice, add the practice's own labelled notes, compare the cross-validated "
        "figures before and after, and install the new model only when they do not get worse."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", help=f"Where to write the model (default {MODEL_PATH}).")
        parser.add_argument(
            "--include-practice",
            action="store_true",
            help="Also learn from the flags practitioners reviewed or added in this database.",
        )
        parser.add_argument(
            "--corpus",
            default=str(corpus.BATCHES_DIR),
            help="The folder of labelled batches (default: the shipped corpus).",
        )
        parser.add_argument(
            "--workers", type=int, default=2, help="Processes for the cross-validation."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        batches = corpus.load_batches(Path(options["corpus"]))
        if not batches:
            raise CommandError(f"No labelled batch in {options['corpus']}.")
        if options["include_practice"]:
            self._with_practice(batches, options)
            return
        notes = [n for batch in batches.values() for n in batch]
        self.stdout.write(f"Training on {len(notes)} notes in {len(batches)} batches…")
        data = training.to_model(
            *training.train(training.build_matrix(notes)), corpus_meta(batches)
        )
        out = Path(options["out"] or MODEL_PATH)
        _write(out, data)
        self.stdout.write(f"Wrote {out} ({len(data) // 1024} KiB).")

    def _with_practice(self, batches: dict[str, list[corpus.LabelledNote]], options: Any) -> None:
        practice = selectors.practice_labelled_notes()
        audit_record(
            actor=None,
            action=AuditAction.MAINTENANCE,
            object_type="ruptures.model",
            details={"task": "ruptures_train --include-practice", "notes_read": len(practice)},
        )
        if not practice:
            raise CommandError(
                "No labelled note in this practice yet: labels come from flags practitioners "
                "reviewed (kept or dismissed) and from markers they added."
            )
        own = sorted({n.batch for n in practice})
        notes = [n for batch in batches.values() for n in batch] + practice
        self.stdout.write(
            f"{len(practice)} labelled notes of this practice, {len(notes) - len(practice)} "
            "in the shipped corpus. Cross-validating before and after (this takes a while)…"
        )
        matrix = training.build_matrix(notes)
        workers = options["workers"]
        before = summary(training.crossval(matrix, workers=workers, never_train_on=own))
        after = summary(training.crossval(matrix, workers=workers))
        for label, figures in (("before", before["all"]), ("after", after["all"])):
            self.stdout.write(
                f"{label}: macro-F1 mean {figures['mean_macro_f1']:.3f} (worst "
                f"{figures['worst_macro_f1']:.3f}), note precision mean "
                f"{figures['mean_note_precision']:.3f} (worst "
                f"{figures['worst_note_precision']:.3f})"
            )
        worse = (
            after["all"]["mean_macro_f1"] < before["all"]["mean_macro_f1"]
            or after["all"]["mean_note_precision"] < before["all"]["mean_note_precision"]
        )
        if worse:
            self.stdout.write("The figures get worse with the practice's notes: nothing installed.")
            return
        meta = corpus_meta({**batches, "practice": practice})
        meta["practice"] = {"notes": len(practice), "before": before["all"], "after": after["all"]}
        data = training.to_model(*training.train(matrix), meta)
        out = Path(options["out"] or settings.RUPTURES_PRACTICE_MODEL)
        _write(out, data)
        self.stdout.write(
            f"Installed {out}. Restart the app to read with it, then run rescan_ruptures."
        )
