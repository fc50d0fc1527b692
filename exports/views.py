"""The export page, its jobs, their files, and data-subject requests."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.models import Role
from alliance.access import client_for_user, require_admin
from audit.models import AuditAction
from audit.services import audit_record
from exports import services
from exports.forms import ExportForm
from exports.models import Content, ExportJob, Format, Status
from supervision.selectors import therapists_in_scope

JOBS_SHOWN = 20


def _require_exporter(request: HttpRequest) -> None:
    if getattr(request.user, "role", None) not in (Role.ADMIN, Role.SUPERVISOR):
        raise PermissionDenied


def _jobs_context(request: HttpRequest) -> dict[str, Any]:
    jobs = list(ExportJob.objects.filter(requested_by=request.user)[:JOBS_SHOWN])
    return {"jobs": jobs, "polling": any(j.is_active for j in jobs)}


@require_http_methods(["GET", "POST"])
@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Ask for an export and follow one's exports."""
    _require_exporter(request)
    therapists = list(therapists_in_scope(request.user))  # type: ignore[arg-type]
    form = ExportForm(request.POST or None, user=request.user, therapists=therapists)
    if request.method == "POST" and form.is_valid():
        try:
            job, created = services.export_request(
                user=request.user,  # type: ignore[arg-type]
                data=form.job_data(),
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            if created:
                messages.success(request, _("Export queued: it is being prepared."))
            else:
                messages.info(request, _("This export is already being prepared."))
            return redirect("exports:index")
    return render(request, "exports/index.html", {"form": form, **_jobs_context(request)})


@require_GET
@login_required
@vary_on_headers("HX-Request")
def jobs(request: HttpRequest) -> HttpResponse:
    """Return the list of one's exports (polled while one is being prepared)."""
    _require_exporter(request)
    if not request.htmx:
        return redirect("exports:index")
    return render(request, "exports/index.html#jobs", _jobs_context(request))


def _own_job(request: HttpRequest, pk: int) -> ExportJob:
    # Exports are served only to the person who asked for them: anyone else gets a 404.
    return get_object_or_404(ExportJob, pk=pk, requested_by=request.user)


@require_GET
@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    """Send an export's file to the person who asked for it."""
    job = _own_job(request, pk)
    path = services.file_path(job) if job.file_name else None
    if job.status != Status.DONE or path is None or not path.exists():
        messages.error(
            request,
            _(
                "This export is not available: it is not ready, or its file "
                "has expired. Ask for it again."
            ),
        )
        return redirect("exports:index")
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        object_type="exports.exportjob",
        object_id=str(job.pk),
        client_id=job.client_id,
        details={"downloaded": True, "format": job.format},
    )
    name = f"alliance-{job.content}-{job.created_at:%Y%m%d-%H%M}.{job.format}"
    return FileResponse(path.open("rb"), as_attachment=True, filename=name)


@require_POST
@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel one of one's exports."""
    services.export_cancel(job=_own_job(request, pk), user=request.user)  # type: ignore[arg-type]
    messages.info(request, _("Export cancelled."))
    return redirect("exports:index")


@require_POST
@login_required
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Run a failed or cancelled export again."""
    try:
        services.export_retry(job=_own_job(request, pk), user=request.user)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Export queued again."))
    return redirect("exports:index")


@require_POST
@login_required
def subject(request: HttpRequest, pk: int) -> HttpResponse:
    """Prepare everything about one client (portable JSON and a readable PDF), for admins."""
    require_admin(request)
    client = client_for_user(request, pk)
    job, created = services.export_request(
        user=request.user,
        data={  # type: ignore[arg-type]
            "content": Content.SUBJECT,
            "format": Format.ZIP,
            "client_id": client.pk,
            "period_start": None,
            "period_end": None,
            "therapist_ids": [],
            "deidentify": False,
            "include_notes": True,
        },
    )
    messages.success(
        request,
        _("The data-subject export is being prepared.")
        if created
        else _("This export is already being prepared."),
    )
    return redirect("exports:index")
