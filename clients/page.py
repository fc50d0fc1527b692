"""Assemble the client page and its htmx fragments (partials of clients/client_detail.html)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, timezone

from accounts.models import Role
from alliance.links import pk_link
from clients import selectors
from clients.forms import GoalForm, TaskForm, TaskStatusForm
from clients.models import Client, Goal, GoalStatus, TaskStatus
from ruptures.forms import RepairedForm
from ruptures.guidance import compose_empathy
from ruptures.models import FlagStatus
from ruptures.presentation import evidence_text, explanation, highlight, ui_language
from ruptures.selectors import (
    ClientFlags,
    client_flags,
    note_flags_by_session,
    repair_sentences,
)
from sessions.alliance_chart import client_alliance_chart
from sessions.forms import NewTaskForm, SessionForm, TaskReviewForm, WaiSrForm
from sessions.models import MET
from sessions.selectors import SessionRow, session_rows, session_timeline
from supervision.selectors import client_comments

PAGE = "clients/client_detail.html"
TIMELINE_PAGE_SIZE = 10


def timeline_page(
    client: Client,
    number: Any = 1,
    *,
    sessions: list[SessionRow] | None = None,
    flags: ClientFlags | None = None,
) -> Page:
    """Return one page of the timeline: each session with its WAI-SR score and its note,
    the rupture evidence highlighted.

    `sessions` (session_rows) and `flags` (client_flags), when the caller has read them,
    spare the count and the flags queries.
    """
    paginator = Paginator(session_timeline(client=client), TIMELINE_PAGE_SIZE)
    if sessions is not None:
        paginator.count = len(sessions)  # type: ignore[misc]
    page = paginator.get_page(number)
    flags = note_flags_by_session(session_ids=[s.pk for s in page], flags=flags)
    edit, confirm, delete = (
        pk_link(name) for name in ("sessions:edit", "sessions:delete_confirm", "sessions:delete")
    )
    for session in page:
        session.edit_url = edit(session.pk)
        session.delete_confirm_url = confirm(session.pk)
        session.delete_url = delete(session.pk)
        wai = getattr(session, "wai", None) if hasattr(session, "wai") else None
        session.wai_score = wai.score if wai is not None else None
        session.notes_html = highlight(session.notes, flags.get(session.pk, []))
    return page


SCAN_WAIT = dt.timedelta(minutes=2)


def ruptures_context(
    request: HttpRequest,
    client: Client,
    *,
    sessions: list[SessionRow] | None = None,
    flags: ClientFlags | None = None,
) -> dict[str, Any]:
    """Return the ruptures panel's flags, each with its explanation, evidence and forms.

    Two queries (the flags, the session figures) unless the caller passes them.
    """
    flags = client_flags(client=client) if flags is None else flags
    sessions = session_rows(client=client) if sessions is None else sessions
    active, closed = flags.active, flags.closed
    for flag in active + closed:
        flag.explanation = explanation(flag)
        flag.evidence_passages = evidence_text(flag, flag.session.notes)
    can_edit = client.therapist_id == request.user.pk
    if can_edit and active:
        # Every flag's "repaired in" choices come from the same session figures.
        met = [(s.pk, s.starts_at) for s in reversed(sessions) if s.attendance in MET]
        for flag in active:
            form = RepairedForm(
                flag=flag, initial={"version": flag.version}, auto_id=f"id_f{flag.pk}_%s"
            )
            form.fields["session"].choices = [  # type: ignore[attr-defined]
                (pk, formats.date_format(timezone.localtime(when), "SHORT_DATETIME_FORMAT"))
                for pk, when in met
                if when >= flag.session.starts_at
            ]
            flag.repaired_form = form
    # A scan runs in the background after a save; the panel looks again until it is done.
    recent = timezone.now() - SCAN_WAIT
    pending = any(s.scanned_at is None and s.updated_at >= recent for s in sessions)
    return {
        "client": client,
        "can_edit": can_edit,
        "active_flags": active,
        "closed_flags": closed,
        "scan_pending": pending,
    }


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


def comments_context(request: HttpRequest, client: Client) -> dict[str, Any]:
    """Return the client's supervision threads and who may write in them."""
    role = getattr(request.user, "role", "")
    is_owner = client.therapist_id == request.user.pk
    return {
        "client": client,
        "comments": client_comments(client=client),
        "can_comment": role == Role.SUPERVISOR,
        "can_reply": is_owner or role == Role.SUPERVISOR,
    }


def logger_extras(client: Client, flags: ClientFlags | None = None) -> dict[str, Any]:
    """Return what the session form shows beside its fields: the repairs planned.

    From `flags` (client_flags) when the caller has them; otherwise one query.
    """
    planned = (
        repair_sentences(client=client)
        if flags is None or not flags.complete
        else [
            f
            for f in reversed(flags.active)
            if f.status == FlagStatus.REPAIR_PLANNED and f.repair_plan is not None
        ]
    )
    return {
        "repair_sentences": [
            compose_empathy(
                emotion=f.repair_plan.empathy_emotion,
                reflection=f.repair_plan.empathy_reflection,
                confirmation=f.repair_plan.empathy_confirmation,
                language=ui_language(),
            )
            for f in planned
        ],
    }


def page_context(
    request: HttpRequest, client: Client, *, comments: bool = True, **overrides: Any
) -> dict[str, Any]:
    """Return everything the client page shows; `overrides` carries bound forms and flags.

    The session figures and the flags are read once here ("session_rows", "flags") and
    serve the chart, the timeline and the session logger too. `comments=False` leaves out
    the supervision panel, for fragments that do not refresh it.
    """
    goals = overrides.pop("goals", None)
    if goals is None:  # a client without goals passes [] and needs no second look
        goals = selectors.client_with_goals(client=client)
    sessions = session_rows(client=client)
    flags = client_flags(client=client)
    context: dict[str, Any] = {
        **ruptures_context(request, client, sessions=sessions, flags=flags),
        **(comments_context(request, client) if comments else {}),
        "session_rows": sessions,
        "flags": flags,
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


def with_timeline_and_chart(
    context: dict[str, Any], client: Client, number: Any = 1
) -> dict[str, Any]:
    """Add a timeline page and the chart to a page_context."""
    sessions = context["session_rows"]
    context["page"] = timeline_page(client, number, sessions=sessions, flags=context["flags"])
    context["chart_svg"] = client_alliance_chart(client=client, sessions=sessions)
    return context
