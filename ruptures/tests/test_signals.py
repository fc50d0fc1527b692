"""Session-data signals: plain functions, no Django."""

from __future__ import annotations

import datetime as dt

from ruptures.signals import SessionPoint, session_signals

T0 = dt.datetime(2026, 1, 5, 10, 0)


def point(
    i: int, attendance: str = "attended", rating: int | None = 4, **kw: object
) -> SessionPoint:
    met = attendance in ("attended", "late")
    values = {"goals": rating, "tasks": rating, "bond": rating} if met else {}
    return SessionPoint(
        id=i, starts_at=T0 + dt.timedelta(weeks=i), attendance=attendance, **values, **kw
    )  # type: ignore[arg-type]


def kinds(history: list[SessionPoint], **kw: bool) -> list[str]:
    return [s.signal for s in session_signals(history, **kw)]


def test_three_absences_in_four_planned_sessions_is_avoidance() -> None:
    history = [
        point(1),
        point(2, "no_show"),
        point(3, "cancelled_late"),
        point(4, "cancelled_notice"),
    ]
    (signal,) = session_signals(history)
    assert (signal.signal, signal.marker, signal.session_id) == (
        "repeated_absences",
        "avoidance",
        4,
    )


def test_practitioner_cancellations_and_a_single_absence_are_not() -> None:
    history = [point(1), point(2, "cancelled_practitioner"), point(3, "no_show"), point(4)]
    assert kinds(history) == []


def test_two_no_shows_in_a_row_fire_at_once() -> None:
    assert kinds([point(1), point(2, "no_show"), point(3, "no_show")]) == ["repeated_absences"]


def test_tasks_not_done_two_sessions_running_is_non_response() -> None:
    history = [point(1, tasks_not_done=1), point(2, "no_show"), point(3, tasks_not_done=2)]
    assert kinds(history) == ["tasks_not_done"]
    assert kinds([point(1, tasks_not_done=1), point(2)]) == []


def test_drop_beyond_two_standard_deviations_of_the_clients_own_ratings() -> None:
    steady = [point(i, rating=4) for i in range(1, 6)]
    assert kinds([*steady, point(6, rating=3)]) == ["rating_drop"]  # sd floor 0.25
    varied = [point(1, rating=2), point(2, rating=5), point(3, rating=3), point(4, rating=5)]
    assert kinds([*varied, point(5, rating=3)]) == []  # within this client's variability


def test_fallback_with_few_earlier_ratings_and_none_with_one() -> None:
    assert kinds([point(1, rating=5), point(2, rating=4), point(3, rating=3)]) == ["rating_drop"]
    (signal,) = session_signals([point(1, rating=5), point(2, rating=4), point(3, rating=3)])
    assert signal.detail["rule"] == "fallback"
    assert kinds([point(1, rating=5), point(2, rating=1)]) == []


def test_client_and_practitioner_ratings_diverging() -> None:
    assert kinds([point(1, rating=5, wai_mean=3.5)]) == ["rating_divergence"]
    assert kinds([point(1, rating=4, wai_mean=3.5)]) == []


def test_ceiling_ratings_with_compliance_language() -> None:
    history = [point(1, rating=5), point(2, rating=5), point(3, rating=5)]
    assert kinds(history, note_has_compliance=True) == ["ceiling_compliance"]
    assert kinds(history) == []
    assert (
        kinds(
            [point(1, rating=5), point(2, rating=4), point(3, rating=5)], note_has_compliance=True
        )
        == []
    )


def test_empty_history() -> None:
    assert session_signals([]) == []
