"""Exports: asked for, produced in the background, served to their requester, then deleted."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import secrets
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role
from audit.models import AuditAction
from audit.services import audit_record
from exports import rows as export_rows
from exports.models import ACTIVE, Content, ExportJob, Format, Status
from exports.writers import write_csv, write_xlsx

if TYPE_CHECKING:
    from accounts.models import User

log = logging.getLogger(__name__)
MAX_PERIOD_DAYS = 3660


class Cancelled(Exception):
    """Raised inside a running export when its requester cancelled it."""


def _fingerprint(user: User, data: dict[str, Any]) -> str:
    key = json.dumps({"user": user.pk, **data}, sort_keys=True, default=str)
    return hashlib.sha256(key.encode()).hexdigest()


def _check(user: User, data: dict[str, Any]) -> None:
    from supervision.selectors import therapists_in_scope

    if user.role not in (Role.ADMIN, Role.SUPERVISOR):
        raise PermissionDenied
    start, end = data.get("period_start"), data.get("period_end")
    if start and end and start > end:
        raise ValidationError({"period_end": _("The end of the period is before its start.")})
    if start and end and (end - start).days > MAX_PERIOD_DAYS:
        raise ValidationError({"period_start": _("Choose a period of ten years at most.")})
    allowed = set(therapists_in_scope(user).values_list("pk", flat=True))
    outside = set(data.get("therapist_ids") or []) - allowed
    if outside:
        raise ValidationError(
            {"therapist_ids": _("You may only export the caseloads you supervise.")}
        )
    if data["content"] == Content.AUDIT and user.role != Role.ADMIN:
        raise ValidationError({"content": _("Only administrators export the audit trail.")})
    if data.get("include_notes") and (user.role != Role.ADMIN or data.get("deidentify")):
        raise ValidationError(
            {
                "include_notes": _(
                    "Notes are exported only by an administrator, and never in a de-identified "
                    "export."
                )
            }
        )


@transaction.atomic
def export_request(*, user: User, data: dict[str, Any]) -> tuple[ExportJob, bool]:
    """Queue an export; return it and whether it is new (a second click finds the first)."""
    _check(user, data)
    fingerprint = _fingerprint(user, data)
    running = ExportJob.objects.filter(fingerprint=fingerprint, status__in=ACTIVE).first()
    if running is not None:
        return running, False
    job = ExportJob.objects.create(requested_by=user, fingerprint=fingerprint, **data)
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job, True


def _enqueue(job_id: int) -> None:
    from exports.tasks import run_export

    run_export.delay(job_id)


@transaction.atomic
def export_cancel(*, job: ExportJob, user: User) -> ExportJob:
    """Stop a queued or running export; the worker notices between two chunks."""
    if job.requested_by_id != user.pk:
        raise PermissionDenied
    ExportJob.objects.filter(pk=job.pk, status__in=ACTIVE).update(
        status=Status.CANCELLED, finished_at=timezone.now()
    )
    # The partial file (names, codes, perhaps notes) goes now, not when a worker notices:
    # after a worker crash no worker ever will.
    transaction.on_commit(lambda: remove_partial_files(job.pk))
    job.refresh_from_db()
    return job


def remove_partial_files(job_id: int) -> None:
    for leftover in Path(settings.EXPORT_ROOT).glob(f"{job_id}-*.part"):
        leftover.unlink(missing_ok=True)


@transaction.atomic
def export_retry(*, job: ExportJob, user: User) -> ExportJob:
    """Run a failed or cancelled export again, with the same filters."""
    if job.requested_by_id != user.pk:
        raise PermissionDenied
    if job.status not in (Status.FAILED, Status.CANCELLED):
        raise ValidationError(_("Only a failed or cancelled export can be retried."))
    if ExportJob.objects.filter(fingerprint=job.fingerprint, status__in=ACTIVE).exists():
        raise ValidationError(_("The same export is already under way."))
    ExportJob.objects.filter(pk=job.pk).update(
        status=Status.QUEUED, progress=0, error="", started_at=None, finished_at=None
    )
    transaction.on_commit(lambda: _enqueue(job.pk))
    job.refresh_from_db()
    return job


def file_path(job: ExportJob) -> Path:
    return Path(settings.EXPORT_ROOT) / job.file_name


def _progress(job_id: int, total: int) -> Any:
    def report(count: int) -> None:
        if settings.EXPORT_TEST_DELAY_MS:
            time.sleep(settings.EXPORT_TEST_DELAY_MS / 1000)
        status = ExportJob.objects.filter(pk=job_id).values_list("status", flat=True).first()
        if status != Status.RUNNING:
            raise Cancelled
        percent = min(99, int(100 * count / total)) if total else 99
        ExportJob.objects.filter(pk=job_id).update(progress=percent)

    return report


def export_run(*, job_id: int) -> None:
    """Produce the file of one export (the Celery task's body); safe to run again."""
    job = ExportJob.objects.select_related("requested_by").filter(pk=job_id).first()
    if job is None or job.status not in ACTIVE:
        return  # done, cancelled or expired already: running it again changes nothing
    claimed = ExportJob.objects.filter(pk=job.pk, status__in=ACTIVE).update(
        status=Status.RUNNING, started_at=timezone.now(), progress=0, attempts=job.attempts + 1
    )
    if not claimed:
        return
    job.status = Status.RUNNING
    root = Path(settings.EXPORT_ROOT)
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    # A worker killed mid-run leaves its partial file (health data): remove it first.
    remove_partial_files(job.pk)
    extension = job.format
    name = f"{job.pk}-{secrets.token_hex(8)}.{extension}"
    partial = root / f"{name}.part"
    partial.touch(mode=0o600)  # health data: readable by the app's own user only
    language = job.requested_by.language or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            count = _write(job, partial)
        partial.chmod(0o600)  # a writer that replaced the file keeps it private too
        partial.rename(root / name)
    except Cancelled:
        partial.unlink(missing_ok=True)
        return
    except Exception as exc:
        partial.unlink(missing_ok=True)
        log.exception("export %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk, status=Status.RUNNING).update(
            status=Status.FAILED,
            finished_at=timezone.now(),
            error=f"{type(exc).__name__}: the export could not be produced."[:300],
        )
        return
    now = timezone.now()
    updated = ExportJob.objects.filter(pk=job.pk, status=Status.RUNNING).update(
        status=Status.DONE,
        progress=100,
        row_count=count,
        file_name=name,
        file_size=(root / name).stat().st_size,
        finished_at=now,
        expires_at=now + dt.timedelta(days=settings.EXPORT_RETENTION_DAYS),
    )
    if not updated:  # cancelled at the very end
        (root / name).unlink(missing_ok=True)
        return
    audit_record(
        actor=job.requested_by,
        action=AuditAction.EXPORT,
        object_type="exports.exportjob",
        object_id=str(job.pk),
        client_id=job.client_id,
        details={
            "content": job.content,
            "format": job.format,
            "rows": count,
            "from": str(job.period_start or ""),
            "to": str(job.period_end or ""),
            "therapists": job.therapist_ids,
            "deidentified": job.deidentify,
            "notes": job.include_notes,
        },
    )


def _write(job: ExportJob, path: Path) -> int:
    if job.content == Content.SUBJECT:
        from exports.subject import write_subject_archive

        return write_subject_archive(job, path)
    if job.format == Format.PDF:
        from exports.report import write_report

        return write_report(job, path, _progress(job.pk, 1))
    headers, rows, total = export_rows.ROWS[job.content](job)
    writer = write_csv if job.format == Format.CSV else write_xlsx
    return writer(path, headers, rows, _progress(job.pk, total))


PARTIAL_MAX_AGE = dt.timedelta(hours=6)  # no export runs this long; older is a crash's leftover


def export_delete_expired() -> int:
    """Delete the files of exports past their retention, and partial files left by a worker
    that died, older than PARTIAL_MAX_AGE; return how many exports expired."""
    cutoff = (timezone.now() - PARTIAL_MAX_AGE).timestamp()
    for leftover in Path(settings.EXPORT_ROOT).glob("*.part"):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink(missing_ok=True)
        except FileNotFoundError:
            continue
    expired = ExportJob.objects.filter(status=Status.DONE, expires_at__lte=timezone.now())
    count = 0
    for job in expired:
        file_path(job).unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job.pk).update(status=Status.EXPIRED, file_name="")
        count += 1
    return count
