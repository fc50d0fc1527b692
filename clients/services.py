"""Writes for clients, goals and tasks: validated, atomic, audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts.models import Role
from alliance.versioning import apply_fields, save_if_current, update_if_current, validate
from audit.models import AuditAction
from audit.services import audit_record
from clients.models import Client, Goal, Task

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def client_create(*, therapist: User, actor: User, data: dict[str, Any]) -> Client:
    """Open a client file in `therapist`'s caseload."""
    client = Client(therapist=therapist)
    apply_fields(client, data, Client.EDITABLE_FIELDS)
    validate(client)
    client.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=client, client_id=client.pk)
    return client


@transaction.atomic
def client_update(
    *, client: Client, actor: User, expected_version: int, data: dict[str, Any]
) -> Client:
    """Change a client's file; raises StaleEdit if someone saved it since it was read."""
    changed = update_if_current(
        client, data=data, fields=Client.EDITABLE_FIELDS, expected_version=expected_version
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=client,
        client_id=client.pk,
        details={"fields": changed},
    )
    return client


@transaction.atomic
def client_transfer(*, client: Client, to_therapist: User, actor: User) -> Client:
    """Move a client to another therapist's caseload; every session and goal stays with them."""
    if to_therapist.role != Role.THERAPIST or not to_therapist.is_active:
        raise ValidationError({"therapist": _("Clients can only go to an active therapist.")})
    previous = client.therapist_id
    client.therapist = to_therapist
    save_if_current(client, expected_version=client.version, fields=["therapist"])
    audit_record(
        actor=actor,
        action=AuditAction.TRANSFER,
        obj=client,
        client_id=client.pk,
        details={"from_user_id": previous, "to_user_id": to_therapist.pk},
    )
    return client


@transaction.atomic
def goal_create(*, client: Client, actor: User, data: dict[str, Any]) -> Goal:
    """Add a goal at the end of the client's list."""
    last = client.goals.aggregate(last=Max("order"))["last"]
    goal = Goal(client=client, order=0 if last is None else last + 1)
    apply_fields(goal, data, Goal.EDITABLE_FIELDS)
    validate(goal)
    goal.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=goal, client_id=client.pk)
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, actor: User, expected_version: int, data: dict[str, Any]) -> Goal:
    """Change a goal; raises StaleEdit if someone saved it since it was read."""
    changed = update_if_current(
        goal, data=data, fields=Goal.EDITABLE_FIELDS, expected_version=expected_version
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=goal,
        client_id=goal.client_id,
        details={"fields": changed},
    )
    return goal


@transaction.atomic
def task_create(*, goal: Goal, actor: User, data: dict[str, Any]) -> Task:
    """Add a task the client agreed to, under one of their goals."""
    task = Task(goal=goal, agreed_in_session=data.get("agreed_in_session"))
    apply_fields(task, data, Task.EDITABLE_FIELDS)
    validate(task)
    task.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=task, client_id=goal.client_id)
    return task


@transaction.atomic
def task_update(*, task: Task, actor: User, expected_version: int, data: dict[str, Any]) -> Task:
    """Change a task or record how it went (and in which session it was reviewed)."""
    changed = update_if_current(
        task,
        data=data,
        fields=[*Task.EDITABLE_FIELDS, "reviewed_in_session"],
        expected_version=expected_version,
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=task,
        client_id=task.goal.client_id,
        details={"fields": changed},
    )
    return task


@transaction.atomic
def goal_move(*, goal: Goal, actor: User, direction: str) -> None:
    """Swap a goal with its neighbour above ("up") or below ("down") in the client's order."""
    goals = list(
        Goal.objects.select_for_update().filter(client_id=goal.client_id).order_by("order", "id")
    )
    index = next(i for i, g in enumerate(goals) if g.pk == goal.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(goals):
        return
    goals[index], goals[other] = goals[other], goals[index]
    for position, item in enumerate(goals):
        item.order = position
    Goal.objects.bulk_update(goals, ["order"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=goal,
        client_id=goal.client_id,
        details={"fields": ["order"]},
    )


@transaction.atomic
def client_erase(*, client: Client, actor: User, confirmation: str) -> dict[str, int]:
    """Erase a client on request: every clinical record goes; the audit trail keeps only
    non-identifying metadata (the entries never held names or text)."""
    from exports.models import ExportJob, Status
    from exports.services import file_path

    if actor.role != Role.ADMIN:
        raise ValidationError(_("Only an administrator erases a client."))
    if confirmation.strip().upper() != client.code:
        raise ValidationError({"confirmation": _("Type the client's code to confirm.")})
    counts = {"sessions": client.sessions.count(), "goals": client.goals.count()}
    client_id = client.pk
    for job in ExportJob.objects.filter(client_id=client_id).exclude(file_name=""):
        file_path(job).unlink(missing_ok=True)
    ExportJob.objects.filter(client_id=client_id).update(status=Status.EXPIRED, file_name="")
    client.delete()
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        object_type="clients.client",
        object_id=str(client_id),
        client_id=client_id,
        details={"erasure": True, **counts},
    )
    return counts
