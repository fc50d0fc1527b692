"""The demo practice: every role, both languages, rupture episodes, idempotent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import Role, Supervision, User
from clients.models import Client, Goal, Task
from sessions.models import Session, WaiSr


@pytest.mark.django_db
def test_seed_creates_the_demo_practice_once() -> None:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert User.objects.filter(role=Role.ADMIN, username="admin").exists()
    assert User.objects.filter(role=Role.SUPERVISOR).count() == 2
    assert User.objects.filter(role=Role.THERAPIST).count() == 6
    assert Supervision.objects.count() == 6
    assert Client.objects.count() == 60
    assert Session.objects.count() == 1200
    assert Goal.objects.count() >= 120 and Task.objects.exists() and WaiSr.objects.exists()
    notes = " ".join(Session.objects.exclude(notes="").values_list("notes", flat=True))
    assert "usager" in notes.lower() and "client" in notes.lower()  # French and English
    assert "Phrase d'empathie" in notes or "Empathy sentence" in notes  # repairs
    assert "therapist1" in out.getvalue() and "alliance-demo-2026" in out.getvalue()
    call_command("seed_demo", "--quiet", stdout=StringIO())
    assert Session.objects.count() == 1200


@pytest.mark.django_db
def test_seed_scales_up_under_a_prefix() -> None:
    call_command(
        "seed_demo",
        "--prefix",
        "bench-",
        "--therapists",
        "3",
        "--clients-per-therapist",
        "4",
        "--sessions-per-client",
        "5",
        "--quiet",
        stdout=StringIO(),
    )
    assert Client.objects.filter(therapist__username__startswith="bench-").count() == 12
    assert Session.objects.count() == 60


@pytest.mark.django_db
def test_demo_therapist_can_sign_in_with_the_printed_password(client: object) -> None:
    call_command("seed_demo", "--quiet", stdout=StringIO())
    response = client.post(
        "/accounts/login/",  # type: ignore[attr-defined]
        {"username": "therapist1", "password": "alliance-demo-2026"},
    )
    assert response.status_code == 302
