"""Practitioners teach the reader: markers it missed, added by hand, and retraining on them."""

from __future__ import annotations

import html
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditAction, AuditEntry
from conftest import Practice
from ruptures import corpus, selectors, services, training
from ruptures.model import from_bytes
from ruptures.models import FlagStatus, RuptureFlag, Source
from sessions.services import session_update
from tests.factories import SessionFactory
from tests.test_url_access import _browser

NOTE = (
    "Séance centrée sur le sommeil. Elle dit qu'elle fera tout ce que je propose, "
    "que c'est moi qui sais. Plan : agenda du sommeil."
)
WORDS = "fera tout ce que je propose,  que c'est MOI qui sais"  # spaces and case as typed


def _add(practice: Practice, session: Any, **data: str) -> Any:
    return _browser("alice", practice).post(reverse("ruptures:add_marker", args=[session.pk]), data)


def test_a_practitioner_adds_a_marker_the_reader_missed(practice: Practice) -> None:
    session = SessionFactory(client=practice.client, notes=NOTE)
    page = _browser("alice", practice).get(reverse("ruptures:add_marker", args=[session.pk]))
    assert page.status_code == 200 and "que c&#x27;est moi qui sais" in page.content.decode()
    assert AuditEntry.objects.filter(
        action=AuditAction.VIEW, object_id=str(session.pk), details__page="add_marker"
    ).exists()

    response = _add(practice, session, marker="compliance", evidence_words=WORDS)
    assert response.status_code == 302
    flag = RuptureFlag.objects.get(session=session, source=Source.PRACTITIONER)
    assert flag.marker == "compliance" and flag.status == FlagStatus.ACKNOWLEDGED
    (a, b), *_ = flag.evidence["spans"]
    assert NOTE[a:b] == "fera tout ce que je propose, que c'est moi qui sais"
    assert "fera tout" not in json.dumps(flag.evidence)  # offsets only, never the note's text
    detail = html.unescape(
        _browser("alice", practice)
        .get(reverse("clients:detail", args=[practice.client.pk]))
        .content.decode()
    )
    assert "Added by the practitioner" in detail or "Ajouté par l'intervenant" in detail


def test_words_not_in_the_note_are_refused_and_kept(practice: Practice) -> None:
    session = SessionFactory(client=practice.client, notes=NOTE)
    response = _add(practice, session, marker="avoidance", evidence_words="a changé de sujet")
    text = html.unescape(response.content.decode())
    assert response.status_code == 200 and "a changé de sujet" in text
    assert "not in the note" in text or "ne sont pas dans la note" in text
    response = _add(practice, session, marker="", evidence_words="")
    assert response.status_code == 200
    assert not RuptureFlag.objects.filter(session=session, source=Source.PRACTITIONER).exists()


def test_a_marker_already_flagged_is_not_added_twice(practice: Practice) -> None:
    session = SessionFactory(client=practice.client, notes=NOTE)
    services.flag_add_missed(
        session=session, actor=practice.alice, marker="compliance", evidence_words="c'est moi"
    )
    with pytest.raises(ValidationError):
        services.flag_add_missed(
            session=session, actor=practice.alice, marker="compliance", evidence_words="fera tout"
        )
    assert RuptureFlag.objects.filter(session=session, marker="compliance").count() == 1


def test_rescans_keep_the_added_marker_and_notice_when_its_words_go(
    practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    session = SessionFactory(client=practice.client, notes=NOTE)
    flag = services.flag_add_missed(
        session=session, actor=practice.alice, marker="compliance", evidence_words=WORDS
    )
    services.rupture_scan_session(session_id=session.pk)
    services.rupture_scan_session(session_id=session.pk)
    # The reader never adds its own flag of a marker the practitioner already added.
    assert list(
        RuptureFlag.objects.filter(session=session, marker="compliance").values_list(
            "source", flat=True
        )
    ) == [Source.PRACTITIONER]
    flag.refresh_from_db()
    assert not flag.evidence.get("stale")
    session.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        session_update(
            session=session,
            actor=practice.alice,
            expected_version=session.version,
            data={"notes": "Séance centrée sur le sommeil."},
            wai=None,
        )
    flag.refresh_from_db()
    assert flag.status == FlagStatus.ACKNOWLEDGED and flag.evidence["stale"] is True


def test_the_practice_labels_are_what_practitioners_said(practice: Practice) -> None:
    reviewed = SessionFactory(client=practice.client, notes=NOTE)
    services.flag_add_missed(
        session=reviewed, actor=practice.alice, marker="compliance", evidence_words="c'est moi"
    )
    dismissed = RuptureFlag.objects.create(
        session=reviewed,
        client=practice.client,
        source=Source.NOTE,
        marker="avoidance",
        status=FlagStatus.DISMISSED,
        dismissed_reason="Pas un évitement",
    )
    unreviewed = SessionFactory(client=practice.client, notes="Il arrive en retard.")
    RuptureFlag.objects.create(
        session=unreviewed, client=practice.client, source=Source.NOTE, marker="avoidance"
    )
    notes = {n.id: n for n in selectors.practice_labelled_notes()}
    assert f"practice-{unreviewed.pk}" not in notes  # an open flag: labels unknown
    note = notes[f"practice-{reviewed.pk}"]
    assert note.markers == {"compliance"} and dismissed.marker not in note.markers
    assert note.text == NOTE and note.evidence["compliance"]


def _small_corpus(tmp_path: Path) -> Path:
    """Three small batches of the shipped corpus, so that the test trains in seconds."""
    root = tmp_path / "batches"
    for name in ("s01-fr-qc-clsc", "s02-en-us-cmhc", "s03-fr-fr-liberal"):
        lines = (corpus.BATCHES_DIR / name / "notes.jsonl").read_text().splitlines()[:60]
        (root / name).mkdir(parents=True)
        (root / name / "notes.jsonl").write_text("\n".join(lines) + "\n")
    return root


def _labelled_practice(practice: Practice) -> None:
    for i in range(4):
        session = SessionFactory(
            client=practice.client, notes=f"{NOTE} Séance {i}, elle acquiesce à tout."
        )
        services.flag_add_missed(
            session=session, actor=practice.alice, marker="compliance", evidence_words="c'est moi"
        )


@pytest.mark.parametrize("better", [True, False])
def test_retraining_installs_only_a_model_that_is_not_worse(
    practice: Practice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, better: bool
) -> None:
    _labelled_practice(practice)
    real = training.crossval

    def crossval(matrix: Any, **kwargs: Any) -> dict[str, dict[str, object]]:
        results = real(matrix, **kwargs)
        if not better and not kwargs.get("never_train_on"):  # the "after" run
            for figures in results.values():
                figures["macro_f1"] = -1.0
        return results

    monkeypatch.setattr(training, "crossval", crossval)
    out = tmp_path / "practice.gz"
    stdout = StringIO()
    call_command(
        "ruptures_train",
        "--include-practice",
        "--corpus",
        str(_small_corpus(tmp_path)),
        "--out",
        str(out),
        "--workers",
        "1",
        stdout=stdout,
    )
    text = stdout.getvalue()
    assert "4 labelled notes of this practice" in text and "before:" in text and "after:" in text
    if better:
        # The real figures decide here: the file exists exactly when they did not get worse.
        assert out.exists() == ("Installed" in text)
        if out.exists():
            meta = from_bytes(out.read_bytes()).meta
            assert meta["practice"]["notes"] == 4 and "Séance" not in json.dumps(meta)
    else:
        assert not out.exists() and "nothing installed" in text
    assert AuditEntry.objects.filter(action=AuditAction.MAINTENANCE).exists()


def test_retraining_without_practice_labels_says_so(practice: Practice, tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No labelled note"):
        call_command(
            "ruptures_train", "--include-practice", "--corpus", str(_small_corpus(tmp_path))
        )


def test_the_precision_page_counts_markers_added_by_hand(practice: Practice) -> None:
    session = SessionFactory(client=practice.client, notes=NOTE)
    services.flag_add_missed(
        session=session, actor=practice.alice, marker="compliance", evidence_words="c'est moi"
    )
    rows = selectors.precision_by_kind(user=practice.ada)
    added = {row.kind: row.added_by_hand for row in rows}
    assert sum(added.values()) == 1
    page = _browser("ada", practice).get(reverse("ruptures:precision")).content.decode()
    assert "Missed, added by hand" in page or "Manqués, ajoutés à la main" in page


def test_a_marker_added_by_mistake_can_be_dismissed_and_added_again(practice: Practice) -> None:
    session = SessionFactory(client=practice.client, notes=NOTE)
    flag = services.flag_add_missed(
        session=session, actor=practice.alice, marker="compliance", evidence_words="Séance"
    )
    services.flag_dismiss(
        flag=flag, actor=practice.alice, expected_version=flag.version, reason="Mauvais passage"
    )
    again = services.flag_add_missed(
        session=session,
        actor=practice.alice,
        marker="compliance",
        evidence_words="que c’est moi qui sais",  # typed with a curly apostrophe
    )
    assert again.pk == flag.pk and again.status == FlagStatus.ACKNOWLEDGED
    assert again.dismissed_reason == "" and again.version == 3  # added, dismissed, added
    (a, b), *_ = again.evidence["spans"]
    assert NOTE[a:b] == "que c'est moi qui sais"


def test_the_words_added_by_hand_are_shown_and_highlighted(practice: Practice) -> None:
    session = SessionFactory(client=practice.client, notes=NOTE)
    services.flag_add_missed(
        session=session, actor=practice.alice, marker="compliance", evidence_words="c'est moi"
    )
    page = html.unescape(
        _browser("alice", practice)
        .get(reverse("clients:detail", args=[practice.client.pk]))
        .content.decode()
    )
    assert "« c'est moi »" in page and ">c'est moi</mark>" in page
