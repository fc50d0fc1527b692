from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Updated")
    DELETE = "delete", _("Deleted")
    VIEW = "view", _("Viewed")
    TRANSFER = "transfer", _("Transferred")
    EXPORT = "export", _("Exported")
    LOGIN = "login", _("Signed in")
    LOGOUT = "logout", _("Signed out")
    MAINTENANCE = "maintenance", _("Maintenance")


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit entries cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """One append-only record of who did what to which clinical record, and when (UTC)."""

    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=AuditAction)
    object_type = models.CharField(_("record type"), max_length=60)
    object_id = models.CharField(_("record id"), max_length=40, blank=True)
    # A plain id, not a foreign key: the entry outlives the client's erasure.
    client_id = models.BigIntegerField(_("client id"), null=True, blank=True)
    request_id = models.CharField(_("request id"), max_length=80, blank=True)
    # Names of fields and filters only, never clinical text.
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects: ClassVar[models.Manager[AuditEntry]] = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=AuditAction.values),
                name="audit_auditentry_action_valid",
            )
        ]
        indexes = [
            # The audit viewer's default listing, newest first.
            models.Index(fields=["-at"], name="audit_entry_at_idx"),
            # "Everything that happened to this client" (admin filter, data-subject export).
            models.Index(fields=["client_id", "at"], name="audit_entry_client_at_idx"),
            # "Everything this person did" (admin filter by user).
            models.Index(fields=["actor", "at"], name="audit_entry_actor_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor_label} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit entries cannot be deleted.")
