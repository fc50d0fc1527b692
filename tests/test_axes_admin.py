"""Axes' sign-in records stay read-only for administrators (audit finding 10)."""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog
from django.urls import reverse

from conftest import Practice
from tests.test_url_access import _browser


def test_administrators_clear_lockouts_but_never_edit_or_delete_the_logs(
    practice: Practice,
) -> None:
    attempt = AccessAttempt.objects.create(
        username="x", ip_address="127.0.0.1", user_agent="t", failures_since_start=5
    )
    failure = AccessFailureLog.objects.create(username="x", ip_address="127.0.0.1", user_agent="t")
    browser = _browser("ada", practice)
    assert browser.get(reverse("admin:axes_accessfailurelog_changelist")).status_code == 200
    assert browser.get(reverse("admin:axes_accessfailurelog_add")).status_code == 403
    delete = reverse("admin:axes_accessfailurelog_delete", args=[failure.pk])
    assert browser.post(delete, {"post": "yes"}).status_code == 403
    assert AccessFailureLog.objects.filter(pk=failure.pk).exists()
    change = reverse("admin:axes_accessfailurelog_change", args=[failure.pk])
    assert browser.post(change, {"username": "y"}).status_code == 403
    # A lockout is cleared by deleting its attempt.
    browser.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert not AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert _browser("alice", practice).get(
        reverse("admin:axes_accessattempt_changelist")
    ).status_code in {302, 403}
