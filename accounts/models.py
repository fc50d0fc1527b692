from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.text import NormalisedText


class Role(models.TextChoices):
    THERAPIST = "therapist", _("Therapist")
    SUPERVISOR = "supervisor", _("Supervisor")
    ADMIN = "admin", _("Administrator")


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class User(NormalisedText, AbstractUser):
    """A person who signs in: a therapist, a supervisor or an administrator."""

    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.THERAPIST)
    language = models.CharField(_("language"), max_length=2, choices=Language, blank=True)
    supervisees = models.ManyToManyField(
        "self",
        through="Supervision",
        through_fields=("supervisor", "therapist"),
        symmetrical=False,
        related_name="supervisors",
        blank=True,
        verbose_name=_("supervisees"),
    )

    objects: ClassVar[UserManager[User]] = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="accounts_user_role_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=["", *Language.values]),
                name="accounts_user_language_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_therapist(self) -> bool:
        return self.role == Role.THERAPIST

    @property
    def is_supervisor(self) -> bool:
        return self.role == Role.SUPERVISOR

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    def save(self, *args: object, **kwargs: object) -> None:
        # Only administrators reach the Django admin; the role is the single source of truth.
        self.is_staff = self.role == Role.ADMIN
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "role" in update_fields:  # type: ignore[operator]
            kwargs["update_fields"] = {*update_fields, "is_staff"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Supervision(models.Model):
    """A supervisor's link to one therapist whose caseload they review."""

    supervisor = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="supervisions", verbose_name=_("supervisor")
    )
    therapist = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="supervised_by", verbose_name=_("therapist")
    )
    since = models.DateField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("supervision link")
        verbose_name_plural = _("supervision links")
        constraints = [
            models.UniqueConstraint(
                fields=["supervisor", "therapist"], name="accounts_supervision_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(supervisor=models.F("therapist")),
                name="accounts_supervision_not_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supervisor} → {self.therapist}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.supervisor_id and self.supervisor.role != Role.SUPERVISOR:
            errors["supervisor"] = _("This person does not have the supervisor role.")
        if self.therapist_id and self.therapist.role != Role.THERAPIST:
            errors["therapist"] = _("This person does not have the therapist role.")
        if errors:
            raise ValidationError(errors)
