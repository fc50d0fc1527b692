"""Hostile requests get a clear answer, never a 500 (audit finding 8, in part)."""

from __future__ import annotations

from axes.models import AccessAttempt
from django.test import Client as HttpClient
from django.urls import reverse

from conftest import Practice
from tests.test_url_access import _browser


def test_a_nul_byte_in_a_search_or_the_admin_autocomplete_is_refused(practice: Practice) -> None:
    response = _browser("alice", practice).get("/clients/?q=%00")
    assert response.status_code == 400 and b"NUL" in response.content
    response = _browser("ada", practice).get(
        "/admin/autocomplete/?app_label=accounts&model_name=supervision"
        "&field_name=therapist&term=%00"
    )
    assert response.status_code == 400
    response = _browser("alice", practice).post(
        reverse("clients:edit", args=[practice.client.pk]), {"display_name": "a\x00b"}
    )
    assert response.status_code == 400


def test_a_search_with_control_characters_still_finds(practice: Practice) -> None:
    response = _browser("alice", practice).get("/clients/", {"q": "Camille\x0b"})
    assert response.status_code == 200 and "Camille Roy" in response.content.decode()


def test_a_one_megabyte_username_gets_the_sign_in_page_back(db: None) -> None:
    response = HttpClient().post(
        reverse("accounts:login"), {"username": "u" * 1_000_000, "password": "x"}
    )
    assert response.status_code == 200
    assert all(len(a.username) <= 150 for a in AccessAttempt.objects.all())
