"""No control character is stored from a form (audit finding 5).

A vertical tab, a form feed or \\x01 inside a name or a dismissal reason used to pass the
forms (which strip only the ends), then made every identified XLSX export fail and printed
the clinical value in the worker's log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from alliance.text import normalise
from conftest import Practice
from exports import services as export_services
from exports.models import Status
from exports.writers import write_xlsx
from ruptures.models import RuptureFlag
from sessions.models import Session
from tests.test_url_access import _browser

HOSTILE = ["Ro\x0bger", "Ro\x0cger", "Ro\x01ger", "Ro\x1bger", "Ro\x7fger", "Ro\x85ger"]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_control_character_in_a_name_is_never_stored_and_exports_still_work(
    practice: Practice, name: str, django_capture_on_commit_callbacks: Any
) -> None:
    from openpyxl import load_workbook

    client = practice.client
    response = _browser("alice", practice).post(
        reverse("clients:edit", args=[client.pk]),
        {
            "display_name": name,
            "code": client.code,
            "status": client.status,
            "usual_duration_minutes": 50,
            "start_date": client.start_date.isoformat(),
            "context": "Suivi\x0bpour anxiété",
            "version": client.version,
        },
    )
    assert response.status_code == 302
    client.refresh_from_db()
    assert client.display_name in {"Ro ger", "Roger"}
    assert client.context == "Suivi pour anxiété"
    with django_capture_on_commit_callbacks(execute=True):
        job, _ = export_services.export_request(
            user=practice.ada,
            data={
                "period_start": None,
                "period_end": None,
                "therapist_ids": [],
                "content": "summary",
                "format": "xlsx",
                "deidentify": False,
                "include_notes": False,
            },
        )
    job.refresh_from_db()
    assert job.status == Status.DONE, job.error
    names = [c.value for c in load_workbook(export_services.file_path(job)).active["A"]]
    assert client.display_name in names


def test_a_dismissal_reason_and_a_note_lose_their_control_characters(
    practice: Practice,
) -> None:
    flag = practice.flag
    response = _browser("alice", practice).post(
        reverse("ruptures:dismiss", args=[flag.pk]),
        {"version": flag.version, "reason": "Pas\x0cune rupture\x01, elle\x0bplaisantait"},
    )
    assert response.status_code == 302
    flag = RuptureFlag.objects.get(pk=flag.pk)
    assert flag.dismissed_reason == "Pas une rupture, elle plaisantait"
    session = Session.objects.get(pk=practice.session.pk)
    response = _browser("alice", practice).post(
        reverse("sessions:edit", args=[session.pk]),
        {
            "starts_at": session.starts_at.strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": 50,
            "modality": "in_person",
            "attendance": "attended",
            "notes": "Ligne 1\x07\r\nLigne\t2",
            "goals_rating": 4,
            "tasks_rating": 4,
            "bond_rating": 4,
            "version": session.version,
        },
    )
    assert response.status_code in {200, 302}
    session.refresh_from_db()
    assert session.notes == "Ligne 1\nLigne\t2"


def test_text_stored_before_the_fix_still_exports_to_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    assert write_xlsx(path, ["name"], iter([["Ro\x0bger\x01"]]), lambda n: None) == 1


def test_the_normaliser_keeps_lines_only_where_the_field_allows_them() -> None:
    assert normalise(" a\x0bb\n c\u2028d \x00") == "a b c d"
    assert normalise("a\r\nb\tc\x0c", multiline=True) == "a\nb\tc"
