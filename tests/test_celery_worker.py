"""A real Celery worker, against Redis and the PostgreSQL test database."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session as DjangoSession
from django.db import connection
from django.utils import timezone

from accounts.tasks import clear_expired_sessions
from conftest import services_required

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parent.parent


def _unavailable() -> str | None:
    if not settings.REDIS_URL:
        return "REDIS_URL is not set"
    if connection.vendor != "postgresql":
        return "the worker needs a shared database (set DATABASE_URL to PostgreSQL)"
    return None


@pytest.fixture
def worker_queue() -> Iterator[str]:
    """Start a Celery worker on a queue of its own; stop it afterwards."""
    reason = _unavailable()
    if reason:
        if services_required():
            pytest.fail(f"CI requires a real Celery worker, but {reason}.")
        pytest.skip(f"Real-worker test skipped: {reason}.")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
    }
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "alliance",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-Q",
            f"{queue},celery",  # its own queue, and the default one the app enqueues to
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        yield queue
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_worker_clears_expired_sessions(worker_queue: str) -> None:
    past = timezone.now() - dt.timedelta(days=1)
    DjangoSession.objects.create(session_key="e" * 32, session_data="x", expire_date=past)
    DjangoSession.objects.create(
        session_key="f" * 32, session_data="x", expire_date=timezone.now() + dt.timedelta(days=1)
    )
    result = clear_expired_sessions.apply_async(queue=worker_queue)
    assert result.get(timeout=60) == 1
    assert list(DjangoSession.objects.values_list("session_key", flat=True)) == ["f" * 32]


def test_tasks_survive_a_lost_worker_by_configuration() -> None:
    from alliance.celery import app

    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1


def test_saving_a_session_has_the_worker_flag_its_rupture(worker_queue: str) -> None:
    import time

    from django.utils import timezone as tz

    from ruptures.models import RuptureFlag
    from sessions.services import session_create
    from tests.factories import ClientFactory, UserFactory

    therapist = UserFactory(username="worker-therapist")
    client = ClientFactory(therapist=therapist)
    session = session_create(
        client=client,
        actor=therapist,
        data={
            "starts_at": tz.now() - dt.timedelta(hours=1),
            "duration_minutes": 50,
            "attendance": "attended",
            "goals_rating": 3,
            "tasks_rating": 3,
            "bond_rating": 3,
            "notes": "Il a changé de sujet dès qu'on a parlé de son père.",
        },
    )
    # Enqueued on commit to Redis; the worker process reads the note and writes the flag.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if RuptureFlag.objects.filter(session=session, marker="avoidance").exists():
            break
        time.sleep(0.2)
    assert RuptureFlag.objects.filter(session=session, marker="avoidance").exists()
