"""Re-encrypt every session note with the newest key of NOTES_ENCRYPTION_KEYS."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from audit.models import AuditAction
from audit.services import audit_record
from sessions.crypto import is_encrypted_with_primary_key
from sessions.models import Session


class Command(BaseCommand):
    help = "Re-encrypt session notes still under an older key; safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        # The Cast reads the stored token itself, without decrypting it.
        stored = Session.objects.annotate(token=Cast("notes", TextField())).order_by("pk")
        stale_ids = [
            pk
            for pk, token in stored.values_list("pk", "token").iterator(chunk_size=2000)
            if not is_encrypted_with_primary_key(token)
        ]
        size = options["batch_size"]
        for start in range(0, len(stale_ids), size):
            with transaction.atomic():
                batch = list(
                    Session.objects.filter(pk__in=stale_ids[start : start + size]).only(
                        "pk", "notes"
                    )
                )
                # Reading decrypts with any configured key; saving encrypts with the newest.
                Session.objects.bulk_update(batch, ["notes"])
        audit_record(
            actor=None,
            action=AuditAction.MAINTENANCE,
            object_type="therapy_sessions.session",
            details={"notes_reencrypted": len(stale_ids)},
        )
        self.stdout.write(f"Re-encrypted {len(stale_ids)} session notes with the newest key.")
