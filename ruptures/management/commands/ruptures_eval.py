"""Score the rupture reader on labelled notes (JSONL)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ruptures.evaluation import evaluate, read_jsonl
from ruptures.management.figures import write_figures


class Command(BaseCommand):
    help = (
        "Read FILE.jsonl lines {id, language, text, markers} and print per-marker precision, "
        "recall and F1, the macro-F1 and note-level precision and recall."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--errors", action="store_true", help="List the notes misread.")
        parser.add_argument(
            "--by-language", action="store_true", help="Also give the figures per language."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with open(options["file"], encoding="utf-8") as handle:
                result = evaluate(read_jsonl(handle), by_language=options["by_language"])
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc.strerror}") from None
        except ValueError as exc:
            raise CommandError(f"{options['file']}: {exc}") from None
        if options["json"]:
            shown = {k: v for k, v in result.items() if k != "errors" or options["errors"]}
            self.stdout.write(json.dumps(shown))
            return
        write_figures(self.stdout, result)
        for language, figures in result.get("by_language", {}).items():
            self.stdout.write(f"\n{language or 'no language'}:")
            write_figures(self.stdout, figures)
        if options["errors"]:
            for error in result["errors"]:
                self.stdout.write(
                    f"  {error['id']}: expected {error['expected']}, found {error['found']}"
                )
