"""Caseload and client pages, client/goal/task writes, scoping, transfer, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from clients.models import Client, Goal, Task, TaskStatus
from clients.services import client_transfer
from conftest import Practice
from sessions.models import Session
from tests.factories import ClientFactory, SessionFactory, UserFactory, WaiSrFactory
from tests.test_url_access import _browser


def test_each_role_sees_its_own_scope_on_the_caseload(practice: Practice) -> None:
    def names(role: str) -> str:
        return _browser(role, practice).get(reverse("clients:caseload")).content.decode()

    assert "QC-0001" in names("alice") and "QC-0002" not in names("alice")
    assert "QC-0002" in names("bob") and "QC-0001" not in names("bob")
    assert "QC-0001" in names("sam") and "QC-0002" not in names("sam")
    assert "QC-0001" in names("ada") and "QC-0002" in names("ada")


def test_visible_to_is_empty_for_inactive_users(practice: Practice) -> None:
    assert not Client.objects.visible_to(practice.dee).exists()


def test_caseload_filters_by_status_and_searches_name_or_code(practice: Practice) -> None:
    ClientFactory(
        therapist=practice.alice, display_name="Zoé Paused", code="QC-0099", status="paused"
    )
    browser = _browser("alice", practice)
    assert "Zoé Paused" not in browser.get(reverse("clients:caseload")).content.decode()
    assert (
        "Zoé Paused"
        in browser.get(reverse("clients:caseload"), {"status": "paused"}).content.decode()
    )
    found = browser.get(reverse("clients:caseload"), {"q": "0099", "status": "all"})
    assert "Zoé Paused" in found.content.decode() and "Camille" not in found.content.decode()
    assert browser.get(reverse("clients:caseload"), {"status": "bogus"}).status_code == 200


def test_therapist_opens_a_client_file(practice: Practice) -> None:
    response = _browser("alice", practice).post(
        reverse("clients:create"),
        {
            "display_name": "  Jean   Dupuis ",
            "code": "qc-0100",
            "start_date": "2026-03-01",
            "status": "active",
            "usual_duration_minutes": 50,
        },
    )
    client = Client.objects.get(code="QC-0100")
    assert response.status_code == 302 and client.therapist == practice.alice
    assert client.display_name == "Jean Dupuis"


def test_duplicate_code_is_refused_with_the_form_kept(practice: Practice) -> None:
    response = _browser("alice", practice).post(
        reverse("clients:create"),
        {
            "display_name": "Autre Personne",
            "code": "QC-0002",
            "start_date": "2026-03-01",
            "status": "active",
            "usual_duration_minutes": 50,
        },
    )
    assert response.status_code == 200 and "code" in response.context["form"].errors
    assert "Autre Personne" in response.content.decode()


def test_goal_and_task_lifecycle(practice: Practice) -> None:
    browser = _browser("alice", practice)
    browser.post(
        reverse("clients:goal_create", args=[practice.client.pk]),
        {
            "wording": "Reprendre la natation",
            "proposed_by": "client",
            "priority": "high",
            "difficulty": "about_right",
            "status": "active",
        },
    )
    goal = Goal.objects.get(wording="Reprendre la natation")
    assert goal.order == practice.goal.order + 1
    browser.post(
        reverse("clients:task_create", args=[goal.pk]),
        {
            "description": "Aller à la piscine une fois",
            "status": "pending",
        },
    )
    task = Task.objects.get(goal=goal)
    response = browser.post(
        reverse("clients:task_edit", args=[task.pk]),
        {
            "description": task.description,
            "status": "not_done",
            "reason_not_done": "Piscine fermée",
            "version": task.version,
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == TaskStatus.NOT_DONE and task.version == 2


def test_a_reason_for_a_done_task_is_refused(practice: Practice) -> None:
    response = _browser("alice", practice).post(
        reverse("clients:task_edit", args=[practice.task.pk]),
        {
            "description": "x",
            "status": "done",
            "reason_not_done": "?",
            "version": practice.task.version,
        },
    )
    assert response.status_code == 200 and "reason_not_done" in response.context["form"].errors
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.filter(pk=practice.task.pk).update(status="done", reason_not_done="?")


def test_stale_goal_edit_answers_409_and_overwrites_nothing(practice: Practice) -> None:
    url = reverse("clients:goal_edit", args=[practice.goal.pk])
    data = {
        "wording": "Version A",
        "proposed_by": "client",
        "priority": "high",
        "difficulty": "about_right",
        "status": "active",
        "version": 1,
    }
    assert _browser("alice", practice).post(url, data).status_code == 302
    response = _browser("alice", practice).post(url, data | {"wording": "Version B"})
    assert response.status_code == 409
    practice.goal.refresh_from_db()
    assert practice.goal.wording == "Version A"


def test_transfer_keeps_all_history(practice: Practice) -> None:
    carol = UserFactory(username="carol")
    client_transfer(client=practice.client, to_therapist=carol, actor=practice.ada)
    practice.client.refresh_from_db()
    assert practice.client.therapist == carol
    session = Session.objects.get(pk=practice.session.pk)
    assert session.client == practice.client and session.therapist == practice.alice
    assert list(practice.client.goals.all()) == [practice.goal]
    assert not Client.objects.visible_to(practice.alice).filter(pk=practice.client.pk).exists()
    assert not Client.objects.visible_to(practice.sam).filter(pk=practice.client.pk).exists()
    assert Client.objects.visible_to(carol).filter(pk=practice.client.pk).exists()


def test_transfer_to_a_supervisor_is_refused(practice: Practice) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        client_transfer(client=practice.client, to_therapist=practice.sam, actor=practice.ada)


def test_admin_transfers_a_client_in_the_admin(practice: Practice) -> None:
    carol = UserFactory(username="carol")
    response = _browser("ada", practice).post(
        f"/admin/clients/client/{practice.client.pk}/change/", {"therapist": carol.pk}
    )
    assert response.status_code == 302
    practice.client.refresh_from_db()
    assert practice.client.therapist == carol


def _grow_caseload(therapist: object, clients: int, sessions: int) -> Client:
    """Add clients with sessions (each with a WAI-SR) to a caseload; return the last client."""
    client = None
    for _ in range(clients):
        client = ClientFactory(therapist=therapist)
        for k in range(sessions):
            WaiSrFactory(
                session=SessionFactory(
                    client=client, starts_at=timezone.now() - dt.timedelta(days=k + 1)
                )
            )
    assert client is not None
    return client


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize("viewer", ["alice", "sam", "ada"])
def test_caseload_costs_a_fixed_number_of_queries(
    practice: Practice, size: int, viewer: str, django_assert_num_queries: object
) -> None:
    _grow_caseload(practice.alice, size, 3)
    browser = _browser(viewer, practice)
    # login session, user, clients with their figures (and therapist, for a supervisor or
    # an admin), sparkline series
    with django_assert_num_queries(4):  # type: ignore[operator]
        response = browser.get(reverse("clients:caseload"))
    assert response.status_code == 200
    page = response.content.decode()
    assert practice.client.display_name in page
    if viewer != "alice":
        assert f"<td>{practice.alice.get_full_name()}</td>" in page


@pytest.mark.parametrize("sessions", [1, 15])
def test_client_page_costs_a_fixed_number_of_queries(
    practice: Practice, sessions: int, django_assert_num_queries: object
) -> None:
    for k in range(sessions):
        WaiSrFactory(
            session=SessionFactory(
                client=practice.client, starts_at=timezone.now() - dt.timedelta(days=k + 1)
            )
        )
    browser = _browser("alice", practice)
    # login session, user, client, audit insert, goals, tasks, rupture flags, the session
    # figures (chart, page count, "repaired in" choices, scan pending), supervision
    # comments, the sessions page
    with django_assert_num_queries(10):  # type: ignore[operator]
        response = browser.get(reverse("clients:detail", args=[practice.client.pk]))
    assert response.status_code == 200


def test_supervisor_role_user_has_no_caseload_writes(practice: Practice) -> None:
    assert practice.sam.role == Role.SUPERVISOR
    assert not Client.objects.editable_by(practice.sam).exists()
