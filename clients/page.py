"""Assemble the client page and its htmx fragments (partials of clients/client_detail.html)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from clients import selectors
from clients.forms import GoalForm, TaskForm, TaskStatusForm
from clients.models import Client, Goal, GoalStatus, TaskStatus
from sessions.alliance_chart import client_alliance_chart
from sessions.forms import NewTaskForm, SessionForm, TaskReviewForm, WaiSrForm
from sessions.selectors import session_timeline

PAGE = "clients/client_detail.html"
TIMELINE_PAGE_SIZE = 10


def timeline_page(client: Client, number: Any = 1) -> Page:
    """Return one page of the timeline, each session with its WAI-SR score (or None)."""
    page = Paginator(session_timeline(client=client), TIMELINE_PAGE_SIZE).get_page(number)
    for session in page:
        wai = getattr(session, "wai", None) if hasattr(session, "wai") else None
        session.wai_score = wai.score if wai is not None else None
    return page


def prepare_goals(goals: list[Goal], *, bound: dict[str, Any] | None = None) -> list[Goal]:
    """Attach each inline form to its goal or task; `bound` replaces one with its errors."""
    bound = bound or {}
    for goal in goals:
        goal.add_task_form = bound.get(f"task-{goal.pk}")  # type: ignore[attr-defined]
        tasks = list(goal.tasks.all())
        goal.open_tasks = [t for t in tasks if t.status == TaskStatus.PENDING]  # type: ignore[attr-defined]
        goal.closed_tasks = [t for t in tasks if t.status != TaskStatus.PENDING]  # type: ignore[attr-defined]
        for task in tasks:
            if task.status != TaskStatus.PENDING and f"status-{task.pk}" not in bound:
                task.status_form = None  # type: ignore[attr-defined]
                continue
            task.status_form = bound.get(f"status-{task.pk}") or TaskStatusForm(  # type: ignore[attr-defined]
                instance=task, auto_id=f"id_t{task.pk}_%s"
            )
    return goals


def new_goal_form(data: Any = None) -> GoalForm:
    return GoalForm(data, initial={"status": "active"}, auto_id="id_newgoal_%s")


def new_task_form(goal: Goal, data: Any = None) -> TaskForm:
    return TaskForm(data, initial={"status": "pending"}, auto_id=f"id_g{goal.pk}_%s")


def session_forms(client: Client, goals: list[Goal], data: Any = None) -> dict[str, Any]:
    """Return the forms of the session logger, blank (prefilled) or bound to `data`."""
    now = timezone.localtime().replace(second=0, microsecond=0)
    active_goals = [g for g in goals if g.status == GoalStatus.ACTIVE]
    return {
        "session_form": SessionForm(
            data,
            initial={"starts_at": now, "duration_minutes": client.usual_duration_minutes},
            auto_id="id_log_%s",
        ),
        "wai_form": WaiSrForm(data, prefix="wai"),
        "review_form": TaskReviewForm(data, tasks=selectors.pending_tasks(goals)),
        "new_task_form": NewTaskForm(data, goals=active_goals),
    }


def page_context(request: HttpRequest, client: Client, **overrides: Any) -> dict[str, Any]:
    """Return everything the client page shows; `overrides` carries bound forms and flags."""
    goals = overrides.pop("goals", None) or selectors.client_with_goals(client=client)
    context: dict[str, Any] = {
        "client": client,
        "goals": prepare_goals(goals, bound=overrides.pop("bound", None)),
        "can_edit": client.therapist_id == request.user.pk,
        "overdue_tasks": selectors.overdue_count(goals),
    }
    # The forms to add a goal or a task, and the session form, come when asked for.
    context.update(overrides)
    return context


def render_fragments(
    request: HttpRequest, context: dict[str, Any], main: str, *oob: str, status: int = 200
) -> HttpResponse:
    """Render one partial as the swap target, and others out-of-band, in one response."""
    html = [render_to_string(f"{PAGE}#{main}", context, request)]
    html += [render_to_string(f"{PAGE}#{name}", {**context, "oob": True}, request) for name in oob]
    return HttpResponse("".join(html), status=status)


def with_timeline_and_chart(context: dict[str, Any], client: Client) -> dict[str, Any]:
    """Add the first timeline page and the chart, for fragments that refresh them."""
    context["page"] = timeline_page(client)
    context["chart_svg"] = client_alliance_chart(client=client)
    return context
