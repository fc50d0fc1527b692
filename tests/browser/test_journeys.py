"""What a therapist does in a real browser: log a session, meet a conflict, switch language."""

from __future__ import annotations

import re
from typing import Any

import pytest

from clients.models import Task, TaskStatus
from sessions.models import Session
from tests.factories import (
    ClientFactory,
    GoalFactory,
    SessionFactory,
    TaskFactory,
    UserFactory,
    WaiSrFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def caseload() -> dict[str, Any]:
    alice = UserFactory(username="alice", first_name="Alice", last_name="Tremblay")
    client = ClientFactory(therapist=alice, display_name="Camille Roy", code="QC-0001")
    goal = GoalFactory(client=client, wording="Dormir mieux")
    session = SessionFactory(client=client, notes="Première rencontre, bonne alliance.")
    WaiSrFactory(session=session)
    task = TaskFactory(goal=goal, agreed_in_session=session, description="Marcher 20 minutes")
    return {"alice": alice, "client": client, "task": task, "session": session}


def test_therapist_logs_a_session_and_sees_it_without_a_reload(
    browser_context: Any, sign_in: Any, caseload: dict[str, Any]
) -> None:
    page = browser_context.new_page()
    sign_in(page, "alice")
    page.click("text=Camille Roy")
    page.evaluate("window.__sameDocument = true")
    page.locator(".page-head").get_by_role("link", name="Log a session").click()
    page.wait_for_selector("#session-logger form")
    markers_before = page.locator("#alliance-chart svg circle").count()

    logger = page.locator("#session-logger")
    logger.get_by_label("Agreement on goals").fill("4")
    logger.get_by_label("Agreement on tasks").fill("3")
    logger.get_by_label("Bond").fill("5")
    logger.get_by_label("Notes").fill("Elle a parlé de son sommeil; plan de marche revu.")
    for item in range(1, 13):
        logger.get_by_label(re.compile(rf"^Item {item}:?$")).fill("4")
    assert logger.locator('[data-wai-score="total"]').inner_text() == "48"
    assert logger.locator('[data-wai-score="bond"]').inner_text() == "4.00"
    task = caseload["task"]
    page.select_option(f"#id_review-status_{task.pk}", "not_done")
    page.fill(f"#id_review-reason_{task.pk}", "Trop fatiguée")
    logger.get_by_role("button", name="Save the session").click()

    page.wait_for_selector("#session-logger [role=status]")
    assert page.evaluate("window.__sameDocument") is True  # no page reload
    timeline = page.locator("#timeline")
    assert "plan de marche revu" in timeline.inner_text()
    assert "WAI-SR 48/60" in timeline.inner_text()
    assert page.locator("#alliance-chart svg circle").count() > markers_before
    assert page.locator("#session-logger textarea").input_value() == ""  # ready for the next
    assert "Trop fatiguée" in page.locator("#goals-panel .done-tasks").text_content()
    assert Session.objects.filter(client=caseload["client"]).count() == 2
    assert Task.objects.get(pk=task.pk).status == TaskStatus.NOT_DONE


def test_stale_edit_shows_the_conflict_and_keeps_both_texts(
    browser_context: Any, sign_in: Any, caseload: dict[str, Any], live_server: Any
) -> None:
    first = browser_context.new_page()
    sign_in(first, "alice")
    second = browser_context.new_page()
    url = f"{live_server.url}/sessions/{caseload['session'].pk}/edit/"
    first.goto(url)
    second.goto(url)
    first.get_by_label("Notes").fill("Texte du premier onglet")
    first.get_by_role("button", name="Save").click()
    first.wait_for_url(re.compile(r".*/clients/\d+/$"))

    second.get_by_label("Notes").fill("Texte du second onglet")
    second.get_by_role("button", name="Save").click()
    conflict = second.locator(".conflict")
    conflict.wait_for()
    assert "Texte du premier onglet" in conflict.inner_text()
    assert second.get_by_label("Notes").input_value() == "Texte du second onglet"
    assert Session.objects.get(pk=caseload["session"].pk).notes == "Texte du premier onglet"

    second.get_by_label("Notes").fill("Texte fusionné des deux onglets")
    second.get_by_role("button", name="Save").click()
    second.wait_for_url(re.compile(r".*/clients/\d+/$"))
    assert Session.objects.get(pk=caseload["session"].pk).notes == (
        "Texte fusionné des deux onglets"
    )


def test_switching_to_french_shows_the_page_in_french_and_is_remembered(
    browser_context: Any, sign_in: Any, caseload: dict[str, Any]
) -> None:
    page = browser_context.new_page()
    sign_in(page, "alice")
    assert page.locator("h1").inner_text() == "My caseload"
    page.select_option("#language-select", "fr")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Mes clients"
    assert page.locator("html").get_attribute("lang") == "fr"
    page.click("text=Camille Roy")
    assert "Objectifs et tâches" in page.locator("#goals-panel h2").inner_text()
    caseload["alice"].refresh_from_db()
    assert caseload["alice"].language == "fr"


CONTROLS = "input:not([type=hidden]), select, textarea, button, a[href]"
UNLABELLED = (
    """() => [...document.querySelectorAll('"""
    + CONTROLS
    + """')]
  .filter(el => {
    const name = (el.labels && el.labels.length ? [...el.labels].map(l => l.textContent).join(' ')
                 : '') + (el.getAttribute('aria-label') || '') + (el.textContent || '');
    return name.trim() === '';
  })
  .map(el => el.outerHTML.slice(0, 120))"""
)


def test_every_control_has_a_name_and_long_notes_show_a_counter(
    browser_context: Any, sign_in: Any, caseload: dict[str, Any]
) -> None:
    page = browser_context.new_page()
    sign_in(page, "alice")
    page.click("text=Camille Roy")
    page.locator(".page-head").get_by_role("link", name="Log a session").click()
    page.wait_for_selector("#session-logger form")
    page.get_by_role("link", name="Add a goal").click()
    page.wait_for_selector("#goal-adder form")
    assert page.evaluate(UNLABELLED) == []

    notes = page.locator("#session-logger").get_by_label("Notes")
    counter = page.locator("#session-logger [data-counter-output]")
    notes.fill("a" * 100)
    assert counter.is_hidden()
    notes.fill("a" * 19_500)
    assert counter.is_visible() and "19,500 / 20,000" in counter.inner_text()
    page.keyboard.press("Tab")  # keyboard focus leaves the notes for the next control
    assert page.evaluate("document.activeElement.tagName") in {"INPUT", "SELECT", "BUTTON", "A"}


def test_a_rupture_note_is_flagged_with_its_evidence_and_the_repair_is_composed(
    browser_context: Any, sign_in: Any, caseload: dict[str, Any]
) -> None:
    page = browser_context.new_page()
    sign_in(page, "alice")
    page.click("text=Camille Roy")
    page.locator(".page-head").get_by_role("link", name="Log a session").click()
    logger = page.locator("#session-logger")
    logger.locator("form").wait_for()
    logger.get_by_label("Agreement on goals").fill("3")
    logger.get_by_label("Agreement on tasks").fill("2")
    logger.get_by_label("Bond").fill("3")
    logger.get_by_label("Notes").fill(
        "She disagreed with the exposure task and said I push too hard. Long silence after "
        "my reflection."
    )
    logger.get_by_role("button", name="Save the session").click()
    panel = page.locator("#ruptures-panel")
    panel.get_by_text("Disagreement on goals or tasks").wait_for()
    assert "Non-response to an intervention" in panel.inner_text()
    marks = page.locator("#timeline mark.rupture-evidence")
    assert marks.count() >= 2
    assert "disagreed with the exposure task" in marks.first.inner_text()

    panel.get_by_role("link", name="Plan the repair").first.click()
    page.get_by_label("Emotion (what I feel)").fill("concerned")
    page.get_by_label("Reflection (what I understand the client lived)").fill(
        "it sounds like you felt pushed when I insisted on the exposure"
    )
    page.get_by_label("Confirmation (checking with the client)").fill("Is that right?")
    preview = page.locator("[data-empathy-preview]")
    assert preview.inner_text() == (
        "I feel concerned; it sounds like you felt pushed when I "
        "insisted on the exposure. Is that right?"
    )
    page.get_by_role("button", name="Save the repair plan").click()
    page.wait_for_url(re.compile(r".*/clients/\d+/$"))
    page.locator(".page-head").get_by_role("link", name="Log a session").click()
    reminder = page.locator(".repair-reminder")
    reminder.wait_for()
    assert "I feel concerned" in reminder.inner_text()


def test_supervisor_spots_a_client_at_risk_and_the_therapist_answers_the_comment(
    chromium: Any, live_server: Any, caseload: dict[str, Any]
) -> None:
    from accounts.models import Role
    from ruptures.models import RuptureFlag
    from tests.factories import SupervisionFactory

    supervisor = UserFactory(
        username="sam", role=Role.SUPERVISOR, first_name="Sam", last_name="Gagnon"
    )
    SupervisionFactory(supervisor=supervisor, therapist=caseload["alice"])
    RuptureFlag.objects.create(
        session=caseload["session"],
        client=caseload["client"],
        source="note",
        marker="avoidance",
        evidence={"spans": [[0, 8]]},
    )

    def signed_in(username: str) -> Any:
        context = chromium.new_context(locale="en-CA")
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", "correct horse battery staple")
        page.click("main button[type=submit]")
        page.wait_for_url(re.compile(r".*/clients/$"))
        return page

    sam = signed_in("sam")
    sam.get_by_role("link", name="Supervision").click()
    queue = sam.locator("#queue-title + ol")
    queue.wait_for()
    assert "Camille Roy" in queue.inner_text()
    assert "1 rupture flag without a repair plan" in queue.inner_text()
    queue.get_by_role("link", name="Camille Roy").click()
    panel = sam.locator("#comments-panel")
    panel.get_by_label("Comment for the therapist").fill(
        "The withdrawal in the last session: could we look at it on Thursday?"
    )
    panel.get_by_role("button", name="Send the comment").click()
    panel.get_by_text("could we look at it on Thursday?").wait_for()
    assert sam.locator("#session-logger").count() == 0  # read-only otherwise

    alice = signed_in("alice")
    alice.click("text=Camille Roy")
    thread = alice.locator("#comments-panel")
    assert "could we look at it on Thursday?" in thread.inner_text()
    thread.get_by_label("Answer").fill("Yes, I'll bring my notes.")
    thread.get_by_role("button", name="Send the answer").click()
    thread.get_by_text("Yes, I'll bring my notes.").wait_for()
    sam.context.close()
    alice.context.close()
