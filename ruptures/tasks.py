"""Background rupture scans (ids only, never clinical text)."""

from __future__ import annotations

from celery import shared_task

from ruptures.services import rupture_scan_session


@shared_task(name="ruptures.scan_session")
def scan_session(session_id: int) -> dict[str, int]:
    """Scan one session for rupture markers and signals."""
    return rupture_scan_session(session_id=session_id)
