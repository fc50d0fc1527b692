"""Reads for the supervision dashboard: a fixed number of queries whatever the caseload."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db.models import Avg, Count, F, FloatField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone

from accounts.models import Role, User
from clients.models import Client, ClientStatus
from ruptures.models import ACTIVE, FlagStatus, RuptureFlag
from sessions.models import MET, Attendance, Session
from supervision.models import Comment

PERIODS = (30, 90, 180, 365)
DEFAULT_PERIOD = 90
QUIET_WEEKS = 4  # an active client with no session for this long is at risk
QUEUE_LENGTH = 50

RATING = Cast(F("goals_rating") + F("tasks_rating") + F("bond_rating"), FloatField()) / 3.0
WAI_MEAN = (
    Cast(sum((F(f"wai__item_{i}") for i in range(2, 13)), F("wai__item_1")), FloatField()) / 12.0
)


def therapists_in_scope(user: User) -> QuerySet[User]:
    """Return the therapists whose caseloads `user` reviews: supervisees, self, or all."""
    therapists = User.objects.filter(role=Role.THERAPIST, is_active=True)
    if user.role == Role.ADMIN:
        return therapists.order_by("last_name", "first_name", "pk")
    if user.role == Role.SUPERVISOR:
        therapists = therapists.filter(supervised_by__supervisor=user)
    else:
        therapists = therapists.filter(pk=user.pk)
    return therapists.order_by("last_name", "first_name", "pk")


@dataclass
class TherapistRow:
    therapist: User
    active_clients: int = 0
    sessions_30: int = 0
    sessions_90: int = 0
    rating_now: float | None = None
    rating_before: float | None = None
    wai_now: float | None = None
    wai_before: float | None = None
    planned: int = 0
    cancelled: int = 0
    no_show: int = 0
    open_flags: int = 0
    unrepaired_flags: int = 0

    @staticmethod
    def _trend(now: float | None, before: float | None) -> float | None:
        return None if now is None or before is None else round(now - before, 2)

    @property
    def rating_trend(self) -> float | None:
        return self._trend(self.rating_now, self.rating_before)

    @property
    def wai_trend(self) -> float | None:
        return self._trend(self.wai_now, self.wai_before)

    @property
    def cancellation_rate(self) -> float | None:
        return self.cancelled / self.planned if self.planned else None

    @property
    def no_show_rate(self) -> float | None:
        return self.no_show / self.planned if self.planned else None


@dataclass
class AtRisk:
    client_id: int
    display_name: str
    code: str
    therapist: str
    score: int = 0
    reasons: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class Dashboard:
    period: int
    therapists: list[User]
    rows: list[TherapistRow]
    queue: list[AtRisk]
    trends: dict[int | None, list[tuple[dt.date, float | None, float | None, int]]]


def dashboard(
    *, user: User, period: int, therapist_id: int | None, therapists: list[User] | None = None
) -> Dashboard:
    """Return the supervision dashboard for the caseloads `user` reviews.

    `therapists` is therapists_in_scope(user), when the caller has it already.
    """
    now = timezone.now()
    start = now - dt.timedelta(days=period)
    before = start - dt.timedelta(days=period)
    therapists = list(therapists_in_scope(user)) if therapists is None else list(therapists)
    if therapist_id is not None:
        therapists = [t for t in therapists if t.pk == therapist_id]
    ids = [t.pk for t in therapists]
    clients = Client.objects.visible_to(user).filter(therapist_id__in=ids)
    rows = {t.pk: TherapistRow(t) for t in therapists}
    if not ids:
        return Dashboard(period, therapists, [], [], {})

    in_scope = _clients(clients)
    for client in in_scope:
        if client.status == ClientStatus.ACTIVE:
            rows[client.therapist_id].active_clients += 1

    in_period = Q(starts_at__gte=start)
    met = Q(attendance__in=MET)
    planned = ~Q(attendance=Attendance.CANCELLED_BY_PRACTITIONER)
    sessions = (
        Session.objects.filter(
            client__in=clients, starts_at__gte=min(before, now - dt.timedelta(days=90))
        )
        .values("client__therapist")
        .annotate(
            sessions_30=Count("pk", filter=met & Q(starts_at__gte=now - dt.timedelta(days=30))),
            sessions_90=Count("pk", filter=met & Q(starts_at__gte=now - dt.timedelta(days=90))),
            planned=Count("pk", filter=in_period & planned),
            cancelled=Count(
                "pk",
                filter=in_period
                & Q(attendance__in=[Attendance.CANCELLED_WITH_NOTICE, Attendance.CANCELLED_LATE]),
            ),
            no_show=Count("pk", filter=in_period & Q(attendance=Attendance.NO_SHOW)),
            rating_now=Avg(RATING, filter=in_period & met),
            rating_before=Avg(RATING, filter=Q(starts_at__gte=before, starts_at__lt=start) & met),
            wai_now=Avg(WAI_MEAN, filter=in_period),
            wai_before=Avg(WAI_MEAN, filter=Q(starts_at__gte=before, starts_at__lt=start)),
        )
        .order_by()
    )
    for values in sessions:
        row = rows[values.pop("client__therapist")]
        for name, value in values.items():
            setattr(row, name, round(value, 2) if isinstance(value, float) else value)

    flags = _active_flags(clients, {c.pk: c.second_seen for c in in_scope})
    for flag in flags:
        row = rows[flag["client__therapist"]]
        row.open_flags += 1
        if flag["unrepaired"]:
            row.unrepaired_flags += 1
    queue = _queue(in_scope, flags, now)
    return Dashboard(
        period,
        therapists,
        list(rows.values()),
        queue,
        monthly_trends(clients, start, therapist_id is None and len(ids) > 1),
    )


class _ClientRow(NamedTuple):
    pk: int
    display_name: str
    code: str
    status: str
    therapist_id: int
    first_name: str
    last_name: str
    last_seen: dt.datetime | None  # the latest session that took place
    second_seen: dt.datetime | None  # the one before it


def _clients(clients: QuerySet[Client]) -> list[_ClientRow]:
    """Return every client in scope with its two latest sessions that took place (1 query)."""
    met = Session.objects.filter(client=OuterRef("pk"), attendance__in=MET).order_by(
        "-starts_at", "-id"
    )
    rows = clients.annotate(
        last_seen=Subquery(met.values("starts_at")[:1]),
        second_seen=Subquery(met.values("starts_at")[1:2]),
    ).values_list(
        "pk",
        "display_name",
        "code",
        "status",
        "therapist_id",
        "therapist__first_name",
        "therapist__last_name",
        "last_seen",
        "second_seen",
    )
    return [_ClientRow(*row) for row in rows]


def _active_flags(
    clients: QuerySet[Client], second_seen: dict[int, dt.datetime | None]
) -> list[dict[str, Any]]:
    """Return the active flags of these clients, each knowing if it waits for a repair.

    `second_seen` maps each client to its second latest session that took place: a flag
    has had two sessions since it when that session came after the flagged one.
    """
    rows = RuptureFlag.objects.filter(client__in=clients, status__in=ACTIVE).values(
        "client_id",
        "client__therapist",
        "marker",
        "signal",
        "status",
        "session__starts_at",
        "repair_plan",
    )
    result = []
    for row in rows:
        # "Without a documented repair after two sessions": no plan, not repaired, and two
        # sessions have taken place since the flagged one.
        second = second_seen.get(row["client_id"])
        row["unrepaired"] = (
            row["status"] != FlagStatus.REPAIR_PLANNED
            and row["repair_plan"] is None
            and second is not None
            and second > row["session__starts_at"]
        )
        result.append(row)
    return result


def _queue(
    clients: list[_ClientRow], flags: list[dict[str, Any]], now: dt.datetime
) -> list[AtRisk]:
    """Rank the active clients by risk, each with its reasons."""
    by_client: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for flag in flags:
        by_client[flag["client_id"]].append(flag)
    queue = []
    for client in clients:
        if client.status != ClientStatus.ACTIVE:
            continue
        item = AtRisk(
            client.pk,
            client.display_name,
            client.code,
            f"{client.first_name} {client.last_name}".strip(),
        )
        client_flags = by_client.get(client.pk, [])
        waiting = [
            f
            for f in client_flags
            if f["marker"] and f["repair_plan"] is None and f["status"] != FlagStatus.REPAIR_PLANNED
        ]
        if waiting:
            late = sum(1 for f in waiting if f["unrepaired"])
            item.score += 3 * len(waiting) + 2 * late
            item.reasons.append(("flags", {"n": len(waiting), "late": late}))
        kinds = {f["signal"] for f in client_flags}
        for signal, weight in (
            ("rating_drop", 3),
            ("rating_divergence", 2),
            ("repeated_absences", 2),
        ):
            if signal in kinds:
                item.score += weight
                item.reasons.append((signal, {}))
        seen = client.last_seen
        weeks = None if seen is None else (now - seen).days // 7
        if weeks is None or weeks >= QUIET_WEEKS:
            item.score += 2 if weeks is None or weeks < 2 * QUIET_WEEKS else 3
            item.reasons.append(("quiet", {"weeks": weeks}))
        if item.score:
            queue.append(item)
    queue.sort(key=lambda i: (-i.score, i.display_name))
    return queue[:QUEUE_LENGTH]


def monthly_trends(
    clients: QuerySet[Client], start: dt.datetime, overall: bool
) -> dict[int | None, list[tuple[dt.date, float | None, float | None, int]]]:
    """Return monthly means (my rating, the client's WAI-SR) per therapist, and overall.

    The overall line is the per-therapist months combined, each weighted by its count.
    """
    month = TruncMonth("starts_at", tzinfo=timezone.get_current_timezone())
    rows = (
        Session.objects.filter(client__in=clients, starts_at__gte=start, attendance__in=MET)
        .annotate(month=month)
        .values("client__therapist", "month")
        .annotate(
            mean_rating=Avg(RATING),
            mean_wai=Avg(WAI_MEAN),
            n=Count("pk"),
            n_rating=Count("goals_rating"),
            n_wai=Count("wai__item_1"),
        )
        .values_list(
            "client__therapist", "month", "mean_rating", "mean_wai", "n", "n_rating", "n_wai"
        )
        .order_by("client__therapist", "month")
    )
    trends: dict[int | None, list[tuple[dt.date, float | None, float | None, int]]] = defaultdict(
        list
    )
    totals: dict[dt.date, list[float]] = defaultdict(lambda: [0.0, 0, 0.0, 0, 0])
    for therapist, when, rating, wai, n, n_rating, n_wai in rows:
        day = _day(when)
        trends[therapist].append((day, rating, wai, n))
        total = totals[day]
        if rating is not None:
            total[0] += rating * n_rating
            total[1] += n_rating
        if wai is not None:
            total[2] += wai * n_wai
            total[3] += n_wai
        total[4] += n
    if overall:
        trends[None] = [
            (day, t[0] / t[1] if t[1] else None, t[2] / t[3] if t[3] else None, int(t[4]))
            for day, t in sorted(totals.items())
        ]
    return dict(trends)


def _day(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def client_comments(*, client: Client) -> list[Comment]:
    """Return the client's supervision threads: each comment with its replies (one query)."""
    comments = list(Comment.objects.filter(client=client).select_related("author", "flag"))
    threads = [c for c in comments if c.reply_to_id is None]
    replies: dict[int, list[Comment]] = defaultdict(list)
    for comment in comments:
        if comment.reply_to_id is not None:
            replies[comment.reply_to_id].append(comment)
    for thread in threads:
        thread.thread_replies = replies.get(thread.pk, [])  # type: ignore[attr-defined]
    return threads
