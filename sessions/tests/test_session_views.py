"""Logging, editing and deleting sessions: happy paths, bad input, conflicts, atomicity."""

from __future__ import annotations

import datetime as dt
import html as html_lib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from conftest import Practice
from sessions.models import Attendance, Session, WaiSr
from sessions.services import session_create
from tests.test_url_access import _browser


def _form(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "starts_at": (timezone.localtime() - dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": 50,
        "modality": "in_person",
        "attendance": "attended",
        "notes": "Il a parlé de sa semaine; bonne collaboration.",
        "goals_rating": 4,
        "tasks_rating": 3,
        "bond_rating": 5,
        "availability": 4,
    }
    data.update(overrides)
    return data


def _wai(value: int = 4) -> dict[str, int]:
    return {f"wai-item_{i}": value for i in range(1, 13)}


def test_therapist_logs_a_session_with_wai_sr(practice: Practice) -> None:
    browser = _browser("alice", practice)
    url = reverse("sessions:create", args=[practice.client.pk])
    assert browser.get(url).status_code == 200
    response = browser.post(url, _form() | _wai(3))
    assert response.status_code == 302
    session = Session.objects.filter(client=practice.client).order_by("-created_at").first()
    assert session is not None and session.therapist == practice.alice
    assert session.notes.startswith("Il a parlé")
    assert session.wai.score.total == 36
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, object_id=str(session.pk), client_id=practice.client.pk
    ).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"goals_rating": 7}, "goals_rating"),
        ({"bond_rating": 0}, "bond_rating"),
        ({"starts_at": "2026-02-30T10:00"}, "starts_at"),
        ({"starts_at": ""}, "starts_at"),
        ({"duration_minutes": 2}, "duration_minutes"),
        ({"notes": "x" * 20_001}, "notes"),
        ({"attendance": "late"}, "late_minutes"),
        ({"attendance": "no_show"}, "goals_rating"),
        ({"tasks_rating": ""}, "tasks_rating"),
        (
            {"starts_at": (timezone.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")},
            "starts_at",
        ),
    ],
)
def test_bad_input_rerenders_with_what_was_typed_and_saves_nothing(
    practice: Practice, overrides: dict[str, object], field: str
) -> None:
    before = Session.objects.count()
    typed = "Texte tapé à conserver absolument"
    data = _form(**overrides)
    if "notes" not in overrides:
        data["notes"] = typed
    response = _browser("alice", practice).post(
        reverse("sessions:create", args=[practice.client.pk]), data
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    if "notes" not in overrides:
        assert typed in response.content.decode()
    assert Session.objects.count() == before


def test_errors_are_shown_in_french_to_a_french_user(practice: Practice) -> None:
    browser = _browser("alice", practice)
    browser.cookies["django_language"] = "fr"
    response = browser.post(
        reverse("sessions:create", args=[practice.client.pk]),
        _form(goals_rating=9, attendance="late"),
    )
    html = response.content.decode()
    assert "Assurez-vous que cette valeur est inférieure ou égale à 5" in html
    assert "Indiquez de combien de minutes le client était en retard" in html


def test_incomplete_wai_sr_is_refused_with_the_missing_items(practice: Practice) -> None:
    data = _form() | _wai(4)
    del data["wai-item_7"]
    response = _browser("alice", practice).post(
        reverse("sessions:create", args=[practice.client.pk]), data
    )
    assert response.status_code == 200
    assert "7" in str(response.context["wai_form"].non_field_errors())


def test_a_failed_questionnaire_leaves_no_half_saved_session(practice: Practice) -> None:
    before = Session.objects.count()
    data = {
        "starts_at": timezone.now() - dt.timedelta(hours=1),
        "duration_minutes": 50,
        "attendance": Attendance.ATTENDED,
        "goals_rating": 4,
        "tasks_rating": 4,
        "bond_rating": 4,
    }
    with pytest.raises(ValidationError):
        session_create(
            client=practice.client,
            actor=practice.alice,
            data=data,
            wai=dict.fromkeys(range(1, 13), 4) | {5: 9},
        )
    assert Session.objects.count() == before


def test_database_refuses_out_of_range_ratings_whatever_the_path(practice: Practice) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=practice.session.pk).update(bond_rating=9)
    with pytest.raises(IntegrityError), transaction.atomic():
        WaiSr.objects.filter(session=practice.session).update(item_3=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=practice.session.pk).update(attendance="no_show")


def test_stale_edit_shows_the_conflict_and_keeps_both_texts(practice: Practice) -> None:
    url = reverse("sessions:edit", args=[practice.session.pk])
    first, second = _browser("alice", practice), _browser("alice", practice)
    version = practice.session.version
    assert first.post(url, _form(notes="Texte de l'onglet A", version=version)).status_code == 302
    response = second.post(url, _form(notes="Texte de l'onglet B", version=version))
    assert response.status_code == 409
    html = html_lib.unescape(response.content.decode())
    assert "Texte de l'onglet A" in html and "Texte de l'onglet B" in html
    practice.session.refresh_from_db()
    assert practice.session.notes == "Texte de l'onglet A"
    # Saving again from the conflict page is a deliberate choice, and it wins.
    retry = second.post(url, _form(notes="Texte fusionné", version=practice.session.version))
    assert retry.status_code == 302
    practice.session.refresh_from_db()
    assert practice.session.notes == "Texte fusionné"


def test_edit_keeps_or_removes_the_questionnaire(practice: Practice) -> None:
    url = reverse("sessions:edit", args=[practice.session.pk])
    browser = _browser("alice", practice)
    assert 'value="4"' in browser.get(url).content.decode()  # prefilled WAI-SR
    browser.post(url, _form(version=practice.session.version))
    assert not WaiSr.objects.filter(session=practice.session).exists()


def test_delete_needs_confirmation_and_is_audited(practice: Practice) -> None:
    browser = _browser("alice", practice)
    pk = practice.session.pk
    assert browser.get(reverse("sessions:delete_confirm", args=[pk])).status_code == 200
    assert Session.objects.filter(pk=pk).exists()
    assert browser.post(reverse("sessions:delete", args=[pk])).status_code == 302
    assert not Session.objects.filter(pk=pk).exists()
    assert AuditEntry.objects.filter(action=AuditAction.DELETE, object_id=str(pk)).exists()


def test_supervisor_cannot_edit_supervisee_session(practice: Practice) -> None:
    url = reverse("sessions:edit", args=[practice.session.pk])
    response = _browser("sam", practice).post(
        url, _form(notes="pirate", version=practice.session.version)
    )
    assert response.status_code == 403
    practice.session.refresh_from_db()
    assert practice.session.notes != "pirate"


@pytest.mark.parametrize("earlier", [1, 15])
def test_an_inline_save_costs_a_fixed_number_of_queries(
    practice: Practice, earlier: int, django_assert_num_queries: object
) -> None:
    for k in range(earlier):
        session_create(
            client=practice.client,
            actor=practice.alice,
            data={
                "starts_at": timezone.now() - dt.timedelta(days=k + 2),
                "duration_minutes": 50,
                "modality": "in_person",
                "attendance": "attended",
                "notes": "Séance ordinaire.",
                "goals_rating": 4,
                "tasks_rating": 4,
                "bond_rating": 4,
            },
            wai=dict.fromkeys(range(1, 13), 4),
        )
    browser = _browser("alice", practice)
    url = reverse("sessions:create", args=[practice.client.pk])
    # login session, user, client, goals, tasks; the save (a savepoint here, the test
    # being a transaction): session, WAI-SR, audit; then the answer: the session figures,
    # the flags, the sessions page (no task reviewed or added: the goals are as read). The
    # rupture scan runs on commit.
    with django_assert_num_queries(13):  # type: ignore[operator]
        response = browser.post(url, _form() | _wai(4), HTTP_HX_REQUEST="true")
    assert response.status_code == 200


def test_a_form_sent_twice_saves_one_session(practice: Practice) -> None:
    """Audit finding 7: a double-submitted form created two sessions."""
    browser = _browser("alice", practice)
    url = reverse("sessions:create", args=[practice.client.pk])
    form = browser.get(url).content.decode()
    submission = form.split('name="submission" value="', 1)[1].split('"', 1)[0]
    data = _form(submission=submission)
    before = Session.objects.count()
    first = browser.post(url, data)
    second = browser.post(url, data, follow=True)
    assert first.status_code == 302 and second.status_code == 200
    assert Session.objects.count() == before + 1
    assert "saved once" in second.content.decode() or "une seule fois" in second.content.decode()
    # Another form (another submission id) is another session.
    browser.post(url, _form(submission=str(__import__("uuid").uuid4())))
    assert Session.objects.count() == before + 2


@pytest.mark.django_db(transaction=True)
def test_a_form_sent_twice_at_once_saves_one_session(practice: Practice) -> None:
    """The same form arriving twice at the same moment: the database decides, once."""
    import threading
    import uuid

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("concurrent writes need PostgreSQL (SQLite serialises them)")
    submission = uuid.uuid4()
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def send() -> None:
        try:
            barrier.wait()
            session_create(
                client=practice.client,
                actor=practice.alice,
                data=_form() | {"starts_at": timezone.now() - dt.timedelta(hours=1)},
                submission=submission,
            )
            outcomes.append("created")
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test reads
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["DuplicateSubmission"] * 3 + ["created"]
    assert Session.objects.filter(client=practice.client, submission=submission).count() == 1
