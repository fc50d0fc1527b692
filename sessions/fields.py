"""A text field stored encrypted and read back as plain text."""

from __future__ import annotations

from typing import Any

from django.db import models

from sessions.crypto import decrypt_text, encrypt_text


class EncryptedTextField(models.TextField):
    """Store text as a Fernet token; the database never holds the plain text."""

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt_text(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return None if value is None else encrypt_text(value)

    def get_lookup(self, lookup_name: str) -> Any:
        # Encrypted values cannot be compared; only emptiness checks make sense.
        if lookup_name not in {"isnull", "exact"}:
            return None
        return super().get_lookup(lookup_name)
