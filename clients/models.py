from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from alliance.constraints import CheckedInDatabase
from alliance.dates import plausible_date, validate_plausible_date
from alliance.text import NormalisedText

if TYPE_CHECKING:
    from accounts.models import User

CLIENT_CODE_PATTERN = r"^[A-Z0-9][A-Z0-9-]{1,19}$"
MIN_DURATION, MAX_DURATION = 5, 480


class ClientStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


class ClientQuerySet(models.QuerySet["Client"]):
    def visible_to(self, user: User) -> ClientQuerySet:
        """Return the clients `user` may see: the one place that decides access.

        A therapist sees their caseload, a supervisor their supervisees' caseloads
        (read-only), an administrator every client; anyone else sees nothing.
        """
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.role == Role.ADMIN:
            return self.all()
        if user.role == Role.SUPERVISOR:
            return self.filter(therapist__supervised_by__supervisor=user)
        if user.role == Role.THERAPIST:
            return self.filter(therapist=user)
        return self.none()

    def editable_by(self, user: User) -> ClientQuerySet:
        """Return the clients whose clinical records `user` may write: their own caseload."""
        return self.visible_to(user).filter(therapist=user)


class Client(NormalisedText, CheckedInDatabase, models.Model):
    """A person in therapy with one therapist (their caseload)."""

    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="clients",
        limit_choices_to={"role": Role.THERAPIST},
        verbose_name=_("therapist"),
    )
    display_name = models.CharField(_("display name"), max_length=120)
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(
                CLIENT_CODE_PATTERN,
                _("Use 2 to 20 capital letters, digits or dashes, e.g. QC-0042."),
            )
        ],
        help_text=_("A pseudonymous code, unique in the practice."),
    )
    start_date = models.DateField(_("start date"), validators=[validate_plausible_date])
    status = models.CharField(
        _("status"), max_length=10, choices=ClientStatus, default=ClientStatus.ACTIVE
    )
    context = models.CharField(_("context"), max_length=500, blank=True)
    usual_duration_minutes = models.PositiveSmallIntegerField(
        _("usual session length (minutes)"),
        default=50,
        validators=[MinValueValidator(MIN_DURATION), MaxValueValidator(MAX_DURATION)],
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[ClientQuerySet] = ClientQuerySet.as_manager()  # type: ignore[assignment]

    # What the practitioner edits in the client form (the service and the form share it).
    EDITABLE_FIELDS: ClassVar[list[str]] = [
        "display_name",
        "code",
        "start_date",
        "status",
        "context",
        "usual_duration_minutes",
    ]

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["display_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ClientStatus.values), name="clients_client_status_valid"
            ),
            models.CheckConstraint(
                condition=plausible_date("start_date"), name="clients_client_start_date_plausible"
            ),
            models.CheckConstraint(
                condition=Q(usual_duration_minutes__gte=MIN_DURATION)
                & Q(usual_duration_minutes__lte=MAX_DURATION),
                name="clients_client_duration_range",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="clients_client_version_positive"
            ),
        ]
        indexes = [
            # The caseload: a therapist's clients filtered by status.
            models.Index(fields=["therapist", "status"], name="clients_therapist_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.code})"


class ProposedBy(models.TextChoices):
    CLIENT = "client", _("The client")
    PRACTITIONER = "practitioner", _("The practitioner")
    TOGETHER = "together", _("Both, together")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Difficulty(models.TextChoices):
    TOO_EASY = "too_easy", _("Too easy")
    ABOUT_RIGHT = "about_right", _("About right")
    TOO_HARD = "too_hard", _("Too hard")


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ACHIEVED = "achieved", _("Achieved")
    REVISED = "revised", _("Revised")
    DROPPED = "dropped", _("Dropped")


class Goal(NormalisedText, CheckedInDatabase, models.Model):
    """A therapy goal co-constructed with the client, worded in the client's own words."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="goals", verbose_name=_("client")
    )
    wording = models.CharField(_("goal, in the client's words"), max_length=500)
    proposed_by = models.CharField(
        _("proposed by"), max_length=15, choices=ProposedBy, default=ProposedBy.TOGETHER
    )
    agreed_on = models.DateField(
        _("agreed by both on"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
        help_text=_("Leave empty while the goal is not yet agreed by both."),
    )
    priority = models.CharField(
        _("client's priority"), max_length=10, choices=Priority, default=Priority.MEDIUM
    )
    difficulty = models.CharField(
        _("difficulty as the client sees it"),
        max_length=15,
        choices=Difficulty,
        default=Difficulty.ABOUT_RIGHT,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=GoalStatus, default=GoalStatus.ACTIVE
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    EDITABLE_FIELDS: ClassVar[list[str]] = [
        "wording",
        "proposed_by",
        "agreed_on",
        "priority",
        "difficulty",
        "status",
    ]

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=plausible_date("agreed_on", nullable=True),
                name="clients_goal_agreed_on_plausible",
            ),
            models.CheckConstraint(
                condition=Q(proposed_by__in=ProposedBy.values),
                name="clients_goal_proposed_by_valid",
            ),
            models.CheckConstraint(
                condition=Q(priority__in=Priority.values), name="clients_goal_priority_valid"
            ),
            models.CheckConstraint(
                condition=Q(difficulty__in=Difficulty.values),
                name="clients_goal_difficulty_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=GoalStatus.values), name="clients_goal_status_valid"
            ),
        ]
        indexes = [
            # The client page's goals panel, in the client's order.
            models.Index(fields=["client", "order"], name="clients_goal_client_order_idx"),
        ]

    def __str__(self) -> str:
        return self.wording[:60]


class TaskStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", _("Done")
    PARTLY_DONE = "partly_done", _("Partly done")
    NOT_DONE = "not_done", _("Not done")


class Task(NormalisedText, CheckedInDatabase, models.Model):
    """Something the client agreed to do between sessions, in service of a goal."""

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("goal")
    )
    description = models.CharField(_("what the client will do"), max_length=500)
    agreed_in_session = models.ForeignKey(
        "therapy_sessions.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks_agreed",
        verbose_name=_("agreed in session"),
    )
    due_date = models.DateField(
        _("due date"), null=True, blank=True, validators=[validate_plausible_date]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=TaskStatus, default=TaskStatus.PENDING
    )
    reason_not_done = models.CharField(
        _("client's reason (if not or partly done)"), max_length=500, blank=True
    )
    reviewed_in_session = models.ForeignKey(
        "therapy_sessions.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks_reviewed",
        verbose_name=_("reviewed in session"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    EDITABLE_FIELDS: ClassVar[list[str]] = ["description", "due_date", "status", "reason_not_done"]

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=TaskStatus.values), name="clients_task_status_valid"
            ),
            models.CheckConstraint(
                condition=plausible_date("due_date", nullable=True),
                name="clients_task_due_date_plausible",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[TaskStatus.PARTLY_DONE, TaskStatus.NOT_DONE])
                | Q(reason_not_done=""),
                name="clients_task_reason_only_when_not_done",
            ),
        ]
        indexes = [
            # Overdue tasks on the caseload: pending tasks by due date.
            models.Index(fields=["status", "due_date"], name="clients_task_status_due_idx"),
        ]

    def __str__(self) -> str:
        return self.description[:60]
