"""Score the rupture detector on labelled notes (JSONL)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ruptures.detector import MARKERS
from ruptures.evaluation import evaluate, read_jsonl


class Command(BaseCommand):
    help = (
        "Read FILE.jsonl lines {id, language, text, markers} and print per-marker precision, "
        "recall and F1, the macro-F1 and note-level precision and recall."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--errors", action="store_true", help="List the notes misread.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with open(options["file"], encoding="utf-8") as handle:
                result = evaluate(read_jsonl(handle))
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc.strerror}") from None
        except ValueError as exc:
            raise CommandError(f"{options['file']}: {exc}") from None
        if options["json"]:
            shown = {k: v for k, v in result.items() if k != "errors" or options["errors"]}
            self.stdout.write(json.dumps(shown))
            return
        self.stdout.write(f"{result['notes']} notes")
        self.stdout.write(f"{'marker':<20}{'precision':>10}{'recall':>10}{'F1':>10}{'support':>9}")
        for marker in MARKERS:
            s = result["per_marker"][marker]
            self.stdout.write(
                f"{marker:<20}{s['precision']:>10.3f}{s['recall']:>10.3f}"
                f"{s['f1']:>10.3f}{s['support']:>9}"
            )
        self.stdout.write(f"macro-F1: {result['macro_f1']:.3f}")
        self.stdout.write(
            f"note level (any marker): precision {result['note_precision']:.3f}, "
            f"recall {result['note_recall']:.3f}"
        )
        if options["errors"]:
            for error in result["errors"]:
                self.stdout.write(
                    f"  {error['id']}: expected {error['expected']}, found {error['found']}"
                )
