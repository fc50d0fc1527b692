"""Log, edit and delete sessions (full pages; the workspace issue makes them inline)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance.access import client_for_user, session_for_user
from alliance.versioning import StaleEdit, with_current_version
from sessions import services
from sessions.forms import SessionForm, WaiSrForm
from sessions.models import Session


@require_http_methods(["GET", "POST"])
@login_required
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Log a session for a client, with the client's WAI-SR if they filled it in."""
    client = client_for_user(request, pk, write=True)
    now = timezone.localtime().replace(second=0, microsecond=0)
    form = SessionForm(
        request.POST or None,
        initial={"starts_at": now, "duration_minutes": client.usual_duration_minutes},
    )
    wai_form = WaiSrForm(request.POST or None, prefix="wai")
    if request.method == "POST" and form.is_valid() and wai_form.is_valid():
        services.session_create(
            client=client,
            actor=request.user,
            data=form.cleaned_data,
            wai=wai_form.responses(),
        )
        messages.success(request, _("Session saved."))
        return redirect("clients:detail", pk=client.pk)
    return render(
        request,
        "sessions/session_form.html",
        {"form": form, "wai_form": wai_form, "client": client},
    )


@require_http_methods(["GET", "POST"])
@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a logged session; a save from a stale form shows the conflict and keeps both."""
    session = session_for_user(request, pk, write=True)
    form = SessionForm(request.POST or None, instance=session)
    wai_form = (
        WaiSrForm(request.POST, prefix="wai")
        if request.method == "POST"
        else WaiSrForm.for_session(session)
    )
    conflict: Session | None = None
    if request.method == "POST" and form.is_valid() and wai_form.is_valid():
        try:
            with transaction.atomic():
                services.session_update(
                    session=session,
                    actor=request.user,
                    expected_version=form.cleaned_data["version"],
                    data=form.cleaned_data,
                    wai=wai_form.responses(),
                )
        except StaleEdit as stale:
            conflict = Session.objects.select_related("wai").get(pk=stale.current.pk)
            form = SessionForm(
                with_current_version(request.POST, conflict.version), instance=conflict
            )
            form.is_valid()
        else:
            messages.success(request, _("Session saved."))
            return redirect("clients:detail", pk=session.client_id)
    return render(
        request,
        "sessions/session_form.html",
        {
            "form": form,
            "wai_form": wai_form,
            "client": session.client,
            "session": session,
            "conflict": conflict,
        },
        status=409 if conflict else 200,
    )


@require_http_methods(["GET"])
@login_required
def session_delete_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation before deleting a session."""
    session = session_for_user(request, pk, write=True)
    return render(
        request,
        "sessions/session_confirm_delete.html",
        {"session": session, "client": session.client},
    )


@require_POST
@login_required
def session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a session after confirmation."""
    session = session_for_user(request, pk, write=True)
    client_pk = session.client_id
    services.session_delete(session=session, actor=request.user)
    messages.success(request, _("Session deleted."))
    return redirect("clients:detail", pk=client_pk)
