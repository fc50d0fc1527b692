"""Session notes are encrypted at rest with their own key, and the key can be rotated."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from conftest import Practice
from sessions.crypto import _cipher
from sessions.models import Session


def _stored(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM therapy_sessions_session WHERE id = %s", [pk])
        return str(cursor.fetchone()[0])


def test_notes_are_not_stored_in_clear(practice: Practice) -> None:
    stored = _stored(practice.session.pk)
    assert "usager" not in stored and stored.startswith("gAAAAA")
    assert Session.objects.get(pk=practice.session.pk).notes.startswith("L'usager")


def test_notes_key_is_not_the_secret_key(settings: object) -> None:
    assert settings.NOTES_ENCRYPTION_KEYS[0] != settings.SECRET_KEY  # type: ignore[attr-defined]


def test_rotation_reencrypts_with_the_new_key(practice: Practice, settings: object) -> None:
    old = settings.NOTES_ENCRYPTION_KEYS[0]  # type: ignore[attr-defined]
    new = Fernet.generate_key().decode()
    settings.NOTES_ENCRYPTION_KEYS = [new, old]  # type: ignore[attr-defined]
    _cipher.cache_clear()
    call_command("rotate_notes_key")
    assert (
        Fernet(new.encode()).decrypt(_stored(practice.session.pk).encode()).startswith(b"L'usager")
    )
    settings.NOTES_ENCRYPTION_KEYS = [new]  # type: ignore[attr-defined]  # old key retired
    _cipher.cache_clear()
    assert Session.objects.get(pk=practice.session.pk).notes.startswith("L'usager")


def test_a_removed_key_still_in_use_fails_loudly(practice: Practice, settings: object) -> None:
    from django.core.exceptions import ImproperlyConfigured

    settings.NOTES_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # type: ignore[attr-defined]
    _cipher.cache_clear()
    with pytest.raises(ImproperlyConfigured, match="Key rotation"):
        Session.objects.get(pk=practice.session.pk)
    _cipher.cache_clear()
