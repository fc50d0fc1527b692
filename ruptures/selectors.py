"""Reads of rupture flags for the client page, the caseload and the admin."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db.models import Count, Q, QuerySet

from ruptures.models import ACTIVE, FlagStatus, RuptureFlag, Source

if TYPE_CHECKING:
    from accounts.models import User
    from clients.models import Client

RECENT_CLOSED = 10
FLAG_LIMIT = 200


class ClientFlags(NamedTuple):
    active: list[RuptureFlag]
    closed: list[RuptureFlag]  # the most recent RECENT_CLOSED
    loaded: list[RuptureFlag]  # every flag read, newest session first
    complete: bool  # False when the client has more than FLAG_LIMIT flags


def client_flags(*, client: Client) -> ClientFlags:
    """Return the client's active flags and the most recent closed ones (one query)."""
    flags = list(
        RuptureFlag.objects.filter(client=client)
        .select_related("session", "repair_plan", "repaired_in_session")
        .order_by("-session__starts_at", "-id")[: FLAG_LIMIT + 1]
    )
    complete = len(flags) <= FLAG_LIMIT
    flags = flags[:FLAG_LIMIT]
    active = [f for f in flags if f.status in ACTIVE]
    closed = [f for f in flags if f.status not in ACTIVE][:RECENT_CLOSED]
    return ClientFlags(active, closed, flags, complete)


def note_flags_by_session(
    *, session_ids: list[int], flags: ClientFlags | None = None
) -> dict[int, list[RuptureFlag]]:
    """Return the note flags (not dismissed) of these sessions, by session.

    From `flags` when it holds every flag of the client; otherwise one query.
    """
    found: dict[int, list[RuptureFlag]] = defaultdict(list)
    if flags is not None and flags.complete:
        wanted = set(session_ids)
        candidates: Iterable[RuptureFlag] = (
            f
            for f in reversed(flags.loaded)
            if f.session_id in wanted
            and f.source == Source.NOTE
            and f.status != FlagStatus.DISMISSED
        )
    else:
        candidates = RuptureFlag.objects.filter(
            session_id__in=session_ids, source=Source.NOTE
        ).exclude(status=FlagStatus.DISMISSED)
    for flag in candidates:
        found[flag.session_id].append(flag)
    return found


def repair_sentences(*, client: Client) -> QuerySet[Any]:
    """Return the planned repairs to keep in mind when logging the next session."""
    return RuptureFlag.objects.filter(
        client=client, status=FlagStatus.REPAIR_PLANNED, repair_plan__isnull=False
    ).select_related("repair_plan")


def precision_by_kind(*, user: User) -> list[dict[str, Any]]:
    """Return, per marker or signal, how often flags were kept or dismissed (admins)."""
    rows = (
        RuptureFlag.objects.visible_to(user)
        .values("source", "marker", "signal")
        .annotate(
            total=Count("id"),
            open=Count("id", filter=Q(status=FlagStatus.OPEN)),
            dismissed=Count("id", filter=Q(status=FlagStatus.DISMISSED)),
            repaired=Count("id", filter=Q(status=FlagStatus.REPAIRED)),
        )
        .order_by("source", "marker", "signal")
    )
    result = []
    for row in rows:
        reviewed = row["total"] - row["open"]
        row["reviewed"] = reviewed
        row["precision"] = (reviewed - row["dismissed"]) / reviewed if reviewed else None
        result.append(row)
    return result
