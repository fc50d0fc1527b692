from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.constraints import CheckedInDatabase
from alliance.text import NormalisedText
from clients.models import Client
from ruptures.markers import category
from sessions.fields import EncryptedTextField

if TYPE_CHECKING:
    from accounts.models import User


class Marker(models.TextChoices):
    DIRECT_NEGATIVE = "direct_negative", _("Direct expression of negative feelings")
    INDIRECT_NEGATIVE = "indirect_negative", _("Indirect expression of negative feelings")
    DISAGREEMENT = "disagreement", _("Disagreement on goals or tasks")
    COMPLIANCE = "compliance", _("Compliance")
    AVOIDANCE = "avoidance", _("Avoidance manoeuvres")
    SELF_ESTEEM = "self_esteem", _("Self-esteem-enhancing operations")
    NON_RESPONSE = "non_response", _("Non-response to an intervention")


class SignalKind(models.TextChoices):
    REPEATED_ABSENCES = "repeated_absences", _("Repeated absences")
    TASKS_NOT_DONE = "tasks_not_done", _("Tasks not done, session after session")
    RATING_DROP = "rating_drop", _("Drop in my alliance rating")
    RATING_DIVERGENCE = "rating_divergence", _("Client and practitioner ratings diverge")
    CEILING_COMPLIANCE = "ceiling_compliance", _("Ratings at the ceiling with compliance")


class Source(models.TextChoices):
    NOTE = "note", _("Session note")
    SESSION_DATA = "session_data", _("Session data")
    # A marker the reader missed, added by the practitioner with the words that show it.
    PRACTITIONER = "practitioner", _("Added by the practitioner")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    REPAIR_PLANNED = "repair_planned", _("Repair planned")
    REPAIRED = "repaired", _("Repaired")
    DISMISSED = "dismissed", _("Dismissed: not a rupture")


ACTIVE = (FlagStatus.OPEN, FlagStatus.ACKNOWLEDGED, FlagStatus.REPAIR_PLANNED)
# Flags whose evidence is words of the note: the reader's, and the practitioner's own.
TEXT_SOURCES = (Source.NOTE, Source.PRACTITIONER)


class Cause(models.TextChoices):
    GOALS = "goals", _("Disagreement on goals")
    TASKS = "tasks", _("Disagreement on tasks")
    BOND = "bond", _("A strain in the bond")


class FlagQuerySet(models.QuerySet["RuptureFlag"]):
    def visible_to(self, user: User) -> FlagQuerySet:
        """Return the flags of the clients `user` may see (see ClientQuerySet.visible_to)."""
        return self.filter(client__in=Client.objects.visible_to(user))

    def active(self) -> FlagQuerySet:
        return self.filter(status__in=ACTIVE)


class RuptureFlag(NormalisedText, CheckedInDatabase, models.Model):
    """A rupture marker or alliance signal found for one session, with its evidence."""

    session = models.ForeignKey(
        "therapy_sessions.Session",
        on_delete=models.CASCADE,
        related_name="rupture_flags",
        verbose_name=_("session"),
    )
    # The session's client, kept here so that access and counts need no join through it.
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="rupture_flags", verbose_name=_("client")
    )
    source = models.CharField(_("source"), max_length=15, choices=Source)
    marker = models.CharField(_("marker"), max_length=20, choices=Marker, blank=True)
    signal = models.CharField(_("signal"), max_length=20, choices=SignalKind, blank=True)
    # Character offsets into the note (never the note's text) or the signal's figures.
    evidence = models.JSONField(_("evidence"), default=dict, blank=True)
    confidence = models.FloatField(_("confidence"), default=1.0)
    status = models.CharField(
        _("status"), max_length=15, choices=FlagStatus, default=FlagStatus.OPEN
    )
    dismissed_reason = models.CharField(_("why it is not a rupture"), max_length=500, blank=True)
    repaired_in_session = models.ForeignKey(
        "therapy_sessions.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("repaired in session"),
    )
    detector_version = models.CharField(max_length=20, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[FlagQuerySet] = FlagQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("rupture flag")
        verbose_name_plural = _("rupture flags")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "source", "marker", "signal"],
                name="ruptures_flag_once_per_session_and_kind",
            ),
            models.CheckConstraint(
                condition=Q(source__in=Source.values), name="ruptures_flag_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(marker__in=["", *Marker.values]), name="ruptures_flag_marker_valid"
            ),
            models.CheckConstraint(
                condition=Q(signal__in=["", *SignalKind.values]),
                name="ruptures_flag_signal_valid",
            ),
            models.CheckConstraint(
                condition=~Q(marker="") | ~Q(signal=""), name="ruptures_flag_has_a_kind"
            ),
            models.CheckConstraint(
                condition=Q(status__in=FlagStatus.values), name="ruptures_flag_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="ruptures_flag_confidence_range",
            ),
            models.CheckConstraint(
                condition=~Q(status=FlagStatus.DISMISSED) | ~Q(dismissed_reason=""),
                name="ruptures_flag_dismissal_has_reason",
            ),
        ]
        indexes = [
            # Open flags per client: the caseload count and the client page panel.
            models.Index(fields=["client", "status"], name="rupture_client_status_idx"),
            # The admin precision page: flags by status and marker.
            models.Index(fields=["status", "marker"], name="rupture_status_marker_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label} ({self.get_status_display()})"

    @property
    def kind_label(self) -> str:
        return str(self.get_marker_display() if self.marker else self.get_signal_display())

    @property
    def category(self) -> str:
        return category(self.marker) if self.marker else "signal"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE


class RepairPlan(NormalisedText, CheckedInDatabase, models.Model):
    """How the practitioner plans to repair one rupture, with the empathy sentence to say."""

    flag = models.OneToOneField(
        RuptureFlag,
        on_delete=models.CASCADE,
        related_name="repair_plan",
        verbose_name=_("flag"),
    )
    cause = models.CharField(_("likely cause"), max_length=10, choices=Cause)
    responsibility = EncryptedTextField(_("my share of responsibility"), blank=True)
    exploration = EncryptedTextField(_("how I will explore it with the client"), blank=True)
    adjustment = EncryptedTextField(_("goal or task to adjust"), blank=True)
    empathy_emotion = EncryptedTextField(_("emotion"), blank=True)
    empathy_reflection = EncryptedTextField(_("reflection"), blank=True)
    empathy_confirmation = EncryptedTextField(_("confirmation"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    EDITABLE_FIELDS: ClassVar[list[str]] = [
        "cause",
        "responsibility",
        "exploration",
        "adjustment",
        "empathy_emotion",
        "empathy_reflection",
        "empathy_confirmation",
    ]

    class Meta:
        verbose_name = _("repair plan")
        verbose_name_plural = _("repair plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(cause__in=Cause.values), name="ruptures_repairplan_cause_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Repair plan for {self.flag}"
