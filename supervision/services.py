"""Writes for supervision comments: the one thing a supervisor writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Role
from alliance.versioning import validate
from audit.models import AuditAction
from audit.services import audit_record
from supervision.models import MAX_COMMENT, Comment

if TYPE_CHECKING:
    from accounts.models import User
    from clients.models import Client
    from ruptures.models import RuptureFlag


def _clean(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write a comment first.")})
    if len(body) > MAX_COMMENT:
        raise ValidationError({"body": _("Keep a comment under 4,000 characters.")})
    return body


@transaction.atomic
def comment_create(
    *, client: Client, author: User, body: str, flag: RuptureFlag | None = None
) -> Comment:
    """Start a supervision thread on a client, or on one of its rupture flags."""
    if author.role != Role.SUPERVISOR:
        raise PermissionDenied
    if flag is not None and flag.client_id != client.pk:
        raise ValidationError({"flag": _("This flag belongs to another client.")})
    comment = Comment(client=client, author=author, body=_clean(body), flag=flag)
    validate(comment)
    comment.save()
    audit_record(actor=author, action=AuditAction.CREATE, obj=comment, client_id=client.pk)
    return comment


@transaction.atomic
def comment_reply(*, comment: Comment, author: User, body: str) -> Comment:
    """Answer a thread: the client's therapist or a supervisor."""
    thread = comment.reply_to or comment
    is_owner = thread.client.therapist_id == author.pk
    if not (is_owner or author.role == Role.SUPERVISOR):
        raise PermissionDenied
    reply = Comment(
        client=thread.client, author=author, body=_clean(body), reply_to=thread, flag=thread.flag
    )
    validate(reply)
    reply.save()
    audit_record(actor=author, action=AuditAction.CREATE, obj=reply, client_id=thread.client_id)
    return reply
