"""Writes for sessions and their WAI-SR: validated, atomic, audited."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction

from alliance.versioning import apply_fields, update_if_current, validate
from audit.models import AuditAction
from audit.services import audit_record
from sessions.models import Session, WaiSr
from sessions.scoring import ITEM_COUNT

if TYPE_CHECKING:
    from accounts.models import User
    from clients.models import Client, Goal, Task


@dataclass(frozen=True)
class TaskReview:
    """How a task agreed in an earlier session went, as reviewed in this one."""

    task: Task
    status: str
    reason: str
    version: int


@dataclass(frozen=True)
class NewTask:
    """A task agreed during this session."""

    goal: Goal
    description: str
    due_date: Any = None


def _scan_after_commit(session_id: int) -> None:
    """Have the rupture scan read the session once it is saved (a task, never clinical text)."""
    from ruptures.tasks import scan_session

    transaction.on_commit(lambda: scan_session.delay(session_id))


def _save_wai(session: Session, responses: dict[int, int] | None, *, new: bool = False) -> None:
    """Store, replace or remove the session's WAI-SR (None removes it)."""
    if responses is None:
        WaiSr.objects.filter(session=session).delete()
        return
    existing = None if new else WaiSr.objects.filter(session=session).first()
    wai = existing or WaiSr(session=session)
    for i in range(1, ITEM_COUNT + 1):
        setattr(wai, f"item_{i}", responses[i])
    validate(wai)
    wai.save()


class DuplicateSubmission(Exception):
    """Raised when the same form already created its session; carries that session."""

    def __init__(self, session: Session) -> None:
        super().__init__(f"session {session.pk} was already created by this form")
        self.session = session


@transaction.atomic
def session_create(
    *,
    client: Client,
    actor: User,
    data: dict[str, Any],
    wai: dict[int, int] | None = None,
    reviews: Sequence[TaskReview] = (),
    new_task: NewTask | None = None,
    submission: uuid.UUID | None = None,
) -> Session:
    """Log a session for `client`, held by `actor`, all in one transaction.

    With it: the client's WAI-SR, the review of tasks agreed earlier (raises StaleEdit if a
    task changed elsewhere since the form was opened), and a task agreed today. A form
    sent twice (`submission`, the form's id) raises DuplicateSubmission with the session
    the first send created, even when both arrive at once.
    """
    from clients.models import TaskStatus
    from clients.services import task_create, task_update

    session = Session(client=client, therapist=actor, submission=submission)
    apply_fields(session, data, Session.EDITABLE_FIELDS)
    validate(session)
    if submission is None:
        session.save()
    else:
        try:  # the unique (client, submission) decides, even for two sends at once
            with transaction.atomic():
                session.save()
        except IntegrityError:
            earlier = Session.objects.filter(client=client, submission=submission).first()
            if earlier is None:
                raise
            raise DuplicateSubmission(earlier) from None
    if wai is not None:
        _save_wai(session, wai, new=True)
    for review in reviews:
        not_done = review.status in (TaskStatus.PARTLY_DONE, TaskStatus.NOT_DONE)
        task_update(
            task=review.task,
            actor=actor,
            expected_version=review.version,
            data={
                "status": review.status,
                "reason_not_done": review.reason if not_done else "",
                "reviewed_in_session": session,
            },
        )
    if new_task is not None:
        task_create(
            goal=new_task.goal,
            actor=actor,
            data={
                "description": new_task.description,
                "due_date": new_task.due_date,
                "status": TaskStatus.PENDING,
                "agreed_in_session": session,
            },
        )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=session,
        client_id=client.pk,
        details={"wai_sr": wai is not None, "tasks_reviewed": len(reviews)},
    )
    _scan_after_commit(session.pk)
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
    changed = update_if_current(
        session, data=data, fields=Session.EDITABLE_FIELDS, expected_version=expected_version
    )
    _save_wai(session, wai)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=session,
        client_id=session.client_id,
        details={"fields": changed},
    )
    # The saved flags may no longer match the note: a fresh scan is due.
    Session.objects.filter(pk=session.pk).update(ruptures_scanned_at=None)
    session.ruptures_scanned_at = None
    _scan_after_commit(session.pk)
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
