"""Load or create the local secrets the embedded default needs, outside the repository."""

from __future__ import annotations

import secrets
from pathlib import Path

from cryptography.fernet import Fernet


def local_secret(path: Path, make: str) -> str:
    """Return the secret stored at `path`, creating it with `make` ("django" or "fernet") once."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = Fernet.generate_key().decode() if make == "fernet" else secrets.token_urlsafe(50)
    path.touch(mode=0o600)
    path.write_text(value + "\n")
    return value
