"""Stamp the session clock at login and audit sign-ins and sign-outs."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from audit.models import AuditAction
from audit.services import audit_record


@receiver(user_logged_in)
def _on_login(sender: Any, request: HttpRequest, user: Any, **_: Any) -> None:
    now = int(time.time())
    request.session["auth_started_at"] = now
    request.session["last_activity_at"] = now
    audit_record(
        actor=user, action=AuditAction.LOGIN, object_type="accounts.user", object_id=str(user.pk)
    )


@receiver(user_logged_out)
def _on_logout(sender: Any, request: HttpRequest, user: Any, **_: Any) -> None:
    if user is not None:
        audit_record(
            actor=user,
            action=AuditAction.LOGOUT,
            object_type="accounts.user",
            object_id=str(user.pk),
        )
