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
from django.utils.timezone import now as tz_now

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


def _start_worker(queue: str, **extra_env: str) -> subprocess.Popen[bytes]:
    """Start a Celery worker on a queue of its own and the default one."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "EXPORT_ROOT": str(settings.EXPORT_ROOT),
        **extra_env,
    }
    return subprocess.Popen(  # noqa: S603
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
            f"{queue},celery",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
    )


@pytest.fixture
def worker_queue() -> Iterator[str]:
    """Start a Celery worker on a queue of its own; stop it afterwards."""
    reason = _unavailable()
    if reason:
        if services_required():
            pytest.fail(f"CI requires a real Celery worker, but {reason}.")
        pytest.skip(f"Real-worker test skipped: {reason}.")
    queue = f"test-{uuid.uuid4().hex[:8]}"
    process = _start_worker(queue)
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


def _wait_for(predicate: object, seconds: float = 60) -> None:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def export_root(settings: object, tmp_path: Path) -> Path:
    settings.EXPORT_ROOT = tmp_path / "exports"  # type: ignore[attr-defined]
    return tmp_path / "exports"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_the_worker_produces_each_export_format(
    export_root: Path, worker_queue: str, fmt: str
) -> None:
    from exports.models import ExportJob, Status
    from exports.services import export_request, file_path
    from tests.factories import ClientFactory, SessionFactory, UserFactory

    admin = UserFactory(username=f"admin-{fmt}", role="admin")
    client = ClientFactory(therapist=UserFactory(username=f"t-{fmt}"), display_name="Lou")
    SessionFactory(client=client, starts_at=tz_now() - dt.timedelta(days=3))
    job, _created = export_request(
        user=admin,
        data={
            "period_start": None,
            "period_end": None,
            "content": "sessions",
            "format": fmt,
            "therapist_ids": [],
            "deidentify": False,
            "include_notes": False,
        },
    )
    _wait_for(lambda: ExportJob.objects.get(pk=job.pk).status == Status.DONE)
    job.refresh_from_db()
    content = file_path(job).read_bytes()
    assert job.row_count == 1
    assert {"csv": b"client,", "xlsx": b"PK", "pdf": b"%PDF"}[fmt] == content[
        : len({"csv": b"client,", "xlsx": b"PK", "pdf": b"%PDF"}[fmt])
    ]


def test_an_export_survives_a_worker_killed_mid_run(export_root: Path) -> None:
    import signal

    from exports.models import ExportJob, Status
    from exports.services import export_request, file_path
    from sessions.models import Session
    from tests.factories import ClientFactory, UserFactory

    reason = _unavailable()
    if reason:
        if services_required():
            pytest.fail(f"CI requires a real Celery worker, but {reason}.")
        pytest.skip(f"Real-worker test skipped: {reason}.")
    admin = UserFactory(username="admin-kill", role="admin")
    therapist = UserFactory(username="t-kill")
    client = ClientFactory(therapist=therapist)
    start = tz_now() - dt.timedelta(days=200)
    Session.objects.bulk_create(
        Session(
            client=client,
            therapist=therapist,
            duration_minutes=50,
            starts_at=start + dt.timedelta(hours=i),
            attendance="no_show",
        )
        for i in range(300)
    )
    queue = f"test-{uuid.uuid4().hex[:8]}"
    slow = {
        "EXPORT_TEST_DELAY_MS": "1000",
        "EXPORT_PROGRESS_EVERY": "50",
        "CELERY_VISIBILITY_TIMEOUT": "3",
    }
    first = _start_worker(queue, **slow)
    second = None
    try:
        job, _created = export_request(
            user=admin,
            data={
                "period_start": None,
                "period_end": None,
                "content": "sessions",
                "format": "csv",
                "therapist_ids": [],
                "deidentify": False,
                "include_notes": False,
            },
        )
        _wait_for(lambda: ExportJob.objects.get(pk=job.pk).progress > 0, 60)
        first.send_signal(signal.SIGKILL)  # the worker dies mid-export, unacknowledged
        first.wait(timeout=30)
        assert ExportJob.objects.get(pk=job.pk).status == Status.RUNNING
        second = _start_worker(
            queue,
            CELERY_VISIBILITY_TIMEOUT="3",
            CELERY_RESTORE_INTERVAL="1",
            CELERY_RESTORE_THROTTLE="1",
        )
        _wait_for(lambda: ExportJob.objects.get(pk=job.pk).status == Status.DONE, 90)
        job.refresh_from_db()
        assert job.row_count == 300 and job.attempts == 2
        assert len(file_path(job).read_text().splitlines()) == 301
        assert not list(export_root.glob("*.part"))
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
