"""Print the rupture markers found in each note of a JSONL file, one JSON line per note."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext

from ruptures.detector import detect


class Command(BaseCommand):
    help = "Read FILE.jsonl lines {id, language?, text} and print one JSON line of hits per note."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--explain-in", default="en", choices=["en", "fr"], help="Language of the explanations."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            handle = open(options["file"], encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc.strerror}") from None
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    text = str(row["text"])
                except (ValueError, KeyError, TypeError) as exc:
                    raise CommandError(f"line {number}: {exc}") from None
                hits = detect(text, row.get("language"))
                with translation.override(options["explain_in"]):
                    found = [
                        h.as_dict()
                        | {
                            "explanation": gettext(h.explanation),
                            "evidence": [text[a:b] for a, b in h.spans],
                        }
                        for h in hits
                    ]
                self.stdout.write(
                    json.dumps(
                        {
                            "id": row.get("id", number),
                            "markers": [h.marker for h in hits],
                            "hits": found,
                        },
                        ensure_ascii=False,
                    )
                )
