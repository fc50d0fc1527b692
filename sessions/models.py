from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from alliance.constraints import CheckedInDatabase
from alliance.dates import plausible_date, validate_plausible_date
from alliance.text import NormalisedText
from clients.models import MAX_DURATION, MIN_DURATION, Client
from sessions.fields import EncryptedTextField
from sessions.scoring import ITEM_COUNT, WaiSrScore, score_wai_sr

if TYPE_CHECKING:
    from accounts.models import User

MAX_NOTES_LENGTH = 20_000
MAX_LATE_MINUTES = 240
RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Modality(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIDEO = "video", _("Video")
    PHONE = "phone", _("Phone")


class Attendance(models.TextChoices):
    ATTENDED = "attended", _("Attended")
    LATE = "late", _("Attended, late")
    CANCELLED_WITH_NOTICE = "cancelled_notice", _("Cancelled by the client, with notice")
    CANCELLED_LATE = "cancelled_late", _("Cancelled by the client, without notice")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED_BY_PRACTITIONER = "cancelled_practitioner", _("Cancelled by the practitioner")


MET = (Attendance.ATTENDED, Attendance.LATE)


class SessionQuerySet(models.QuerySet["Session"]):
    def visible_to(self, user: User) -> SessionQuerySet:
        """Return the sessions of the clients `user` may see (see ClientQuerySet.visible_to)."""
        return self.filter(client__in=Client.objects.visible_to(user))

    def editable_by(self, user: User) -> SessionQuerySet:
        """Return the sessions `user` may write: those of their own caseload."""
        return self.filter(client__in=Client.objects.editable_by(user))


def _range(field: str, low: int, high: int) -> Q:
    return Q(**{f"{field}__isnull": True}) | (
        Q(**{f"{field}__gte": low}) & Q(**{f"{field}__lte": high})
    )


class Session(NormalisedText, CheckedInDatabase, models.Model):
    """One meeting (or a planned one that did not happen) between a client and a practitioner."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("client")
    )
    # The practitioner who held the session; stays when the client is transferred.
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("practitioner"),
    )
    starts_at = models.DateTimeField(_("date and time"), validators=[validate_plausible_date])
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        validators=[MinValueValidator(MIN_DURATION), MaxValueValidator(MAX_DURATION)],
    )
    modality = models.CharField(
        _("modality"), max_length=10, choices=Modality, default=Modality.IN_PERSON
    )
    attendance = models.CharField(
        _("attendance"), max_length=25, choices=Attendance, default=Attendance.ATTENDED
    )
    late_minutes = models.PositiveSmallIntegerField(
        _("minutes late"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LATE_MINUTES)],
    )
    notes = EncryptedTextField(_("notes"), blank=True)
    goals_rating = models.PositiveSmallIntegerField(
        _("agreement on goals"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    tasks_rating = models.PositiveSmallIntegerField(
        _("agreement on tasks"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    bond_rating = models.PositiveSmallIntegerField(
        _("bond"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    availability = models.PositiveSmallIntegerField(
        _("my availability that day"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    availability_comment = models.CharField(
        _("comment on my availability"), max_length=300, blank=True
    )
    # When the rupture scan last read this session; None while a scan is due.
    # The id of the form that created the session: a form sent twice creates it once.
    submission = models.UUIDField(null=True, blank=True, editable=False)
    ruptures_scanned_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[SessionQuerySet] = SessionQuerySet.as_manager()  # type: ignore[assignment]

    # What the practitioner edits when logging a session (the service and the form share it).
    EDITABLE_FIELDS: ClassVar[list[str]] = [
        "starts_at",
        "duration_minutes",
        "modality",
        "attendance",
        "late_minutes",
        "notes",
        "goals_rating",
        "tasks_rating",
        "bond_rating",
        "availability",
        "availability_comment",
    ]

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=plausible_date("starts_at", moment=True),
                name="therapy_sessions_session_starts_at_plausible",
            ),
            models.CheckConstraint(
                condition=Q(modality__in=Modality.values),
                name="therapy_sessions_session_modality_valid",
            ),
            models.CheckConstraint(
                condition=Q(attendance__in=Attendance.values),
                name="therapy_sessions_session_attendance_valid",
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=MIN_DURATION)
                & Q(duration_minutes__lte=MAX_DURATION),
                name="therapy_sessions_session_duration_range",
            ),
            models.CheckConstraint(
                condition=(
                    Q(attendance=Attendance.LATE)
                    & Q(late_minutes__gte=1)
                    & Q(late_minutes__lte=MAX_LATE_MINUTES)
                )
                | (~Q(attendance=Attendance.LATE) & Q(late_minutes__isnull=True)),
                name="therapy_sessions_session_late_minutes_iff_late",
            ),
            *[
                models.CheckConstraint(
                    condition=_range(field, 1, 5),
                    name=f"therapy_sessions_session_{field}_range",
                )
                for field in ("goals_rating", "tasks_rating", "bond_rating", "availability")
            ],
            models.CheckConstraint(
                condition=Q(attendance__in=MET)
                | (
                    Q(goals_rating__isnull=True)
                    & Q(tasks_rating__isnull=True)
                    & Q(bond_rating__isnull=True)
                ),
                name="therapy_sessions_session_ratings_only_when_met",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="therapy_sessions_session_version_positive"
            ),
            models.UniqueConstraint(
                fields=["client", "submission"], name="therapy_sessions_session_submitted_once"
            ),
        ]
        indexes = [
            # The client page's timeline, newest first.
            models.Index(fields=["client", "-starts_at"], name="session_client_time_idx"),
            # Supervisor statistics: a practitioner's sessions over a period.
            models.Index(fields=["therapist", "starts_at"], name="session_therapist_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.client.code} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def took_place(self) -> bool:
        return self.attendance in MET


class WaiSr(CheckedInDatabase, models.Model):
    """The client's 12 WAI-SR responses for one session, by item number only."""

    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, related_name="wai", verbose_name=_("session")
    )
    item_1 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_2 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_3 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_4 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_5 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_6 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_7 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_8 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_9 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_10 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_11 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)
    item_12 = models.PositiveSmallIntegerField(validators=RATING_VALIDATORS)

    class Meta:
        verbose_name = _("client WAI-SR")
        verbose_name_plural = _("client WAI-SR")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"item_{i}__gte": 1}) & Q(**{f"item_{i}__lte": 5}),
                name=f"therapy_sessions_waisr_item_{i}_range",
            )
            for i in range(1, ITEM_COUNT + 1)
        ]

    def __str__(self) -> str:
        return f"WAI-SR {self.score.total}/60"

    def responses(self) -> dict[int, int]:
        return {i: getattr(self, f"item_{i}") for i in range(1, ITEM_COUNT + 1)}

    @cached_property
    def score(self) -> WaiSrScore:
        return score_wai_sr(self.responses())
