"""Write audit entries."""

from __future__ import annotations

from typing import Any

from django.db import models

from alliance.middleware import current_request_id
from audit.models import AuditAction, AuditEntry


def audit_record(
    *,
    actor: Any,
    action: AuditAction,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    client_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit entry; `obj` fills in the record's type and id when given."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if is_user else None,
        actor_label=actor.get_username() if is_user else "system",
        action=action,
        object_type=object_type,
        object_id=object_id,
        client_id=client_id,
        request_id=current_request_id(),
        details=details or {},
    )


def audit_read(request: Any, obj: models.Model, *, client_id: int | None, page: str) -> None:
    """Record that a page or fragment showed clinical text to the signed-in user (a VIEW).

    Called by every view that shows a note, a plan, a goal's or task's wording, a client's
    context or a flag's evidence, on the reads (GET) that show the stored text.
    """
    if request.method == "GET":
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            obj=obj,
            client_id=client_id,
            details={"page": page},
        )
