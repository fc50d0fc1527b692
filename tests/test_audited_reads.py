"""Every page or fragment that shows clinical text leaves a VIEW entry (audit finding 2).

The list below names each route that shows stored clinical text (a note, a plan, a goal's
or task's wording, a client's context, a flag's evidence); a new such route must join it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from conftest import Practice
from tests.test_url_access import _browser

HX = {"HTTP_HX_REQUEST": "true"}

# route name -> (kwargs, who reads it, headers)
CLINICAL_READS: dict[str, tuple[Callable[[Practice], dict[str, Any]], str, dict[str, str]]] = {
    "clients:detail": (lambda p: {"pk": p.client.pk}, "alice", {}),
    "clients:edit": (lambda p: {"pk": p.client.pk}, "alice", {}),
    "clients:goal_edit": (lambda p: {"pk": p.goal.pk}, "alice", {}),
    "clients:task_edit": (lambda p: {"pk": p.task.pk}, "alice", {}),
    "clients:erase": (lambda p: {"pk": p.client.pk}, "ada", {}),
    "sessions:create": (lambda p: {"pk": p.client.pk}, "alice", {}),
    "sessions:edit": (lambda p: {"pk": p.session.pk}, "alice", {}),
    "sessions:delete_confirm": (lambda p: {"pk": p.session.pk}, "alice", {}),
    "ruptures:client_flags": (lambda p: {"pk": p.client.pk}, "alice", HX),
    "ruptures:repair_plan": (lambda p: {"pk": p.flag.pk}, "alice", {}),
    "ruptures:add_marker": (lambda p: {"pk": p.session.pk}, "alice", {}),
}


@pytest.mark.parametrize("route", sorted(CLINICAL_READS))
def test_each_read_of_clinical_text_is_audited(practice: Practice, route: str) -> None:
    kwargs, role, headers = CLINICAL_READS[route]
    before = AuditEntry.objects.filter(action=AuditAction.VIEW).count()
    response = _browser(role, practice).get(reverse(route, kwargs=kwargs(practice)), **headers)
    assert response.status_code == 200
    entry = AuditEntry.objects.filter(action=AuditAction.VIEW).order_by("-id").first()
    assert AuditEntry.objects.filter(action=AuditAction.VIEW).count() == before + 1
    assert entry is not None and entry.actor == getattr(practice, role)
    assert entry.client_id == practice.client.pk


def test_a_refused_read_leaves_no_view_entry(practice: Practice) -> None:
    views = AuditEntry.objects.filter(action=AuditAction.VIEW)
    before = views.count()
    response = _browser("bob", practice).get(reverse("sessions:edit", args=[practice.session.pk]))
    assert response.status_code == 404 and views.count() == before
