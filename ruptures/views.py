"""The rupture workflow: acknowledge, dismiss, mark repaired, plan the repair; precision."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from alliance.access import client_for_user, flag_for_user, require_admin, session_for_user
from alliance.versioning import StaleEdit
from audit.services import audit_read
from clients import page
from ruptures import guidance, presentation, selectors, services
from ruptures.forms import AddMarkerForm, DismissForm, FlagStepForm, RepairedForm, RepairPlanForm
from ruptures.models import RepairPlan, RuptureFlag


def _panel(
    request: HttpRequest, flag: RuptureFlag, *, error: str = "", status: int = 200
) -> HttpResponse:
    """Answer a workflow step: the ruptures panel for htmx, the client page otherwise."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect("clients:detail", pk=flag.client_id)
    context = page.ruptures_context(request, flag.client)
    context["flags_error"] = error
    return page.render_fragments(request, context, "ruptures-panel", status=status)


def _step(request: HttpRequest, flag: RuptureFlag, form: Any, action: Any) -> HttpResponse:
    if not form.is_valid():
        errors = "; ".join(str(e) for field in form.errors.values() for e in field)
        return _panel(request, flag, error=errors)
    try:
        action(form.cleaned_data)
    except StaleEdit:
        return _panel(
            request,
            flag,
            status=409,
            error=_("This flag was changed elsewhere; its current state is shown."),
        )
    except ValidationError as exc:
        return _panel(request, flag, error=" ".join(exc.messages))
    return _panel(request, flag)


@require_POST
@login_required
@vary_on_headers("HX-Request")
def flag_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    """Acknowledge a flag: the practitioner has seen it and will look into it."""
    flag = flag_for_user(request, pk, write=True)
    return _step(
        request,
        flag,
        FlagStepForm(request.POST),
        lambda d: services.flag_acknowledge(
            flag=flag, actor=request.user, expected_version=d["version"]
        ),
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def flag_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    """Dismiss a flag as not a rupture, with a reason."""
    flag = flag_for_user(request, pk, write=True)
    return _step(
        request,
        flag,
        DismissForm(request.POST),
        lambda d: services.flag_dismiss(
            flag=flag, actor=request.user, expected_version=d["version"], reason=d["reason"]
        ),
    )


@require_POST
@login_required
@vary_on_headers("HX-Request")
def flag_repaired(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a flag repaired, linked to the session where the repair happened."""
    flag = flag_for_user(request, pk, write=True)
    return _step(
        request,
        flag,
        RepairedForm(request.POST, flag=flag),
        lambda d: services.flag_mark_repaired(
            flag=flag, actor=request.user, expected_version=d["version"], session=d["session"]
        ),
    )


@require_GET
@login_required
@vary_on_headers("HX-Request")
def client_flags(request: HttpRequest, pk: int) -> HttpResponse:
    """Return the client's ruptures panel (polled while a background scan is running)."""
    client = client_for_user(request, pk)
    if not request.htmx:
        return redirect("clients:detail", pk=client.pk)
    audit_read(request, client, client_id=client.pk, page="flags")
    return page.render_fragments(request, page.ruptures_context(request, client), "ruptures-panel")


@require_http_methods(["GET", "POST"])
@login_required
def add_marker(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a marker the reader missed in a session's note, with the words that show it."""
    session = session_for_user(request, pk, write=True)
    form = AddMarkerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.flag_add_missed(
                session=session,
                actor=request.user,
                marker=form.cleaned_data["marker"],
                evidence_words=form.cleaned_data["evidence_words"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Marker added. It will also teach the rupture detector."))
            return redirect("clients:detail", pk=session.client_id)
    audit_read(request, session, client_id=session.client_id, page="add_marker")
    return render(
        request,
        "ruptures/add_marker.html",
        {"session": session, "client": session.client, "form": form},
    )


@require_http_methods(["GET", "POST"])
@login_required
def repair_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """Plan the repair of one rupture: guidance, my share, the empathy sentence."""
    flag = flag_for_user(request, pk, write=True)
    audit_read(request, flag, client_id=flag.client_id, page="repair_plan")
    plan: RepairPlan | None = (
        getattr(flag, "repair_plan", None) if hasattr(flag, "repair_plan") else None
    )
    language = presentation.ui_language()
    initial = {"cause": guidance.DEFAULT_CAUSE.get(flag.marker, "bond")}
    form = RepairPlanForm(request.POST or None, instance=plan, initial=initial, language=language)
    if request.method == "POST" and form.is_valid():
        try:
            services.repair_plan_save(
                flag=flag,
                actor=request.user,
                data=form.cleaned_data,
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEdit:
            form.add_error(
                None,
                _(
                    "Someone saved this plan after you opened it; their version "
                    "is now shown. Your text is below: merge and save again."
                ),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Repair plan saved."))
            return redirect("clients:detail", pk=flag.client_id)
    cause = (form.data.get("cause") if form.is_bound else None) or (
        plan.cause if plan else initial["cause"]
    )
    return render(
        request,
        "ruptures/repair_plan.html",
        {
            "flag": flag,
            "client": flag.client,
            "form": form,
            "guidance": guidance.guidance(
                flag.marker, flag.category if flag.marker else "withdrawal", cause, language
            ),
            "explanation": presentation.explanation(flag),
            "evidence": presentation.evidence_text(flag, flag.session.notes),
        },
    )


@require_GET
@login_required
def precision(request: HttpRequest) -> HttpResponse:
    """Show administrators how often practitioners keep or dismiss each kind of flag."""
    require_admin(request)
    return render(
        request, "ruptures/precision.html", {"rows": selectors.precision_by_kind(user=request.user)}
    )
