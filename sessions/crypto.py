"""Encrypt session notes at rest with their own keys (NOTES_ENCRYPTION_KEYS, newest first)."""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=4)
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError):
        raise ImproperlyConfigured(
            "NOTES_ENCRYPTION_KEYS must hold Fernet keys (32 url-safe base64-encoded bytes); "
            "make one with: python manage.py make_notes_key"
        ) from None


def cipher() -> MultiFernet:
    """Return the cipher for the configured keys; the first key encrypts, all of them decrypt."""
    return _cipher(tuple(settings.NOTES_ENCRYPTION_KEYS))


def encrypt_text(plain: str) -> str:
    """Return the token for `plain`; the empty string stays empty."""
    if plain == "":
        return ""
    return cipher().encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    """Return the plain text of a token made by any configured key."""
    if token == "":
        return ""
    try:
        return cipher().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken:
        raise ImproperlyConfigured(
            "A session note cannot be decrypted with NOTES_ENCRYPTION_KEYS: "
            "a key that is still in use was removed (see README, 'Key rotation')."
        ) from None


def is_encrypted_with_primary_key(token: str) -> bool:
    """Tell whether `token` already uses the newest key (rotation skips those)."""
    if token == "":
        return True
    primary = Fernet(settings.NOTES_ENCRYPTION_KEYS[0].encode())
    try:
        primary.decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True
