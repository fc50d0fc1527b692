"""Rupture flags: created after a save, re-scans, the workflow, repair plans, precision."""

from __future__ import annotations

import datetime as dt
import html
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from conftest import Practice
from ruptures import selectors, services
from ruptures.models import FlagStatus, RepairPlan, RuptureFlag, Source
from sessions.models import Session
from sessions.services import session_update
from tests.factories import SessionFactory
from tests.test_url_access import _browser

HX = {"HTTP_HX_REQUEST": "true"}
RUPTURE_NOTE = (
    "Elle a changé de sujet dès qu'on a parlé de sa mère. "
    "Réponses monosyllabiques, aucune réaction à mon reflet."
)
# The evidence shown is the clause that carried the decision.
EVIDENCE = ">Elle a changé de sujet dès qu'on a parlé de sa mère.</mark>"


def _log(practice: Practice, notes: str, capture: Any) -> Any:
    data = {
        "starts_at": (timezone.localtime() - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": 50,
        "modality": "in_person",
        "attendance": "attended",
        "notes": notes,
        "goals_rating": 4,
        "tasks_rating": 4,
        "bond_rating": 4,
    }
    with capture(execute=True):
        return _browser("alice", practice).post(
            reverse("sessions:create", args=[practice.client.pk]), data, **HX
        )


def test_logging_a_rupture_note_flags_it_with_highlighted_evidence(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    _log(practice, RUPTURE_NOTE, django_capture_on_commit_callbacks)
    session = Session.objects.filter(client=practice.client).latest("created_at")
    flags = RuptureFlag.objects.filter(session=session, source=Source.NOTE)
    assert sorted(f.marker for f in flags) == ["avoidance", "non_response"]
    assert (
        session.ruptures_scanned_at is not None
        or Session.objects.get(pk=session.pk).ruptures_scanned_at is not None
    )
    page = _browser("alice", practice).get(reverse("clients:detail", args=[practice.client.pk]))
    text = html.unescape(page.content.decode())
    assert '<mark class="rupture-evidence"' in text and EVIDENCE in text
    assert "Manœuvres d'évitement" in text or "Avoidance manoeuvres" in text


@pytest.mark.parametrize("limit", [selectors.FLAG_LIMIT, 0])
def test_evidence_is_highlighted_whether_or_not_every_flag_was_read(
    practice: Practice,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
    limit: int,
) -> None:
    # The page reads the client's flags once; past FLAG_LIMIT it asks for the page's own.
    _log(practice, RUPTURE_NOTE, django_capture_on_commit_callbacks)
    monkeypatch.setattr(selectors, "FLAG_LIMIT", limit)
    page = _browser("alice", practice).get(reverse("clients:detail", args=[practice.client.pk]))
    assert EVIDENCE in html.unescape(page.content.decode())


def test_the_inline_save_answer_already_shows_the_new_flag(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    response = _log(practice, RUPTURE_NOTE, django_capture_on_commit_callbacks)
    # The scan runs on commit (eagerly here): the refreshed panel in the same answer has it.
    assert 'id="ruptures-panel"' in response.content.decode()
    assert RuptureFlag.objects.filter(client=practice.client, marker="non_response").exists()


def test_a_rescan_never_duplicates_and_never_reopens(practice: Practice) -> None:
    session = SessionFactory(client=practice.client, notes=RUPTURE_NOTE)
    services.rupture_scan_session(session_id=session.pk)
    services.rupture_scan_session(session_id=session.pk)
    assert RuptureFlag.objects.filter(session=session).count() == 2
    flag = RuptureFlag.objects.get(session=session, marker="avoidance")
    services.flag_dismiss(
        flag=flag,
        actor=practice.alice,
        expected_version=flag.version,
        reason="Elle changeait de sujet pour me raconter une bonne nouvelle.",
    )
    out = StringIO()
    call_command("rescan_ruptures", stdout=out)
    flag.refresh_from_db()
    assert flag.status == FlagStatus.DISMISSED
    assert RuptureFlag.objects.filter(session=session).count() == 2
    assert "0 flags created" in out.getvalue()


def test_editing_the_note_withdraws_untouched_flags_and_keeps_worked_ones(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    session = SessionFactory(client=practice.client, notes=RUPTURE_NOTE)
    services.rupture_scan_session(session_id=session.pk)
    worked = RuptureFlag.objects.get(session=session, marker="non_response")
    services.flag_acknowledge(flag=worked, actor=practice.alice, expected_version=worked.version)
    with django_capture_on_commit_callbacks(execute=True):
        session_update(
            session=session,
            actor=practice.alice,
            expected_version=session.version,
            data={"notes": "Séance calme, bonne collaboration."},
            wai=None,
        )
    assert not RuptureFlag.objects.filter(session=session, marker="avoidance").exists()
    worked.refresh_from_db()
    assert worked.status == FlagStatus.ACKNOWLEDGED and worked.evidence["stale"] is True


def test_repeated_absences_raise_a_session_data_flag(practice: Practice) -> None:
    start = timezone.now() - dt.timedelta(days=40)
    last = None
    for i, attendance in enumerate(["attended", "no_show", "cancelled_late", "no_show"]):
        rated = attendance == "attended"
        last = SessionFactory(
            client=practice.client,
            attendance=attendance,
            notes="",
            starts_at=start + dt.timedelta(days=7 * i),
            goals_rating=4 if rated else None,
            tasks_rating=4 if rated else None,
            bond_rating=4 if rated else None,
        )
    assert last is not None
    services.rupture_scan_session(session_id=last.pk)
    flag = RuptureFlag.objects.get(session=last)
    assert (flag.source, flag.signal, flag.marker) == (
        "session_data",
        "repeated_absences",
        "avoidance",
    )
    page = _browser("alice", practice).get(reverse("clients:detail", args=[practice.client.pk]))
    assert "planned sessions were missed" in page.content.decode() or (
        "séances prévues" in page.content.decode()
    )


def test_workflow_steps_and_their_limits(practice: Practice) -> None:
    flag = practice.flag
    browser = _browser("alice", practice)
    response = browser.post(
        reverse("ruptures:acknowledge", args=[flag.pk]), {"version": flag.version}, **HX
    )
    assert 'id="ruptures-panel"' in response.content.decode()
    flag.refresh_from_db()
    assert flag.status == FlagStatus.ACKNOWLEDGED
    # A second click from the same (now stale) page changes nothing and says so.
    stale = browser.post(reverse("ruptures:acknowledge", args=[flag.pk]), {"version": 1}, **HX)
    assert stale.status_code == 409
    no_reason = browser.post(
        reverse("ruptures:dismiss", args=[flag.pk]), {"version": flag.version, "reason": ""}, **HX
    )
    assert "errorlist" in no_reason.content.decode() or 'role="alert"' in (
        no_reason.content.decode()
    )
    flag.refresh_from_db()
    assert flag.status == FlagStatus.ACKNOWLEDGED
    browser.post(
        reverse("ruptures:repaired", args=[flag.pk]),
        {"version": flag.version, "session": practice.session.pk},
        **HX,
    )
    flag.refresh_from_db()
    assert flag.status == FlagStatus.REPAIRED and flag.repaired_in_session == practice.session
    with pytest.raises(ValidationError):
        services.flag_dismiss(
            flag=flag, actor=practice.alice, expected_version=flag.version, reason="trop tard"
        )


def test_repaired_must_be_a_session_of_this_client_not_before_the_flag(
    practice: Practice,
) -> None:
    earlier = SessionFactory(
        client=practice.client, starts_at=practice.session.starts_at - dt.timedelta(days=14)
    )
    with pytest.raises(ValidationError):
        services.flag_mark_repaired(
            flag=practice.flag,
            actor=practice.alice,
            expected_version=practice.flag.version,
            session=earlier,
        )


def test_repair_plan_with_guidance_and_the_empathy_sentence_for_next_time(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    browser = _browser("alice", practice)
    url = reverse("ruptures:repair_plan", args=[practice.flag.pk])
    page = browser.get(url).content.decode()
    assert "data-empathy-composer" in page and "data-empathy-preview" in page
    english = _browser("alice", practice)
    english.cookies["django_language"] = "en"
    assert "Taking my share of responsibility" in english.get(url).content.decode()
    assert "Prendre ma part de responsabilit" in page or "responsabilit" in page
    response = browser.post(
        url,
        {
            "cause": "tasks",
            "responsibility": "J'ai poussé l'exposition trop vite.",
            "exploration": "",
            "adjustment": "Découper la tâche.",
            "empathy_emotion": "préoccupée",
            "empathy_reflection": "j'ai l'impression que tu t'es sentie bousculée",
            "empathy_confirmation": "Est-ce que c'est bien ça ?",
        },
    )
    assert response.status_code == 302
    plan = RepairPlan.objects.get(flag=practice.flag)
    assert plan.responsibility.startswith("J'ai poussé")
    practice.flag.refresh_from_db()
    assert practice.flag.status == FlagStatus.REPAIR_PLANNED
    sentence = (
        "Je me sens préoccupée ; j'ai l'impression que tu t'es sentie bousculée. "
        "Est-ce que c'est bien ça ?"
    )
    logger = browser.get(reverse("sessions:create", args=[practice.client.pk]), **HX)
    assert sentence in html.unescape(logger.content.decode())
    # The fresh form after a save takes it from the flags the answer read already.
    saved = html.unescape(
        _log(practice, "Séance calme.", django_capture_on_commit_callbacks).content.decode()
    )
    assert "Séance enregistrée." in saved or "Session saved." in saved
    assert sentence in saved


def test_repair_plan_text_is_encrypted_at_rest(practice: Practice) -> None:
    from django.db import connection

    services.repair_plan_save(
        flag=practice.flag,
        actor=practice.alice,
        expected_version=None,
        data={"cause": "bond", "responsibility": "Texte sensible"},
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT responsibility FROM ruptures_repairplan")
        assert "Texte sensible" not in cursor.fetchone()[0]


def test_caseload_counts_open_flags(practice: Practice) -> None:
    html_page = _browser("alice", practice).get(reverse("clients:caseload")).content.decode()
    assert f'href="{reverse("clients:detail", args=[practice.client.pk])}#ruptures-panel">1<' in (
        html_page
    )


def test_admin_sees_the_detectors_precision(practice: Practice) -> None:
    services.flag_dismiss(
        flag=practice.flag,
        actor=practice.alice,
        expected_version=practice.flag.version,
        reason="Pas une rupture",
    )
    page = html.unescape(
        _browser("ada", practice).get(reverse("ruptures:precision")).content.decode()
    )
    assert ("Manœuvres d'évitement" in page or "Avoidance manoeuvres" in page) and "0 %" in page
