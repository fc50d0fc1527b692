"""Background export tasks (ids only, never clinical text)."""

from __future__ import annotations

from celery import shared_task

from exports.services import export_delete_expired, export_run


@shared_task(name="exports.run_export")
def run_export(job_id: int) -> None:
    """Produce one export's file; acknowledged late, so a lost worker's job is run again."""
    export_run(job_id=job_id)


@shared_task(name="exports.delete_expired")
def delete_expired() -> int:
    """Delete export files past their retention."""
    return export_delete_expired()
