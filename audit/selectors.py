"""Read the audit trail."""

from __future__ import annotations

from django.db.models import QuerySet

from audit.models import AuditEntry


def audit_entries_for_client(client_id: int) -> QuerySet[AuditEntry]:
    """Return every entry about one client, oldest first."""
    return AuditEntry.objects.filter(client_id=client_id).select_related("actor").order_by("at")
