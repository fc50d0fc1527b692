"""Reads for session timelines."""

from __future__ import annotations

from django.db.models import QuerySet

from clients.models import Client
from sessions.models import Session


def session_timeline(*, client: Client) -> QuerySet[Session]:
    """Return the client's sessions, newest first, each with its WAI-SR (one query)."""
    return (
        Session.objects.filter(client=client)
        .select_related("wai", "therapist")
        .order_by("-starts_at", "-id")
    )
