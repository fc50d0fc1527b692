"""Scan every session again, e.g. after a new model or lexicon (a new detector version)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from audit.models import AuditAction
from audit.services import audit_record
from ruptures.detector import detector_version
from ruptures.services import rupture_scan_session
from sessions.models import Session


class Command(BaseCommand):
    help = (
        "Re-read every session note and session data for rupture markers. Never duplicates "
        "a flag and never reopens a dismissed one."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--client", type=int, help="Only this client's sessions (id).")

    def handle(self, *args: Any, **options: Any) -> None:
        sessions = Session.objects.order_by("client_id", "starts_at", "id")
        if options["client"]:
            sessions = sessions.filter(client_id=options["client"])
        totals = {"sessions": 0, "created": 0, "updated": 0, "withdrawn": 0}
        for session_id in sessions.values_list("id", flat=True).iterator(chunk_size=2000):
            counts = rupture_scan_session(session_id=session_id)
            totals["sessions"] += 1
            for key, value in counts.items():
                totals[key] += value
        audit_record(
            actor=None,
            action=AuditAction.MAINTENANCE,
            object_type="ruptures.rescan",
            details={**totals, "detector": detector_version()},
        )
        self.stdout.write(
            f"Scanned {totals['sessions']} sessions with detector {detector_version()}: "
            f"{totals['created']} flags created, {totals['updated']} refreshed, "
            f"{totals['withdrawn']} withdrawn."
        )
