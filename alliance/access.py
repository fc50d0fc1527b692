"""Access helpers for views: everything outside a user's scope answers 404, never 403."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from clients.models import Client, Goal, Task
from sessions.models import Session


def _scoped(request: HttpRequest) -> Any:
    return Client.objects.visible_to(request.user)  # type: ignore[arg-type]


def _require_owner(request: HttpRequest, client_therapist_id: int) -> None:
    """Refuse a write by someone who may only read this record (a supervisor, an admin)."""
    if client_therapist_id != request.user.pk:
        raise PermissionDenied


def client_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Client:
    client = get_object_or_404(_scoped(request).select_related("therapist"), pk=pk)
    if write:
        _require_owner(request, client.therapist_id)
    return client


def goal_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Goal:
    goal = get_object_or_404(
        Goal.objects.filter(client__in=_scoped(request)).select_related("client"), pk=pk
    )
    if write:
        _require_owner(request, goal.client.therapist_id)
    return goal


def task_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Task:
    task = get_object_or_404(
        Task.objects.filter(goal__client__in=_scoped(request)).select_related("goal__client"),
        pk=pk,
    )
    if write:
        _require_owner(request, task.goal.client.therapist_id)
    return task


def session_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Session:
    session = get_object_or_404(
        Session.objects.visible_to(request.user).select_related("client", "wai"),  # type: ignore[arg-type]
        pk=pk,
    )
    if write:
        _require_owner(request, session.client.therapist_id)
    return session


def require_therapist(request: HttpRequest) -> None:
    """Only therapists open client files; supervisors and admins read."""
    if not getattr(request.user, "is_therapist", False):
        raise PermissionDenied


def flag_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Any:
    from ruptures.models import RuptureFlag

    flag = get_object_or_404(
        RuptureFlag.objects.visible_to(request.user).select_related(  # type: ignore[arg-type]
            "client", "session", "repair_plan"
        ),
        pk=pk,
    )
    if write:
        _require_owner(request, flag.client.therapist_id)
    return flag


def require_admin(request: HttpRequest) -> None:
    if not getattr(request.user, "is_admin", False):
        raise PermissionDenied
