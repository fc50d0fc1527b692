"""Writes for sessions and their WAI-SR: validated, atomic, audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction

from alliance.versioning import save_if_current
from audit.models import AuditAction
from audit.services import audit_record
from sessions.models import Session, WaiSr
from sessions.scoring import ITEM_COUNT

if TYPE_CHECKING:
    from accounts.models import User
    from clients.models import Client

SESSION_FIELDS = [
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


def _save_wai(session: Session, responses: dict[int, int] | None) -> None:
    """Store, replace or remove the session's WAI-SR (None removes it)."""
    if responses is None:
        WaiSr.objects.filter(session=session).delete()
        return
    wai = WaiSr.objects.filter(session=session).first() or WaiSr(session=session)
    for i in range(1, ITEM_COUNT + 1):
        setattr(wai, f"item_{i}", responses[i])
    wai.full_clean()
    wai.save()


@transaction.atomic
def session_create(
    *, client: Client, actor: User, data: dict[str, Any], wai: dict[int, int] | None = None
) -> Session:
    """Log a session for `client`, held by `actor`, with the client's WAI-SR if given."""
    session = Session(client=client, therapist=actor)
    for name in SESSION_FIELDS:
        if name in data:
            setattr(session, name, data[name])
    session.full_clean()
    session.save()
    if wai is not None:
        _save_wai(session, wai)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=session,
        client_id=client.pk,
        details={"wai_sr": wai is not None},
    )
    return session


@transaction.atomic
def session_update(
    *,
    session: Session,
    actor: User,
    expected_version: int,
    data: dict[str, Any],
    wai: dict[int, int] | None,
) -> Session:
    """Change a session; raises StaleEdit if someone saved it since it was read."""
    for name in SESSION_FIELDS:
        if name in data:
            setattr(session, name, data[name])
    session.full_clean()
    changed = save_if_current(session, expected_version=expected_version, fields=SESSION_FIELDS)
    _save_wai(session, wai)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=session,
        client_id=session.client_id,
        details={"fields": changed},
    )
    return session


@transaction.atomic
def session_delete(*, session: Session, actor: User) -> None:
    """Delete a session and its WAI-SR; the audit trail keeps that it existed."""
    client_id, pk = session.client_id, session.pk
    session.delete()
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        object_type="therapy_sessions.session",
        object_id=str(pk),
        client_id=client_id,
    )
