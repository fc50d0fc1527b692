"""The security baseline: headers, hashing, lockout, deactivation, session expiry, settings."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from conftest import Practice
from tests.test_url_access import _browser

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"
# Variables a subprocess must not inherit from the test run (the browser tests set the last).
SCRUBBED = {
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "NOTES_ENCRYPTION_KEYS",
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def test_client_page_is_never_cached_and_has_a_strict_csp(practice: Practice) -> None:
    response = _browser("alice", practice).get(reverse("clients:detail", args=[practice.client.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"


def test_pages_carry_no_inline_script_or_style(practice: Practice) -> None:
    html = (
        _browser("alice", practice)
        .get(reverse("clients:detail", args=[practice.client.pk]))
        .content.decode()
    )
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert 'hx-history="false"' in html and "htmx-2.min.js" in html


def test_argon2_is_the_password_hasher() -> None:
    from alliance import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_request_id_is_echoed_and_generated(practice: Practice) -> None:
    browser = HttpClient()
    assert len(browser.get("/healthz")["X-Request-ID"]) == 32
    assert browser.get("/healthz", HTTP_X_REQUEST_ID="abc12345-trace")["X-Request-ID"] == (
        "abc12345-trace"
    )


def _login(browser: HttpClient, username: str, password: str, ip: str = "10.0.0.1") -> int:
    response = browser.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )
    return response.status_code


def test_login_works_and_lands_on_the_caseload(practice: Practice) -> None:
    browser = HttpClient()
    response = browser.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("clients:caseload")
    assert "Camille Roy" in browser.get(reverse("clients:caseload")).content.decode()


def test_repeated_failures_lock_the_username_from_that_address(practice: Practice) -> None:
    browser = HttpClient()
    for _ in range(4):
        assert _login(browser, "alice", "wrong password") == 200
    assert _login(browser, "alice", "wrong password") == 429  # the fifth failure locks
    # Locked, even with the right password, from that address...
    assert _login(browser, "alice", PASSWORD) == 429
    # ...but not from another address, nor for another username.
    assert _login(HttpClient(), "alice", PASSWORD, ip="10.0.0.2") == 302
    assert _login(HttpClient(), "bob", PASSWORD) == 302


def test_deactivated_user_cannot_sign_in(practice: Practice) -> None:
    assert _login(HttpClient(), "dee", PASSWORD) == 200  # the form again, with an error
    response = HttpClient().get(reverse("clients:caseload"))
    assert response.status_code == 302


def test_deactivating_a_user_ends_their_open_session(practice: Practice) -> None:
    browser = _browser("alice", practice)
    assert browser.get(reverse("clients:caseload")).status_code == 200
    practice.alice.is_active = False
    practice.alice.save(update_fields=["is_active"])
    assert browser.get(reverse("clients:caseload")).status_code == 302


def _age_session(browser: HttpClient, *, idle: int = 0, since_login: int = 0) -> None:
    session = browser.session
    now = int(time.time())
    session["last_activity_at"] = now - idle
    session["auth_started_at"] = now - since_login
    session.save()


def test_session_expires_after_30_minutes_idle(practice: Practice) -> None:
    browser = _browser("alice", practice)
    _age_session(browser, idle=31 * 60, since_login=31 * 60)
    response = browser.get(reverse("clients:caseload"))
    assert response.status_code == 302 and "expired=1" in response["Location"]
    assert browser.get(reverse("clients:caseload")).status_code == 302  # really signed out


def test_session_expires_after_12_hours_even_when_active(practice: Practice) -> None:
    browser = _browser("alice", practice)
    _age_session(browser, idle=60, since_login=12 * 3600 + 60)
    assert browser.get(reverse("clients:caseload")).status_code == 302


def test_activity_keeps_the_session_alive_but_background_polling_does_not(
    practice: Practice,
) -> None:
    browser = _browser("alice", practice)
    _age_session(browser, idle=29 * 60, since_login=29 * 60)
    browser.get(reverse("clients:caseload"), HTTP_X_ALLIANCE_BACKGROUND="1")
    assert int(time.time()) - browser.session["last_activity_at"] >= 29 * 60
    browser.get(reverse("clients:caseload"))
    assert int(time.time()) - browser.session["last_activity_at"] < 5


def test_expired_htmx_request_is_sent_to_the_login_page(practice: Practice) -> None:
    browser = _browser("alice", practice)
    _age_session(browser, idle=31 * 60)
    response = browser.get(reverse("clients:caseload"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(reverse("accounts:login"))


def _settings_in_subprocess(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    clean.update({"ALLIANCE_VAR_DIR": str(tmp_path), **env})
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,  # noqa: S603
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_embedded_default_needs_no_configuration(tmp_path: Path) -> None:
    result = _settings_in_subprocess({}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "sqlite3 True" in result.stdout
    key_file = tmp_path / "secret_key"
    assert key_file.exists() and oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert (tmp_path / "notes_key").exists()


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"DEBUG": "false"}, "SECRET_KEY"),
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DATABASE_URL": "mysql://x@y/z"}, "DATABASE_URL"),
        ({"REDIS_URL": "http://localhost"}, "REDIS_URL"),
        ({"SESSION_IDLE_MINUTES": "half an hour"}, "SESSION_IDLE_MINUTES"),
        ({"DEBUG": "false", "SECRET_KEY": "k" * 60}, "NOTES_ENCRYPTION_KEYS"),
    ],
)
def test_bad_configuration_names_the_variable(
    env: dict[str, str], variable: str, tmp_path: Path
) -> None:
    result = _settings_in_subprocess(env, tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and variable in result.stderr


def test_deploy_check_passes_with_production_values(tmp_path: Path) -> None:
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": "s3cr3t-" + "x9Y" * 20,
            "ALLOWED_HOSTS": "alliance.test",
            "NOTES_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "ALLIANCE_VAR_DIR": str(tmp_path),
        }
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
