from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.dates import plausible_date, validate_plausible_date


class Content(models.TextChoices):
    SESSIONS = "sessions", _("Sessions with ratings and attendance")
    SUMMARY = "summary", _("Alliance summary per client")
    FLAGS = "flags", _("Rupture flags and their repairs")
    AUDIT = "audit", _("Audit entries (administrators)")
    SUBJECT = "subject", _("Everything about one client (data-subject request)")


class Format(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
    PDF = "pdf", _("PDF report")
    ZIP = "zip", _("JSON and PDF (zip)")


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


ACTIVE = (Status.QUEUED, Status.RUNNING)


class ExportJob(models.Model):
    """One export asked for by one person: its filters, its progress and its private file."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    content = models.CharField(_("content"), max_length=10, choices=Content)
    format = models.CharField(_("format"), max_length=5, choices=Format)
    period_start = models.DateField(
        _("from"), null=True, blank=True, validators=[validate_plausible_date]
    )
    period_end = models.DateField(
        _("to"), null=True, blank=True, validators=[validate_plausible_date]
    )
    therapist_ids = models.JSONField(_("therapists"), default=list, blank=True)
    # A plain id: a data-subject export outlives the client's erasure.
    client_id = models.BigIntegerField(_("client id"), null=True, blank=True)
    deidentify = models.BooleanField(_("de-identified"), default=False)
    include_notes = models.BooleanField(_("with session notes"), default=False)
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    error = models.CharField(_("error"), max_length=300, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_size = models.PositiveBigIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=plausible_date("period_start", nullable=True)
                & plausible_date("period_end", nullable=True),
                name="exports_exportjob_period_plausible",
            ),
            # A second click on "export" finds the job already under way.
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=Q(status__in=ACTIVE),
                name="exports_job_one_active_per_request",
            ),
            models.CheckConstraint(
                condition=Q(content__in=Content.values), name="exports_job_content_valid"
            ),
            models.CheckConstraint(
                condition=Q(format__in=Format.values), name="exports_job_format_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="exports_job_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="exports_job_progress_range"
            ),
            models.CheckConstraint(
                condition=Q(include_notes=False) | Q(deidentify=False),
                name="exports_job_no_notes_when_deidentified",
            ),
        ]
        indexes = [
            # The export page: a person's own jobs, newest first.
            models.Index(fields=["requested_by", "-created_at"], name="exports_job_owner_idx"),
            # The expiry sweep: finished jobs by expiry date.
            models.Index(fields=["status", "expires_at"], name="exports_job_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"Export {self.pk} ({self.content}, {self.format}, {self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE
