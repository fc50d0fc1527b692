"""Reads for the caseload and the client page, each at a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

from django.db.models import (
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from clients.models import Client, ClientStatus, Goal, Task, TaskStatus
from ruptures.models import ACTIVE, RuptureFlag
from sessions.models import MET, Session, WaiSr

if TYPE_CHECKING:
    from accounts.models import User

SPARKLINE_SESSIONS = 12
WAI_TOTAL = sum((F(f"item_{i}") for i in range(2, 13)), F("item_1"))


class SubqueryCount(Subquery):
    """COUNT(*) of a correlated subquery: one figure per row, without join multiplication."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


def caseload(
    *, user: User, status: str | None = ClientStatus.ACTIVE, search: str = ""
) -> QuerySet[Client]:
    """Return the clients `user` sees with their activity figures (one query)."""
    today = timezone.localdate()
    # Only what the rows show: not the therapist's password hash, for one.
    clients = (
        Client.objects.visible_to(user)
        .select_related("therapist")
        .only(
            "display_name",
            "code",
            "status",
            "therapist__username",
            "therapist__first_name",
            "therapist__last_name",
        )
    )
    if status:
        clients = clients.filter(status=status)
    if search:
        clients = clients.filter(Q(display_name__icontains=search) | Q(code__icontains=search))
    sessions = Session.objects.filter(client=OuterRef("pk"))
    latest_wai = (
        WaiSr.objects.filter(session__client=OuterRef("pk"))
        .order_by("-session__starts_at", "-session_id")
        .annotate(total=WAI_TOTAL)
    )
    overdue = Task.objects.filter(
        goal__client=OuterRef("pk"), status=TaskStatus.PENDING, due_date__lt=today
    )
    return clients.annotate(
        session_count=SubqueryCount(sessions.values("pk")),
        last_session_at=Subquery(sessions.order_by("-starts_at").values("starts_at")[:1]),
        latest_wai_total=Subquery(latest_wai.values("total")[:1]),
        overdue_tasks=SubqueryCount(overdue.values("pk")),
        open_flags=SubqueryCount(
            RuptureFlag.objects.filter(client=OuterRef("pk"), status__in=ACTIVE).values("pk")
        ),
    ).order_by("display_name", "pk")


class TrendPoint(NamedTuple):
    goals: int
    tasks: int
    bond: int

    @property
    def mean_rating(self) -> float:
        return round((self.goals + self.tasks + self.bond) / 3, 2)


def recent_alliance(*, client_ids: list[int]) -> dict[int, list[TrendPoint]]:
    """Return each client's last practitioner ratings, oldest first (1 query).

    The database orders them: loading 12 timestamps per client only to sort them cost
    more than the rest of the caseload's Python.
    """
    if not client_ids:
        return {}
    rows = (
        Session.objects.filter(
            client_id__in=client_ids, attendance__in=MET, goals_rating__isnull=False
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("client_id")],
                order_by=[F("starts_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=SPARKLINE_SESSIONS)
        .order_by("client_id", "-rank")
        .values_list("client_id", "goals_rating", "tasks_rating", "bond_rating")
    )
    trends: dict[int, list[TrendPoint]] = defaultdict(list)
    for client_id, goals, tasks, bond in rows:
        trends[client_id].append(TrendPoint(goals, tasks, bond))
    return dict(trends)


def client_with_goals(*, client: Client) -> list[Goal]:
    """Return the client's goals with their tasks, in the client's order (2 queries)."""
    return list(
        client.goals.prefetch_related(
            Prefetch("tasks", queryset=Task.objects.order_by("due_date", "id"))
        ).order_by("order", "id")
    )


def pending_tasks(goals: list[Goal]) -> list[Task]:
    """Return the tasks still to review, from goals already loaded with their tasks."""
    return [t for g in goals for t in g.tasks.all() if t.status == TaskStatus.PENDING]


def overdue_count(goals: list[Goal]) -> int:
    """Count pending tasks past their due date, from goals already loaded with their tasks."""
    today = timezone.localdate()
    return sum(1 for t in pending_tasks(goals) if t.due_date and t.due_date < today)
