"""The supervision dashboard, the at-risk queue, trends and comments."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import Practice
from ruptures.models import RuptureFlag
from supervision.models import Comment
from supervision.selectors import dashboard
from tests.factories import ClientFactory, SessionFactory, SupervisionFactory, UserFactory
from tests.test_url_access import _browser

HX = {"HTTP_HX_REQUEST": "true"}


def _sessions(client: object, ratings: list[int | None], start_days_ago: int = 150) -> None:
    for i, rating in enumerate(ratings):
        SessionFactory(
            client=client,
            starts_at=timezone.now() - dt.timedelta(days=start_days_ago - 14 * i),
            attendance="attended" if rating else "no_show",
            notes="",
            goals_rating=rating,
            tasks_rating=rating,
            bond_rating=rating,
        )


def test_rows_give_each_supervisees_figures_and_trend(practice: Practice) -> None:
    _sessions(practice.client, [5, 5, 5, 5, 2, 2, None, 2, 2])
    data = dashboard(user=practice.sam, period=90, therapist_id=None)
    (row,) = data.rows
    assert row.therapist == practice.alice and row.active_clients == 1
    assert row.rating_now is not None and row.rating_before is not None
    assert row.rating_trend is not None and row.rating_trend < 0
    assert row.no_show == 1 and row.planned >= 4
    assert row.open_flags == 1


def test_at_risk_queue_ranks_clients_with_reasons_in_words(practice: Practice) -> None:
    quiet = ClientFactory(therapist=practice.alice, display_name="Zed Quiet")
    _sessions(quiet, [4], start_days_ago=60)
    steady = ClientFactory(therapist=practice.alice, display_name="Sam Steady")
    _sessions(steady, [4], start_days_ago=3)
    RuptureFlag.objects.create(
        session=practice.session,
        client=practice.client,
        source="session_data",
        signal="rating_drop",
    )
    page = _browser("sam", practice).get(reverse("supervision:dashboard"))
    text = html.unescape(page.content.decode())
    queue = text[text.index('id="queue-title"') :]
    assert queue.index("Camille Roy") < queue.index("Zed Quiet")
    assert "Sam Steady" not in queue
    assert "1 signalement de rupture sans plan de réparation" in queue or (
        "1 rupture flag without a repair plan" in queue
    )
    assert "semaines" in queue or "weeks" in queue


def test_flag_without_repair_after_two_sessions_is_counted(practice: Practice) -> None:
    later = practice.session.starts_at

    def unrepaired() -> int:
        return dashboard(user=practice.sam, period=90, therapist_id=None).rows[0].unrepaired_flags

    SessionFactory(client=practice.client, starts_at=later + dt.timedelta(days=7))
    assert unrepaired() == 0  # one session since: not yet
    SessionFactory(
        client=practice.client,
        starts_at=later + dt.timedelta(days=10),
        attendance="no_show",
        goals_rating=None,
        tasks_rating=None,
        bond_rating=None,
    )
    assert unrepaired() == 0  # a missed session does not count
    SessionFactory(client=practice.client, starts_at=later + dt.timedelta(days=14))
    assert unrepaired() == 1


def test_trends_and_charts_for_each_caseload_and_overall(practice: Practice) -> None:
    SupervisionFactory(supervisor=practice.sam, therapist=practice.bob)
    _sessions(practice.client, [4, 4, 3], start_days_ago=80)
    _sessions(practice.bobs_client, [5, 4], start_days_ago=70)
    data = dashboard(user=practice.sam, period=90, therapist_id=None)
    assert None in data.trends and practice.alice.pk in data.trends
    page = _browser("sam", practice).get(reverse("supervision:dashboard"))
    assert page.content.decode().count('role="img"') >= 3  # overall + one per therapist
    only_bob = _browser("sam", practice).get(
        reverse("supervision:dashboard"), {"therapist": practice.bob.pk, "period": 90}
    )
    assert "Camille Roy" not in only_bob.content.decode()


@pytest.mark.parametrize("query", [{"period": "banana"}, {"therapist": "99999"}, {"period": "7"}])
def test_unknown_filters_give_the_default_view_and_say_so(
    practice: Practice, query: dict[str, str]
) -> None:
    page = _browser("sam", practice).get(reverse("supervision:dashboard"), query)
    assert page.status_code == 200 and "Camille Roy" in page.content.decode()
    assert 'class="message warning"' in page.content.decode()


def test_a_period_with_no_data_and_a_supervisor_with_no_supervisees(practice: Practice) -> None:
    lonely = UserFactory(username="lonely", role="supervisor")
    page = _browser("sue", practice)
    assert (
        _browser("sam", practice).get(reverse("supervision:dashboard"), {"period": 30}).status_code
        == 200
    )
    from django.test import Client as HttpClient

    browser = HttpClient()
    browser.force_login(lonely, backend="django.contrib.auth.backends.ModelBackend")
    response = browser.get(reverse("supervision:dashboard"))
    assert response.status_code == 200
    assert "superviseur" in response.content.decode() or "supervisor" in (response.content.decode())
    assert page.get(reverse("supervision:dashboard")).status_code == 200


def test_my_practice_shows_a_therapist_only_their_own_caseload(practice: Practice) -> None:
    page = _browser("bob", practice).get(reverse("supervision:dashboard")).content.decode()
    assert "Camille Roy" not in page
    data = dashboard(user=practice.bob, period=90, therapist_id=practice.alice.pk)
    assert data.therapists == [] and data.rows == []


@pytest.mark.parametrize("clients", [1, 5])
def test_dashboard_costs_a_fixed_number_of_queries(
    practice: Practice, clients: int, django_assert_num_queries: object
) -> None:
    for _ in range(clients):
        _sessions(ClientFactory(therapist=practice.alice), [4, 3, None, 5], start_days_ago=60)
    browser = _browser("sam", practice)
    # login session, user, therapists, clients (with their two latest sessions), session
    # figures, flags, monthly trends
    with django_assert_num_queries(7):  # type: ignore[operator]
        assert browser.get(reverse("supervision:dashboard")).status_code == 200


def test_supervisor_comments_and_the_therapist_answers(practice: Practice) -> None:
    sam, alice = _browser("sam", practice), _browser("alice", practice)
    response = sam.post(
        reverse("supervision:comment_create", args=[practice.client.pk]),
        {"body": "As-tu exploré le retrait de la dernière séance ?", "flag": practice.flag.pk},
        **HX,
    )
    assert 'id="comments-panel"' in response.content.decode()
    thread = Comment.objects.get(flag=practice.flag)
    page = html.unescape(
        alice.get(reverse("clients:detail", args=[practice.client.pk])).content.decode()
    )
    assert "As-tu exploré le retrait" in page
    alice.post(
        reverse("supervision:comment_reply", args=[thread.pk]),
        {"body": "Oui, on en parle jeudi."},
        **HX,
    )
    assert thread.replies.get().author == practice.alice
    # The therapist answers but does not start threads; a colleague cannot see any of it.
    refused = alice.post(
        reverse("supervision:comment_create", args=[practice.client.pk]), {"body": "x"}
    )
    assert refused.status_code == 403
    assert (
        _browser("bob", practice)
        .post(reverse("supervision:comment_reply", args=[thread.pk]), {"body": "x"})
        .status_code
        == 404
    )


def test_comment_text_is_encrypted_at_rest(practice: Practice) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM supervision_comment")
        assert "Comment va le lien" not in cursor.fetchone()[0]
