"""Browser journeys: Debian's Chromium driven by Playwright for Python (never a downloaded one)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# The browser logs an intended 409 Conflict (a stale save) as a failed resource.
EXPECTED_CONSOLE = re.compile(r"status of 409 \(Conflict\)")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    path = _chromium()
    if path is None:
        message = "Browser journeys skipped: Chromium not found (apt-get install -y chromium)."
        if os.environ.get("ALLIANCE_REQUIRE_BROWSER") == "1":
            pytest.fail("CI requires the browser journeys, but " + message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls are still sync.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_context(chromium: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser profile in English; a failing test leaves a screenshot per page."""
    context = chromium.new_context(locale="en-CA", viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(10_000)
    console_errors: list[str] = []
    context.on(
        "console",
        lambda message: (
            console_errors.append(message.text)
            if message.type == "error" and not EXPECTED_CONSOLE.search(message.text)
            else None
        ),
    )
    yield context
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        for i, page in enumerate(context.pages):
            page.screenshot(path=str(ARTIFACTS / f"{name}-{i}.png"), full_page=True)
    context.close()
    # A CSP violation or a script error is a bug even when the journey went through.
    if console_errors and report is not None and report.passed:
        pytest.fail(f"The browser console reported errors: {console_errors[:3]}")


@pytest.fixture
def sign_in(live_server: Any) -> Any:
    def _sign_in(page: Any, username: str, password: str = "correct horse battery staple") -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("main button[type=submit]")
        page.wait_for_url(re.compile(r".*/clients/$"))

    return _sign_in
