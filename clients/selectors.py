"""Reads for the caseload and the client page, each at a fixed number of queries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Max, Prefetch, Q, QuerySet

from clients.models import Client, ClientStatus, Goal, Task

if TYPE_CHECKING:
    from accounts.models import User


def caseload(
    *, user: User, status: str | None = ClientStatus.ACTIVE, search: str = ""
) -> QuerySet[Client]:
    """Return the clients `user` sees, with their session count and last session date."""
    clients = Client.objects.visible_to(user).select_related("therapist")
    if status:
        clients = clients.filter(status=status)
    if search:
        clients = clients.filter(Q(display_name__icontains=search) | Q(code__icontains=search))
    return clients.annotate(
        session_count=Count("sessions"), last_session_at=Max("sessions__starts_at")
    ).order_by("display_name", "pk")


def client_with_goals(*, client: Client) -> list[Goal]:
    """Return the client's goals with their tasks, in the client's order (2 queries)."""
    return list(
        client.goals.prefetch_related(
            Prefetch("tasks", queryset=Task.objects.order_by("due_date", "id"))
        ).order_by("order", "id")
    )
