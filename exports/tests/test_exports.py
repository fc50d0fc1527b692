"""Exports: scope, formats, safety, de-identification, files, data-subject requests."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from clients.models import Client
from clients.services import client_erase
from conftest import Practice
from exports import services
from exports.models import ExportJob, Status
from exports.writers import neutralise, write_csv, write_xlsx
from sessions.models import Session
from tests.factories import SessionFactory
from tests.test_url_access import _browser

TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _private_export_root(settings: Any, tmp_path: Path) -> None:
    settings.EXPORT_ROOT = tmp_path / "exports"


def _data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "period_start": TODAY - dt.timedelta(days=60),
        "period_end": TODAY,
        "content": "sessions",
        "format": "csv",
        "therapist_ids": [],
        "deidentify": False,
        "include_notes": False,
    }
    data.update(overrides)
    return data


def _run(user: Any, capture: Any, **overrides: Any) -> ExportJob:
    with capture(execute=True):
        job, _created = services.export_request(user=user, data=_data(**overrides))
    job.refresh_from_db()
    assert job.status == Status.DONE, job.error
    return job


def _file(job: ExportJob) -> Path:
    return services.file_path(job)


def test_neutralise_the_six_dangerous_prefixes() -> None:
    for value in ("=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(value) == "'" + value
    assert neutralise("Camille") == "Camille" and neutralise(-2) == -2


def test_csv_follows_rfc_4180_and_round_trips(tmp_path: Path) -> None:
    rows = [["a,b", 'il a dit "non"', "ligne\nsuivante", '=HYPERLINK("x")', None, 4]]
    path = tmp_path / "x.csv"
    assert write_csv(path, ["h1", "h2", "h3", "h4", "h5", "h6"], iter(rows), lambda n: None) == 1
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == 2 and b'"il a dit ""non"""' in raw
    back = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert back[1] == ["a,b", 'il a dit "non"', "ligne\nsuivante", '\'=HYPERLINK("x")', "", "4"]


def test_xlsx_keeps_dangerous_text_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "x.xlsx"
    write_xlsx(path, ["h"], iter([["=1+1"], ["@cmd"], [3]]), lambda n: None)
    sheet = load_workbook(path).active
    assert [c.value for c in sheet["A"]] == ["h", "'=1+1", "'@cmd", 3]
    assert sheet["A2"].data_type == "s"


def test_supervisor_exports_only_supervised_caseloads(practice: Practice) -> None:
    with pytest.raises(ValidationError, match="supervise"):
        services.export_request(user=practice.sam, data=_data(therapist_ids=[practice.bob.pk]))
    with pytest.raises(ValidationError):
        services.export_request(user=practice.sam, data=_data(content="audit"))
    with pytest.raises(ValidationError):
        services.export_request(user=practice.sam, data=_data(include_notes=True))
    with pytest.raises(PermissionDenied):
        services.export_request(user=practice.alice, data=_data())
    with pytest.raises(ValidationError):
        services.export_request(
            user=practice.ada,
            data=_data(period_start=TODAY, period_end=TODAY - dt.timedelta(days=1)),
        )


def test_a_second_click_finds_the_export_under_way(practice: Practice) -> None:
    first, created = services.export_request(user=practice.ada, data=_data())
    again, created_again = services.export_request(user=practice.ada, data=_data())
    assert created and not created_again and first.pk == again.pk
    assert ExportJob.objects.filter(requested_by=practice.ada).count() == 1


def test_csv_export_of_sessions_is_scoped_and_audited(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    SessionFactory(client=practice.bobs_client)
    job = _run(practice.sam, django_capture_on_commit_callbacks)
    lines = list(csv.reader(_file(job).read_text(encoding="utf-8").splitlines()))
    assert lines[0][:3] == ["client", "client_code", "therapist"]
    assert [row[1] for row in lines[1:]] == ["QC-0001"]  # only alice's client, for sam
    assert "notes" not in lines[0]
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT, object_id=str(job.pk))
    assert entry.actor == practice.sam and entry.details["rows"] == 1
    assert entry.details["format"] == "csv" and entry.details["content"] == "sessions"


def test_deidentified_export_has_stable_pseudonyms_and_no_free_text(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    first = _run(practice.ada, django_capture_on_commit_callbacks, deidentify=True, content="flags")
    text = _file(first).read_text(encoding="utf-8")
    assert "Camille" not in text and "QC-0001" not in text and "dismissed_reason" not in text
    pseudonym = list(csv.reader(text.splitlines()))[1][0]
    assert pseudonym.startswith("C-")
    second = _run(
        practice.ada, django_capture_on_commit_callbacks, deidentify=True, content="summary"
    )
    assert pseudonym in _file(second).read_text(encoding="utf-8")


def test_notes_only_when_an_admin_asks(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    job = _run(practice.ada, django_capture_on_commit_callbacks, include_notes=True)
    assert "L'usager parle de son travail" in _file(job).read_text(encoding="utf-8")


def test_xlsx_and_pdf_exports(practice: Practice, django_capture_on_commit_callbacks: Any) -> None:
    from openpyxl import load_workbook

    xlsx = _run(practice.ada, django_capture_on_commit_callbacks, format="xlsx", content="summary")
    assert "Camille Roy" in [c.value for c in load_workbook(_file(xlsx)).active["A"]]
    pdf = _run(practice.ada, django_capture_on_commit_callbacks, format="pdf", content="flags")
    assert _file(pdf).read_bytes().startswith(b"%PDF")


def test_download_only_for_the_requester_and_not_after_expiry(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    job = _run(practice.sam, django_capture_on_commit_callbacks)
    url = reverse("exports:download", args=[job.pk])
    response = _browser("sam", practice).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"client,")
    assert _browser("ada", practice).get(url).status_code == 404
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - dt.timedelta(hours=1))
    assert services.export_delete_expired() == 1
    assert not _file(job).exists()
    expired = _browser("sam", practice).get(url)
    assert expired.status_code == 302  # back to the export page, with a clear message


def test_cancel_and_retry(practice: Practice, django_capture_on_commit_callbacks: Any) -> None:
    job, _created = services.export_request(user=practice.sam, data=_data())
    services.export_cancel(job=job, user=practice.sam)
    services.export_run(job_id=job.pk)  # a worker picking it up late does nothing
    job.refresh_from_db()
    assert job.status == Status.CANCELLED and not job.file_name
    with django_capture_on_commit_callbacks(execute=True):
        services.export_retry(job=job, user=practice.sam)
    job.refresh_from_db()
    assert job.status == Status.DONE


def test_running_a_finished_export_again_changes_nothing(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    job = _run(practice.ada, django_capture_on_commit_callbacks)
    services.export_run(job_id=job.pk)
    assert ExportJob.objects.get(pk=job.pk).file_name == job.file_name
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, object_id=str(job.pk)).count() == 1


def test_export_page_shows_progress_and_refuses_bad_input(practice: Practice) -> None:
    browser = _browser("sam", practice)
    page = browser.post(
        reverse("exports:index"),
        {
            "period_start": "2026-05-01",
            "period_end": "2026-01-01",
            "content": "sessions",
            "format": "csv",
            "therapist_ids": [practice.bob.pk],
        },
    )
    assert page.status_code == 200
    assert "errorlist" in page.content.decode()
    assert not ExportJob.objects.filter(requested_by=practice.sam, status="queued").exists()


def test_data_subject_export_holds_everything_about_the_client(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _browser("ada", practice).post(reverse("exports:subject", args=[practice.client.pk]))
    job = ExportJob.objects.get(content="subject")
    job.refresh_from_db()
    assert job.status == Status.DONE, job.error
    with zipfile.ZipFile(_file(job)) as archive:
        data = json.loads(archive.read("client.json"))
        assert archive.read("client.pdf").startswith(b"%PDF")
    assert data["client"]["code"] == "QC-0001"
    assert data["sessions"][0]["notes"].startswith("L'usager")
    assert data["goals"][0]["tasks"] and data["rupture_flags"]
    assert data["supervision_comments"][0]["text"] == "Comment va le lien ?"


def test_erasure_needs_the_code_and_keeps_only_audit_metadata(practice: Practice) -> None:
    client_id = practice.client.pk
    with pytest.raises(ValidationError):
        client_erase(client=practice.client, actor=practice.ada, confirmation="nope")
    page = _browser("ada", practice).post(
        reverse("clients:erase", args=[client_id]), {"confirmation": "qc-0001"}
    )
    assert page.status_code == 302
    assert not Client.objects.filter(pk=client_id).exists()
    assert not Session.objects.filter(client_id=client_id).exists()
    entry = AuditEntry.objects.filter(client_id=client_id, action=AuditAction.DELETE).latest("id")
    assert entry.details["erasure"] is True and "QC-0001" not in json.dumps(entry.details)


def test_audit_viewer_filters_for_admins(practice: Practice) -> None:
    browser = _browser("ada", practice)
    browser.get(reverse("clients:detail", args=[practice.client.pk]))
    page = browser.get(
        reverse("audit:entries"), {"action": "view", "client_id": practice.client.pk}
    )
    html = page.content.decode()
    assert page.status_code == 200 and "ada" in html
    assert browser.get(reverse("audit:entries"), {"client_id": "abc"}).status_code == 200


def test_a_deidentified_audit_export_holds_no_raw_record_id(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    """Audit finding 9: record ids were printed beside the pseudonyms."""
    from audit.models import AuditAction
    from audit.services import audit_record

    audit_record(
        actor=practice.alice,
        action=AuditAction.VIEW,
        obj=practice.client,
        client_id=practice.client.pk,
        details={"repaired_in_session": practice.session.pk},
    )
    audit_record(
        actor=practice.alice,
        action=AuditAction.UPDATE,
        obj=practice.session,
        client_id=practice.client.pk,
    )
    job = _run(practice.ada, django_capture_on_commit_callbacks, deidentify=True, content="audit")
    rows = list(csv.reader(io.StringIO(_file(job).read_text(encoding="utf-8"))))
    header, body = rows[0], rows[1:]
    column = {name: header.index(name) for name in header}
    assert body
    for row in body:
        assert not row[column["record_id"]].isdigit()
        assert not row[column["client_id"]].isdigit()
        assert str(practice.session.pk) not in row[column["details"]].split(", ")
    client_rows = [r for r in body if r[column["record_type"]] == "clients.client"]
    assert (
        client_rows and client_rows[0][column["record_id"]] == client_rows[0][column["client_id"]]
    )


def test_export_files_are_private_and_partial_files_never_outlive_their_job(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    """Audit finding 4 (in part): files were 0644; a cancelled export's .part stayed."""
    import os
    import stat

    job = _run(practice.ada, django_capture_on_commit_callbacks)
    assert stat.S_IMODE(_file(job).stat().st_mode) == 0o600
    root = _file(job).parent
    # A worker killed mid-run: its job says "running", its partial file is on disk.
    running = ExportJob.objects.create(
        requested_by=practice.sam,
        content="sessions",
        format="csv",
        fingerprint="crash",
        status=Status.RUNNING,
    )
    partial = root / f"{running.pk}-deadbeef.csv.part"
    partial.write_text("client,notes\nCamille Roy,texte\n")
    with django_capture_on_commit_callbacks(execute=True):
        services.export_cancel(job=running, user=practice.sam)
    assert not partial.exists()
    # Partial files older than any export are swept with the expired ones.
    old, fresh = root / "999998-x.csv.part", root / "999999-y.csv.part"
    old.write_text("x")
    fresh.write_text("y")
    stale = (timezone.now() - services.PARTIAL_MAX_AGE - dt.timedelta(minutes=1)).timestamp()
    os.utime(old, (stale, stale))
    services.export_delete_expired()
    assert not old.exists() and fresh.exists()
    fresh.unlink()
