"""Shared fixtures: one practice with every role (alice, bob, their supervisors, an admin)."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from accounts.models import Role, User
from clients.models import Client, Goal, Task
from exports.models import ExportJob
from ruptures.models import RuptureFlag
from sessions.models import Session
from supervision.models import Comment
from tests.factories import (
    ClientFactory,
    GoalFactory,
    SessionFactory,
    SupervisionFactory,
    TaskFactory,
    UserFactory,
    WaiSrFactory,
)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    # Argon2 is the production hasher (tested on its own); tests hash many passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@dataclass
class Practice:
    alice: User  # therapist A, owner of the records
    bob: User  # therapist B, a colleague
    sam: User  # supervisor of alice
    sue: User  # supervisor of bob only
    ada: User  # administrator
    dee: User  # deactivated therapist
    client: Client  # alice's client
    goal: Goal
    task: Task
    session: Session
    bobs_client: Client
    flag: RuptureFlag
    comment: Comment
    job: ExportJob


@pytest.fixture
def practice(db: None) -> Practice:
    alice = UserFactory(username="alice", first_name="Alice", last_name="Tremblay")
    bob = UserFactory(username="bob", first_name="Bob", last_name="Martin")
    sam = UserFactory(username="sam", role=Role.SUPERVISOR)
    sue = UserFactory(username="sue", role=Role.SUPERVISOR)
    ada = UserFactory(username="ada", role=Role.ADMIN)
    dee = UserFactory(username="dee", is_active=False)
    SupervisionFactory(supervisor=sam, therapist=alice)
    SupervisionFactory(supervisor=sue, therapist=bob)
    client = ClientFactory(therapist=alice, display_name="Camille Roy", code="QC-0001")
    goal = GoalFactory(client=client)
    session = SessionFactory(client=client)
    WaiSrFactory(session=session)
    task = TaskFactory(goal=goal, agreed_in_session=session)
    return Practice(
        alice=alice,
        bob=bob,
        sam=sam,
        sue=sue,
        ada=ada,
        dee=dee,
        client=client,
        goal=goal,
        task=task,
        session=session,
        bobs_client=ClientFactory(therapist=bob, code="QC-0002"),
        flag=RuptureFlag.objects.create(
            session=session,
            client=client,
            source="note",
            marker="avoidance",
            evidence={"spans": [[2, 8]]},
            confidence=0.9,
        ),
        comment=Comment.objects.create(client=client, author=sam, body="Comment va le lien ?"),
        job=ExportJob.objects.create(
            requested_by=sam,
            content="sessions",
            format="csv",
            fingerprint="fixture",
            status="failed",
        ),
    )


def services_required() -> bool:
    """Tell whether a missing service must fail the run (CI) rather than skip a test."""
    return os.environ.get("ALLIANCE_REQUIRE_SERVICES", "") == "1"


@pytest.fixture(autouse=True)
def _eager_tasks_unless_real_worker(request: pytest.FixtureRequest) -> object:
    """Run Celery tasks in-process, except in tests that start a real worker."""
    from alliance.celery import app

    if request.node.get_closest_marker("services"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True, scope="session")
def _quiet_library_logs() -> None:
    import logging

    logging.getLogger("axes").setLevel(logging.WARNING)


@pytest.fixture(autouse=True)
def _audit_triggers_around_flush(request: pytest.FixtureRequest) -> object:
    """Keep the audit table append-only in every test, and let pytest-django's flush through.

    After a transactional test the flush empties tables with DELETE on SQLite (PostgreSQL
    uses TRUNCATE, which row triggers do not see); the triggers step aside for that flush only.
    """
    marker = request.node.get_closest_marker("django_db")
    uses_db = marker is not None or any(
        name in request.fixturenames for name in ("db", "transactional_db", "practice")
    )
    if not uses_db:
        yield
        return
    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    import importlib

    triggers = importlib.import_module("audit.migrations.0002_append_only_trigger")
    transactional = "transactional_db" in request.fixturenames or bool(
        marker and marker.kwargs.get("transaction")
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    with connection.cursor() as cursor:
        for sql in triggers.SQLITE_UP:
            cursor.execute(sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS"))
    yield
    if transactional:
        with connection.cursor() as cursor:
            for sql in triggers.SQLITE_DOWN:
                cursor.execute(sql)
