"""The caseload, the client page, and the inline client, goal and task forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from alliance.access import client_for_user, goal_for_user, require_therapist, task_for_user
from alliance.links import pk_link
from alliance.text import normalise
from alliance.versioning import StaleEdit, save_or_conflict, with_current_version
from audit.models import AuditAction
from audit.services import audit_read, audit_record
from clients import page, selectors, services
from clients.forms import ClientForm, GoalForm, TaskForm, TaskStatusForm
from clients.models import ClientStatus
from sessions.alliance_chart import caseload_sparkline


@require_GET
@login_required
@vary_on_headers("HX-Request")
def caseload(request: HttpRequest) -> HttpResponse:
    """List the clients the user sees, filtered by status and searched by name or code."""
    status = request.GET.get("status", ClientStatus.ACTIVE)
    if status not in ClientStatus.values and status != "all":
        status = ClientStatus.ACTIVE
    search = normalise(request.GET.get("q", ""))[:100]  # a NUL byte never reaches the SQL
    clients = list(
        selectors.caseload(
            user=request.user, status=None if status == "all" else status, search=search
        )
    )
    trends = selectors.recent_alliance(client_ids=[c.pk for c in clients])
    detail = pk_link("clients:detail")
    for client in clients:
        client.url = detail(client.pk)
        points = trends.get(client.pk, [])
        client.latest_rating = points[-1] if points else None
        client.sparkline = caseload_sparkline([p.mean_rating for p in points])
    template = "clients/caseload.html"
    if request.htmx:
        template += "#caseload-table"
    return render(
        request,
        template,
        {
            "clients": clients,
            "status": status,
            "search": search,
            "statuses": ClientStatus.choices,
        },
    )


@require_GET
@login_required
@vary_on_headers("HX-Request")
def client_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a client's file: header, goals and tasks, the alliance chart and the timeline."""
    client = client_for_user(request, pk)
    audit_record(actor=request.user, action=AuditAction.VIEW, obj=client, client_id=client.pk)
    if request.htmx and request.htmx.target == "timeline":
        context = {
            "client": client,
            "page": page.timeline_page(client, request.GET.get("page")),
            "can_edit": client.therapist_id == request.user.pk,
        }
        return render(request, f"{page.PAGE}#timeline", context)
    context = page.with_timeline_and_chart(
        page.page_context(request, client), client, request.GET.get("page")
    )
    return render(request, page.PAGE, context)


@require_http_methods(["GET", "POST"])
@login_required
def client_create(request: HttpRequest) -> HttpResponse:
    """Open a new client file in the therapist's own caseload."""
    require_therapist(request)
    form = ClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = services.client_create(
            therapist=request.user, actor=request.user, data=form.cleaned_data
        )
        messages.success(request, _("Client file opened."))
        return redirect("clients:detail", pk=client.pk)
    return render(request, "clients/client_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def client_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a client's file; a stale form shows the conflict instead of overwriting."""
    client = client_for_user(request, pk, write=True)
    audit_read(request, client, client_id=client.pk, page="client_edit")
    form, conflict, saved = save_or_conflict(
        request,
        ClientForm(request.POST or None, instance=client),
        lambda version, data: services.client_update(
            client=client, actor=request.user, expected_version=version, data=data
        ),
        lambda data, current: ClientForm(data, instance=current),
    )
    if saved:
        messages.success(request, _("Client file saved."))
        return redirect("clients:detail", pk=client.pk)
    return render(
        request,
        "clients/client_form.html",
        {"form": form, "client": client, "conflict": conflict},
        status=409 if conflict else 200,
    )


def _panel(request: HttpRequest, client: Any, status: int = 200, **overrides: Any) -> HttpResponse:
    """Answer an inline goal or task change: the goals panel for htmx, the page otherwise."""
    if not request.htmx:
        return redirect("clients:detail", pk=client.pk)
    context = page.page_context(request, client, **overrides)
    return page.render_fragments(request, context, "goals-panel", status=status)


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def goal_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a goal, in the client's words, to the client's file."""
    client = client_for_user(request, pk, write=True)
    form = page.new_goal_form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.goal_create(client=client, actor=request.user, data=form.cleaned_data)
        if request.htmx:
            return _panel(request, client, message=_("Goal added."))
        messages.success(request, _("Goal added."))
        return redirect("clients:detail", pk=client.pk)
    if request.htmx and request.method == "POST":
        return _panel(request, client, goal_form=form)
    if request.htmx:
        return render(
            request,
            f"{page.PAGE}#goal-adder",
            {"client": client, "goal_form": form, "can_edit": True},
        )
    return render(request, "clients/goal_form.html", {"form": form, "client": client})


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a goal's wording, agreement, priority, difficulty or status (inline with htmx)."""
    goal = goal_for_user(request, pk, write=True)
    client = goal.client
    audit_read(request, goal, client_id=client.pk, page="goal_edit")
    auto_id = f"id_goal{goal.pk}_%s"
    form, conflict, saved = save_or_conflict(
        request,
        GoalForm(request.POST or None, instance=goal, auto_id=auto_id),
        lambda version, data: services.goal_update(
            goal=goal, actor=request.user, expected_version=version, data=data
        ),
        lambda data, current: GoalForm(data, instance=current, auto_id=auto_id),
    )
    if saved:
        if request.htmx:
            return _panel(request, client, message=_("Goal saved."))
        messages.success(request, _("Goal saved."))
        return redirect("clients:detail", pk=client.pk)
    status = 409 if conflict else 200
    if request.htmx:
        return _panel(
            request, client, status=status, editing_goal=goal.pk, edit_form=form, conflict=conflict
        )
    return render(
        request,
        "clients/goal_form.html",
        {"form": form, "client": client, "goal": goal, "conflict": conflict},
        status=status,
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def goal_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a goal up or down in the client's order."""
    goal = goal_for_user(request, pk, write=True)
    services.goal_move(goal=goal, actor=request.user, direction=request.POST.get("direction", ""))
    return _panel(request, goal.client)


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a task under one of the client's goals."""
    goal = goal_for_user(request, pk, write=True)
    form = page.new_task_form(goal, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.task_create(goal=goal, actor=request.user, data=form.cleaned_data)
        if request.htmx:
            return _panel(request, goal.client, message=_("Task added."))
        messages.success(request, _("Task added."))
        return redirect("clients:detail", pk=goal.client_id)
    if request.htmx and request.method == "POST":
        return _panel(request, goal.client, bound={f"task-{goal.pk}": form})
    if request.htmx:
        goal.add_task_form = form  # type: ignore[attr-defined]
        return render(
            request,
            f"{page.PAGE}#task-adder",
            {"client": goal.client, "goal": goal, "can_edit": True},
        )
    return render(
        request, "clients/task_form.html", {"form": form, "client": goal.client, "goal": goal}
    )


@require_http_methods(["GET", "POST"])
@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a task's wording, due date or status (full page)."""
    task = task_for_user(request, pk, write=True)
    audit_read(request, task, client_id=task.goal.client_id, page="task_edit")
    form, conflict, saved = save_or_conflict(
        request,
        TaskForm(request.POST or None, instance=task),
        lambda version, data: services.task_update(
            task=task, actor=request.user, expected_version=version, data=data
        ),
        lambda data, current: TaskForm(data, instance=current),
    )
    if saved:
        messages.success(request, _("Task saved."))
        return redirect("clients:detail", pk=task.goal.client_id)
    return render(
        request,
        "clients/task_form.html",
        {
            "form": form,
            "client": task.goal.client,
            "goal": task.goal,
            "task": task,
            "conflict": conflict,
        },
        status=409 if conflict else 200,
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def task_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Record how a task went, inline on the client page."""
    task = task_for_user(request, pk, write=True)
    client = task.goal.client
    form = TaskStatusForm(request.POST, instance=task, auto_id=f"id_t{task.pk}_%s")
    if form.is_valid():
        try:
            services.task_update(
                task=task,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                data=form.cleaned_data,
            )
        except StaleEdit:
            fresh = type(task).objects.get(pk=task.pk)
            form = TaskStatusForm(
                with_current_version(request.POST, fresh.version),
                instance=fresh,
                auto_id=f"id_t{task.pk}_%s",
            )
            form.is_valid()
            form.add_error(
                None,
                _("This task was changed elsewhere; its current state is shown. Choose again."),
            )
            if not request.htmx:
                return render(
                    request,
                    "clients/task_form.html",
                    {"form": form, "client": client, "goal": task.goal, "task": task},
                    status=409,
                )
            return _panel(
                request,
                client,
                status=409,
                bound={f"status-{task.pk}": form},
                error=form.non_field_errors()[0],
            )
        return _panel(request, client, message=_("Task saved."))
    if not request.htmx:
        return render(
            request,
            "clients/task_form.html",
            {"form": form, "client": client, "goal": task.goal, "task": task},
        )
    return _panel(request, client, bound={f"status-{task.pk}": form})


@require_http_methods(["GET", "POST"])
@login_required
def client_erase(request: HttpRequest, pk: int) -> HttpResponse:
    """Erase a client on request, after the administrator types the client's code."""
    from django.core.exceptions import PermissionDenied, ValidationError

    if not getattr(request.user, "is_admin", False):
        raise PermissionDenied
    client = client_for_user(request, pk)
    audit_read(request, client, client_id=client.pk, page="client_erase")
    error = ""
    if request.method == "POST":
        try:
            services.client_erase(
                client=client, actor=request.user, confirmation=request.POST.get("confirmation", "")
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _(
                    "The client was erased. The audit trail keeps only "
                    "that records existed, without their content."
                ),
            )
            return redirect("clients:caseload")
    return render(
        request, "clients/client_erase.html", {"client": client, "error": error}, status=200
    )
