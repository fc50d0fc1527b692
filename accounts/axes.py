"""How django-axes names a sign-in attempt."""

from __future__ import annotations

from typing import Any

from alliance.text import normalise

USERNAME_LENGTH = 150  # Django's own username limit; axes stores up to 255


def username_from_credentials(request: Any, credentials: dict[str, Any] | None) -> str:
    """Return the username tried, as axes records it: a 1 MB or control-character username
    is recorded shortened and clean instead of failing the sign-in page."""
    raw = (credentials or {}).get("username") or ""
    if not raw and request is not None:
        raw = request.POST.get("username", "")
    return normalise(str(raw))[:USERNAME_LENGTH]
