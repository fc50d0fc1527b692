"""Measure the reader honestly: train on every batch but one, score the one left out."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ruptures import corpus, training
from ruptures.evaluation import evaluate
from ruptures.management.figures import summary, write_figures


class Command(BaseCommand):
    help = (
        "Train on every batch of ruptures/data/batches but one and score the one left out, for "
        "each batch; print each batch's figures, then the mean and the worst, per language too. "
        "With --final, score the final batch with the shipped model instead (nothing is tuned "
        "on it)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument(
            "--workers", type=int, default=2, help="Processes to run the folds in (default 2)."
        )
        parser.add_argument(
            "--final",
            action="store_true",
            help="Score ruptures/data/final with the model in use, per language.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["final"]:
            notes = [n for batch in corpus.load_final().values() for n in batch]
            result = evaluate(notes, by_language=True)
            result.pop("errors")
            if options["json"]:
                self.stdout.write(json.dumps(result))
                return
            self.stdout.write("Final batch, scored with the model in use:")
            write_figures(self.stdout, result)
            for language, figures in result["by_language"].items():
                self.stdout.write(f"\n{language}:")
                write_figures(self.stdout, figures)
            return
        batches = corpus.load_batches()
        matrix = training.build_matrix([n for batch in batches.values() for n in batch])
        progress = None if options["json"] else self.stdout.write
        results = training.crossval(matrix, workers=options["workers"], progress=progress)
        totals = summary(results)
        if options["json"]:
            self.stdout.write(json.dumps({"batches": results, "summary": totals}))
            return
        self.stdout.write("")
        for scope, figures in [("all", totals["all"]), *totals["by_language"].items()]:
            self.stdout.write(
                f"{scope}: {figures['batches']} held-out batches, macro-F1 mean "
                f"{figures['mean_macro_f1']:.3f} (worst {figures['worst_macro_f1']:.3f}), note "
                f"precision mean {figures['mean_note_precision']:.3f} (worst "
                f"{figures['worst_note_precision']:.3f})"
            )
