"""Periodic housekeeping for accounts."""

from __future__ import annotations

from celery import shared_task
from django.contrib.sessions.models import Session as DjangoSession
from django.utils import timezone


@shared_task(name="accounts.tasks.clear_expired_sessions")
def clear_expired_sessions() -> int:
    """Delete expired login sessions and return how many were removed."""
    deleted, _ = DjangoSession.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
