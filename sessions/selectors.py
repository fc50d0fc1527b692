"""Reads for session timelines."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from django.db.models import QuerySet

from clients.models import Client
from sessions.models import Session
from sessions.scoring import ITEM_COUNT

# The WAI-SR items, as lookups from a session.
WAI_ITEMS = [f"wai__item_{i}" for i in range(1, ITEM_COUNT + 1)]


class SessionRow(NamedTuple):
    """One session's figures, without its notes: what the chart and the panels need."""

    pk: int
    starts_at: dt.datetime
    attendance: str
    goals: int | None
    tasks: int | None
    bond: int | None
    updated_at: dt.datetime
    scanned_at: dt.datetime | None
    wai: tuple[int | None, ...]  # items 1 to 12, all None without a WAI-SR


def session_timeline(*, client: Client) -> QuerySet[Session]:
    """Return the client's sessions, newest first, each with its WAI-SR (one query)."""
    return (
        Session.objects.filter(client=client)
        .select_related("wai", "therapist")
        .order_by("-starts_at", "-id")
    )


def session_rows(*, client: Client) -> list[SessionRow]:
    """Return every session of the client, oldest first, as figures only (one query).

    One read serves the alliance chart, the timeline's page count, the "repaired in"
    choices and the pending-scan check of the client page; notes are never loaded.
    """
    rows = (
        Session.objects.filter(client=client)
        .order_by("starts_at", "id")
        .values_list(
            "pk",
            "starts_at",
            "attendance",
            "goals_rating",
            "tasks_rating",
            "bond_rating",
            "updated_at",
            "ruptures_scanned_at",
            *WAI_ITEMS,
        )
    )
    return [SessionRow(*row[:8], tuple(row[8:])) for row in rows]
