"""Log (inline), edit and delete sessions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from alliance.access import client_for_user, session_for_user
from alliance.versioning import StaleEdit, with_current_version
from audit.services import audit_read
from clients import page, selectors
from sessions import services
from sessions.forms import SessionForm, WaiSrForm
from sessions.models import Session

REFRESHED = ("timeline", "alliance-chart", "goals-panel", "ruptures-panel")


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Log a session: ratings, notes, the client's WAI-SR, the task review, a new task."""
    client = client_for_user(request, pk, write=True)
    audit_read(request, client, client_id=client.pk, page="session_logger")
    goals = selectors.client_with_goals(client=client)
    forms = page.session_forms(client, goals, request.POST if request.method == "POST" else None)
    if request.method == "POST" and all(f.is_valid() for f in forms.values()):
        reviews = forms["review_form"].reviews()
        new_task = forms["new_task_form"].new_task()
        saved = _("Session saved.")
        try:
            services.session_create(
                client=client,
                actor=request.user,
                data=forms["session_form"].cleaned_data,
                wai=forms["wai_form"].responses(),
                reviews=reviews,
                new_task=new_task,
                submission=forms["session_form"].cleaned_data.get("submission"),
            )
        except services.DuplicateSubmission:
            # The same form sent twice (a double click, a resent page): the first send saved.
            saved, reviews, new_task = (
                _("Session saved (the form was sent twice; saved once)."),
                [],
                None,
            )
        except StaleEdit:
            saved = ""
            forms["review_form"].add_error(
                None,
                _(
                    "A task under review was changed elsewhere since you opened this page. "
                    "Nothing was saved; check the tasks and save again."
                ),
            )
        if saved:
            if not request.htmx:
                messages.success(request, saved)
                return redirect("clients:detail", pk=client.pk)
            # A fresh form, ready for the next entry, with the refreshed page around it. The
            # goals and tasks are read again only if this save changed them.
            if reviews or new_task:
                goals = selectors.client_with_goals(client=client)
            context = page.page_context(
                request,
                client,
                comments=False,
                goals=goals,
                logger_message=saved,
                **page.session_forms(client, goals),
            )
            context.update(page.logger_extras(client, context["flags"]))
            response = page.render_fragments(
                request,
                page.with_timeline_and_chart(context, client),
                "session-logger",
                *REFRESHED,
            )
            return trigger_client_event(response, "alliance:session-saved")
    if request.htmx:
        # The logger opens (GET) or comes back with its errors (POST), nothing else.
        context = {"client": client, "can_edit": True, **forms, **page.logger_extras(client)}
        return page.render_fragments(request, context, "session-logger")
    return render(request, "sessions/session_form.html", {**forms, "client": client})


@require_http_methods(["GET", "POST"])
@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a logged session; a save from a stale form shows the conflict and keeps both."""
    session = session_for_user(request, pk, write=True)
    audit_read(request, session, client_id=session.client_id, page="session_edit")
    form = SessionForm(request.POST or None, instance=session)
    wai_form = (
        WaiSrForm(request.POST, prefix="wai")
        if request.method == "POST"
        else WaiSrForm.for_session(session)
    )
    conflict: Session | None = None
    if request.method == "POST" and form.is_valid() and wai_form.is_valid():
        try:
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
            "session_form": form,
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
    """Ask for confirmation before deleting a session (the page without JavaScript)."""
    session = session_for_user(request, pk, write=True)
    audit_read(request, session, client_id=session.client_id, page="session_delete")
    return render(
        request,
        "sessions/session_confirm_delete.html",
        {"session": session, "client": session.client},
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a session once confirmed; htmx gets the refreshed timeline and chart."""
    session = session_for_user(request, pk, write=True)
    client = session.client
    services.session_delete(session=session, actor=request.user)
    if not request.htmx:
        messages.success(request, _("Session deleted."))
        return redirect("clients:detail", pk=client.pk)
    context = page.with_timeline_and_chart(
        page.page_context(request, client, comments=False), client
    )
    context["timeline_message"] = _("Session deleted.")
    return page.render_fragments(request, context, "timeline", *REFRESHED[1:])
