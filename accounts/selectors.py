"""Reads about people and supervision links."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Role, User


def therapists_supervised_by(supervisor: User) -> QuerySet[User]:
    """Return the active therapists a supervisor supervises."""
    return User.objects.filter(
        supervised_by__supervisor=supervisor, role=Role.THERAPIST, is_active=True
    ).order_by("last_name", "first_name")
