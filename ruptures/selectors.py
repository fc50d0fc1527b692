"""Reads of rupture flags for the client page, the caseload and the admin."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db.models import Count, Q, QuerySet

from ruptures.corpus import LabelledNote
from ruptures.models import (
    ACTIVE,
    TEXT_SOURCES,
    FlagStatus,
    Marker,
    RuptureFlag,
    SignalKind,
    Source,
)

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
    """Return the flags with words of the note as evidence (the reader's and those added by
    hand; not dismissed) of these sessions, by session.

    From `flags` when it holds every flag of the client; otherwise one query.
    """
    found: dict[int, list[RuptureFlag]] = defaultdict(list)
    if flags is not None and flags.complete:
        wanted = set(session_ids)
        candidates: Iterable[RuptureFlag] = (
            f
            for f in reversed(flags.loaded)
            if f.session_id in wanted
            and f.source in TEXT_SOURCES
            and f.status != FlagStatus.DISMISSED
        )
    else:
        candidates = RuptureFlag.objects.filter(
            session_id__in=session_ids, source__in=TEXT_SOURCES
        ).exclude(status=FlagStatus.DISMISSED)
    for flag in candidates:
        found[flag.session_id].append(flag)
    return found


def repair_sentences(*, client: Client) -> QuerySet[Any]:
    """Return the planned repairs to keep in mind when logging the next session."""
    return RuptureFlag.objects.filter(
        client=client, status=FlagStatus.REPAIR_PLANNED, repair_plan__isnull=False
    ).select_related("repair_plan")


class PrecisionRow(NamedTuple):
    source: str
    kind: str  # the marker's or the signal's label
    total: int
    open: int
    repaired: int
    dismissed: int
    reviewed: int
    precision: float | None  # kept among reviewed; None when none was reviewed
    added_by_hand: int | None  # markers the reader missed and a practitioner added (None: n/a)


def precision_by_kind(*, user: User) -> list[PrecisionRow]:
    """Return, per marker or signal, how often the reader's flags were kept or dismissed,
    and how many markers of each kind practitioners added because the reader missed them."""
    added = dict(
        RuptureFlag.objects.visible_to(user)
        .filter(source=Source.PRACTITIONER)
        .exclude(status=FlagStatus.DISMISSED)
        .values_list("marker")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = (
        RuptureFlag.objects.visible_to(user)
        .exclude(source=Source.PRACTITIONER)
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
        kind = Marker(row["marker"]).label if row["marker"] else SignalKind(row["signal"]).label
        result.append(
            PrecisionRow(
                source=str(Source(row["source"]).label),
                kind=str(kind),
                total=row["total"],
                open=row["open"],
                repaired=row["repaired"],
                dismissed=row["dismissed"],
                reviewed=reviewed,
                precision=(reviewed - row["dismissed"]) / reviewed if reviewed else None,
                added_by_hand=added.pop(row["marker"], 0) if row["source"] == Source.NOTE else None,
            )
        )
    for marker, count in sorted(added.items()):  # missed by the reader, never flagged by it
        result.append(
            PrecisionRow(
                str(Source.NOTE.label), str(Marker(marker).label), 0, 0, 0, 0, 0, None, count
            )
        )
    return result


KEPT = (FlagStatus.ACKNOWLEDGED, FlagStatus.REPAIR_PLANNED, FlagStatus.REPAIRED)


def practice_labelled_notes() -> list[LabelledNote]:
    """Return the practice's own labelled notes, for retraining the reader (all clients).

    A session's note is labelled when a practitioner reviewed every flag the reader raised on
    it or added a marker it missed: its markers are the flags kept and the markers added; a
    dismissed flag is a marker the note does not have. Notes are decrypted in memory only.
    """
    flags = (
        RuptureFlag.objects.filter(source__in=TEXT_SOURCES)
        .exclude(session__notes="")
        .select_related("session")
        .order_by("session_id", "id")
    )
    by_session: dict[int, list[RuptureFlag]] = defaultdict(list)
    for flag in flags:
        by_session[flag.session_id].append(flag)
    notes = []
    for session_id, session_flags in by_session.items():
        if any(f.status == FlagStatus.OPEN or f.evidence.get("stale") for f in session_flags):
            continue  # not reviewed yet, or the note changed since: its labels are not known
        text = session_flags[0].session.notes
        markers = {
            f.marker
            for f in session_flags
            if f.source == Source.PRACTITIONER
            and f.status != FlagStatus.DISMISSED
            or f.source == Source.NOTE
            and f.status in KEPT
        }
        evidence = {
            f.marker: tuple(
                (a, b) for a, b in f.evidence.get("spans", []) if 0 <= a < b <= len(text)
            )
            for f in session_flags
            if f.marker in markers
        }
        notes.append(
            LabelledNote(
                id=f"practice-{session_id}",
                language=None,
                text=text,
                markers=frozenset(markers),
                evidence={m: s for m, s in evidence.items() if s},
                batch=f"practice-{session_id % 2 + 1}",
            )
        )
    return notes
