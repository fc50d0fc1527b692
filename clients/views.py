"""Caseload, client page, and the client, goal and task forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from alliance.access import client_for_user, goal_for_user, require_therapist, task_for_user
from alliance.versioning import StaleEdit, with_current_version
from audit.models import AuditAction
from audit.services import audit_record
from clients import selectors, services
from clients.forms import ClientForm, GoalForm, TaskForm
from clients.models import ClientStatus
from sessions.selectors import session_timeline

TIMELINE_PAGE_SIZE = 20


@require_GET
@login_required
def caseload(request: HttpRequest) -> HttpResponse:
    """List the clients the user sees, filtered by status and searched by name or code."""
    status = request.GET.get("status", ClientStatus.ACTIVE)
    if status not in ClientStatus.values and status != "all":
        status = ClientStatus.ACTIVE
    search = request.GET.get("q", "").strip()[:100]
    clients = selectors.caseload(
        user=request.user, status=None if status == "all" else status, search=search
    )
    return render(
        request,
        "clients/caseload.html",
        {
            "clients": clients,
            "status": status,
            "search": search,
            "statuses": ClientStatus.choices,
        },
    )


@require_GET
@login_required
def client_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a client's file: header, goals and tasks, and the session timeline."""
    client = client_for_user(request, pk)
    audit_record(actor=request.user, action=AuditAction.VIEW, obj=client, client_id=client.pk)
    page = Paginator(session_timeline(client=client), TIMELINE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "clients/client_detail.html",
        {
            "client": client,
            "goals": selectors.client_with_goals(client=client),
            "page": page,
            "can_edit": client.therapist_id == request.user.pk,
        },
    )


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


def _edit(
    request: HttpRequest,
    *,
    instance: Any,
    form_class: Any,
    update: Any,
    template: str,
    context: dict[str, Any],
    success: str,
    redirect_to: str,
    redirect_pk: int,
) -> HttpResponse:
    """Run the edit-a-versioned-record flow shared by clients, goals and tasks."""
    form = form_class(request.POST or None, instance=instance)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            update(expected_version=form.cleaned_data["version"], data=form.cleaned_data)
        except StaleEdit as stale:
            conflict = stale.current
            form = form_class(
                with_current_version(request.POST, conflict.version),
                instance=type(conflict)._default_manager.get(pk=conflict.pk),
            )
            form.is_valid()
        else:
            messages.success(request, success)
            return redirect(redirect_to, pk=redirect_pk)
    return render(
        request,
        template,
        {**context, "form": form, "conflict": conflict},
        status=409 if conflict else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def client_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a client's file."""
    client = client_for_user(request, pk, write=True)
    return _edit(
        request,
        instance=client,
        form_class=ClientForm,
        update=lambda **kw: services.client_update(client=client, actor=request.user, **kw),
        template="clients/client_form.html",
        context={"client": client},
        success=_("Client file saved."),
        redirect_to="clients:detail",
        redirect_pk=client.pk,
    )


@require_http_methods(["GET", "POST"])
@login_required
def goal_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a goal, in the client's words, to the client's file."""
    client = client_for_user(request, pk, write=True)
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.goal_create(client=client, actor=request.user, data=form.cleaned_data)
        messages.success(request, _("Goal added."))
        return redirect("clients:detail", pk=client.pk)
    return render(request, "clients/goal_form.html", {"form": form, "client": client})


@require_http_methods(["GET", "POST"])
@login_required
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a goal's wording, agreement, priority, difficulty or status."""
    goal = goal_for_user(request, pk, write=True)
    return _edit(
        request,
        instance=goal,
        form_class=GoalForm,
        update=lambda **kw: services.goal_update(goal=goal, actor=request.user, **kw),
        template="clients/goal_form.html",
        context={"client": goal.client, "goal": goal},
        success=_("Goal saved."),
        redirect_to="clients:detail",
        redirect_pk=goal.client_id,
    )


@require_http_methods(["GET", "POST"])
@login_required
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a task under one of the client's goals."""
    goal = goal_for_user(request, pk, write=True)
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.task_create(goal=goal, actor=request.user, data=form.cleaned_data)
        messages.success(request, _("Task added."))
        return redirect("clients:detail", pk=goal.client_id)
    return render(
        request, "clients/task_form.html", {"form": form, "client": goal.client, "goal": goal}
    )


@require_http_methods(["GET", "POST"])
@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a task or record how it went."""
    task = task_for_user(request, pk, write=True)
    return _edit(
        request,
        instance=task,
        form_class=TaskForm,
        update=lambda **kw: services.task_update(task=task, actor=request.user, **kw),
        template="clients/task_form.html",
        context={"client": task.goal.client, "goal": task.goal, "task": task},
        success=_("Task saved."),
        redirect_to="clients:detail",
        redirect_pk=task.goal.client_id,
    )
