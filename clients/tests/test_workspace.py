"""The therapist's workspace through htmx: fragments, out-of-band refreshes, inline forms."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from clients.models import Goal, Task, TaskStatus
from conftest import Practice
from sessions.models import Session
from tests.factories import GoalFactory, SessionFactory, TaskFactory
from tests.test_url_access import _browser

HX = {"HTTP_HX_REQUEST": "true"}


def _session_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "starts_at": (timezone.localtime() - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": 50,
        "modality": "video",
        "attendance": "attended",
        "notes": "Séance de suivi; elle a repris la marche.",
        "goals_rating": 5,
        "tasks_rating": 4,
        "bond_rating": 5,
    }
    data.update(overrides)
    return data


def test_client_page_shows_chart_logger_goals_and_timeline(practice: Practice) -> None:
    html = (
        _browser("alice", practice)
        .get(reverse("clients:detail", args=[practice.client.pk]))
        .content.decode()
    )
    for part in [
        'id="alliance-chart"',
        'id="session-logger"',
        'id="goals-panel"',
        'id="timeline"',
        "<svg",
        'role="img"',
    ]:
        assert part in html, part
    # The forms come when asked for; each link works without JavaScript too.
    assert "data-wai" not in html
    assert f'href="{reverse("sessions:create", args=[practice.client.pk])}"' in html


def test_forms_open_inline_on_request(practice: Practice) -> None:
    browser = _browser("alice", practice)
    logger = browser.get(reverse("sessions:create", args=[practice.client.pk]), **HX)
    html = logger.content.decode()
    assert html.lstrip().startswith('<section id="session-logger"') and "data-wai" in html
    assert f"id_review-status_{practice.task.pk}" in html  # the pending task to review
    adder = browser.get(reverse("clients:goal_create", args=[practice.client.pk]), **HX)
    assert adder.content.decode().lstrip().startswith('<div id="goal-adder"')
    assert "id_newgoal_wording" in adder.content.decode()
    task_adder = browser.get(reverse("clients:task_create", args=[practice.goal.pk]), **HX)
    assert f'id="task-adder-{practice.goal.pk}"' in task_adder.content.decode()
    assert f"id_g{practice.goal.pk}_description" in task_adder.content.decode()


def test_supervisor_reads_the_page_and_may_only_comment(practice: Practice) -> None:
    html = (
        _browser("sam", practice)
        .get(reverse("clients:detail", args=[practice.client.pk]))
        .content.decode()
    )
    assert 'id="alliance-chart"' in html and 'id="session-logger"' not in html
    posts = re.findall(r'hx-post="([^"]+)"', html)
    assert posts and all(url.startswith("/supervision/") for url in posts)


def test_logging_a_session_inline_refreshes_timeline_chart_and_tasks(practice: Practice) -> None:
    task = practice.task
    response = _browser("alice", practice).post(
        reverse("sessions:create", args=[practice.client.pk]),
        _session_data(
            **{
                f"review-status_{task.pk}": "not_done",
                f"review-reason_{task.pk}": "Malade",
                f"review-version_{task.pk}": task.version,
                "newtask-description": "Appeler sa sœur",
                "newtask-goal": practice.goal.pk,
            },
            **{f"wai-item_{i}": 4 for i in range(1, 13)},
        ),
        **HX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('\n<section id="session-logger"') or 'id="session-logger"' in html[:200]
    assert html.count('hx-swap-oob="true"') == 4  # timeline, chart, goals and ruptures panels
    assert "Séance de suivi" in html  # in the refreshed timeline
    # The goals panel is read again after the review and the new task.
    assert "Appeler sa sœur" in html and "<q>Malade</q>" in html
    assert "HX-Trigger" in response.headers
    new = Session.objects.filter(client=practice.client).order_by("-created_at").first()
    assert new is not None and new.wai.score.total == 48
    task.refresh_from_db()
    assert task.status == TaskStatus.NOT_DONE and task.reason_not_done == "Malade"
    assert task.reviewed_in_session == new
    assert Task.objects.get(description="Appeler sa sœur").agreed_in_session == new


def test_inline_logging_errors_come_back_in_the_logger_only(practice: Practice) -> None:
    response = _browser("alice", practice).post(
        reverse("sessions:create", args=[practice.client.pk]),
        _session_data(goals_rating=8, notes="Ne pas perdre ce texte"),
        **HX,
    )
    html = response.content.decode()
    assert response.status_code == 200 and "hx-swap-oob" not in html
    assert "Ne pas perdre ce texte" in html and "errorlist" in html


def test_a_task_changed_elsewhere_blocks_the_whole_save(practice: Practice) -> None:
    task = practice.task
    stale = task.version
    Task.objects.filter(pk=task.pk).update(version=stale + 1)
    before = Session.objects.count()
    response = _browser("alice", practice).post(
        reverse("sessions:create", args=[practice.client.pk]),
        _session_data(**{f"review-status_{task.pk}": "done", f"review-version_{task.pk}": stale}),
        **HX,
    )
    assert response.status_code == 200 and "modifiée ailleurs" in response.content.decode()
    assert Session.objects.count() == before


def test_goal_added_inline_comes_back_in_the_panel(practice: Practice) -> None:
    response = _browser("alice", practice).post(
        reverse("clients:goal_create", args=[practice.client.pk]),
        {
            "wording": "Retrouver le plaisir de cuisiner",
            "proposed_by": "client",
            "priority": "medium",
            "difficulty": "too_hard",
            "status": "active",
        },
        **HX,
    )
    html = response.content.decode()
    assert 'id="goals-panel"' in html and "Retrouver le plaisir de cuisiner" in html
    assert Goal.objects.filter(client=practice.client).count() == 2


def test_goal_with_no_wording_shows_the_error_in_the_panel(practice: Practice) -> None:
    response = _browser("alice", practice).post(
        reverse("clients:goal_create", args=[practice.client.pk]),
        {
            "wording": "",
            "proposed_by": "client",
            "priority": "medium",
            "difficulty": "too_hard",
            "status": "active",
        },
        **HX,
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()


def test_goal_edit_opens_inline_and_a_stale_save_shows_the_conflict(practice: Practice) -> None:
    url = reverse("clients:goal_edit", args=[practice.goal.pk])
    browser = _browser("alice", practice)
    assert 'action="' + url in browser.get(url, **HX).content.decode()
    data = {
        "wording": "Onglet A",
        "proposed_by": "client",
        "priority": "high",
        "difficulty": "about_right",
        "status": "active",
        "version": 1,
    }
    assert "Onglet A" in browser.post(url, data, **HX).content.decode()
    response = browser.post(url, data | {"wording": "Onglet B"}, **HX)
    assert response.status_code == 409
    assert "Onglet B" in response.content.decode()


def test_goals_move_up_and_down(practice: Practice) -> None:
    second = GoalFactory(client=practice.client, wording="Deuxième", order=5)
    browser = _browser("alice", practice)
    browser.post(reverse("clients:goal_move", args=[second.pk]), {"direction": "up"}, **HX)
    assert list(practice.client.goals.order_by("order").values_list("pk", flat=True)) == [
        second.pk,
        practice.goal.pk,
    ]
    response = browser.post(reverse("clients:goal_move", args=[second.pk]), {"direction": "down"})
    assert response.status_code == 302  # without JavaScript: back to the page
    assert practice.client.goals.order_by("order").first() == practice.goal


def test_task_added_and_its_status_changed_inline(practice: Practice) -> None:
    browser = _browser("alice", practice)
    browser.post(
        reverse("clients:task_create", args=[practice.goal.pk]),
        {"description": "Noter trois réussites", "status": "pending"},
        **HX,
    )
    task = Task.objects.get(description="Noter trois réussites")
    response = browser.post(
        reverse("clients:task_status", args=[task.pk]),
        {"status": "partly_done", "reason_not_done": "Oublié mardi", "version": task.version},
        **HX,
    )
    assert "Oublié mardi" in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.PARTLY_DONE


def test_stale_task_status_answers_409_with_the_current_state(practice: Practice) -> None:
    task = TaskFactory(goal=practice.goal)
    Task.objects.filter(pk=task.pk).update(version=3, status=TaskStatus.DONE)
    response = _browser("alice", practice).post(
        reverse("clients:task_status", args=[task.pk]), {"status": "not_done", "version": 1}, **HX
    )
    assert response.status_code == 409 and "modifiée ailleurs" in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_session_deleted_inline_refreshes_the_timeline(practice: Practice) -> None:
    response = _browser("alice", practice).post(
        reverse("sessions:delete", args=[practice.session.pk]), **HX
    )
    html = response.content.decode()
    assert 'id="timeline"' in html and html.count('hx-swap-oob="true"') == 3
    assert not Session.objects.filter(pk=practice.session.pk).exists()


def test_timeline_pages_come_as_a_fragment(practice: Practice) -> None:
    for k in range(25):
        SessionFactory(
            client=practice.client,
            notes=f"Note numéro {k}",
            starts_at=timezone.now() - dt.timedelta(days=30 + k),
        )
    url = reverse("clients:detail", args=[practice.client.pk])
    response = _browser("alice", practice).get(url, {"page": 2}, HTTP_HX_TARGET="timeline", **HX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="timeline"') and "<html" not in html
    # Ten a page, newest first: page 2 holds the 11th to the 20th session.
    assert "Note numéro 12" in html and "Note numéro 24" not in html


def test_caseload_search_answers_with_the_table_fragment(practice: Practice) -> None:
    response = _browser("alice", practice).get(reverse("clients:caseload"), {"q": "Camille"}, **HX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="caseload-table"') and "Camille Roy" in html
    assert "<svg" in html  # the sparkline
    assert response["Vary"].count("HX-Request") == 1


def test_caseload_shows_latest_rating_wai_total_and_overdue_tasks(practice: Practice) -> None:
    Task.objects.filter(pk=practice.task.pk).update(
        due_date=timezone.localdate() - dt.timedelta(days=2)
    )
    html = _browser("alice", practice).get(reverse("clients:caseload")).content.decode()
    assert "4 / 4 / 5" in html and "48/60" in html
    assert '<span class="warn">1</span>' in html


def test_language_choice_is_remembered_on_the_account(practice: Practice) -> None:
    browser = _browser("alice", practice)
    browser.post(reverse("set_language"), {"language": "en", "next": "/clients/"})
    practice.alice.refresh_from_db()
    assert practice.alice.language == "en"
    other_device = _browser("alice", practice)  # no language cookie there
    html = other_device.get(reverse("clients:caseload"), HTTP_ACCEPT_LANGUAGE="fr").content
    assert "My caseload" in html.decode()
