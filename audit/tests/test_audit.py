"""The audit trail: written on every clinical write and every view of a client, append-only."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from audit.models import AppendOnlyError, AuditAction, AuditEntry
from audit.services import audit_record
from conftest import Practice
from tests.test_url_access import _browser


def test_viewing_a_client_writes_who_what_which_client_and_request_id(
    practice: Practice,
) -> None:
    response = _browser("sam", practice).get(reverse("clients:detail", args=[practice.client.pk]))
    entry = AuditEntry.objects.filter(action=AuditAction.VIEW).latest("id")
    assert entry.actor == practice.sam and entry.client_id == practice.client.pk
    assert entry.object_type == "clients.client"
    assert entry.request_id == response["X-Request-ID"]
    assert entry.at.tzinfo is not None


def test_an_outsider_who_is_refused_leaves_no_view_entry(practice: Practice) -> None:
    _browser("bob", practice).get(reverse("clients:detail", args=[practice.client.pk]))
    assert not AuditEntry.objects.filter(action=AuditAction.VIEW, actor=practice.bob).exists()


def test_updates_record_the_changed_fields_but_never_their_values(practice: Practice) -> None:
    _browser("alice", practice).post(
        reverse("clients:edit", args=[practice.client.pk]),
        {
            "display_name": "Camille R.",
            "code": "QC-0001",
            "start_date": "2026-01-05",
            "status": "paused",
            "usual_duration_minutes": 50,
            "version": practice.client.version,
        },
    )
    entry = AuditEntry.objects.filter(action=AuditAction.UPDATE).latest("id")
    assert set(entry.details["fields"]) == {"display_name", "start_date", "status"}
    assert "Camille R." not in str(entry.details)


@pytest.fixture
def entry(practice: Practice) -> AuditEntry:
    return audit_record(
        actor=practice.alice,
        action=AuditAction.VIEW,
        obj=practice.client,
        client_id=practice.client.pk,
    )


def test_entries_cannot_be_changed_or_deleted_through_the_orm(entry: AuditEntry) -> None:
    assert entry is not None
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="view")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET action = 'view'",
        "DELETE FROM audit_auditentry",
    ],
)
def test_the_database_itself_refuses_changes(entry: AuditEntry, sql: str) -> None:
    assert AuditEntry.objects.exists()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEntry.objects.exists()


def test_admin_filters_the_trail_but_cannot_edit_it(practice: Practice, entry: AuditEntry) -> None:
    browser = _browser("ada", practice)
    listing = browser.get("/admin/audit/auditentry/", {"action": "login"})
    assert listing.status_code == 200
    assert browser.get("/admin/audit/auditentry/", {"q": "not-a-number"}).status_code == 200
    assert browser.get("/admin/audit/auditentry/add/").status_code == 403
    assert (
        browser.post(f"/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    page = browser.post(f"/admin/audit/auditentry/{entry.pk}/change/", {"action": "view"})
    assert page.status_code == 403
