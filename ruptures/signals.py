"""Read alliance warning signs in session data (plain Python, no Django).

Each rule looks at the sessions up to and including the one being scanned, and names the
session it fires on. Rules, as shown to the practitioner:

- repeated_absences (avoidance): at least 3 of the last 4 planned sessions were missed,
  cancelled by the client or begun late (15 minutes or more), or the last 2 were no-shows.
- tasks_not_done (non_response): tasks were reviewed as not done in this session and in the
  session before it.
- rating_drop: my rating (mean of goals, tasks and bond) fell more than 2 standard
  deviations below the mean of this client's earlier ratings (at least 4 earlier ratings;
  the standard deviation counts as at least 0.25). Fallback with 2 or 3 earlier ratings:
  a fall of 1 point or more below their mean. Fewer than 2 earlier ratings: no rule.
- rating_divergence: my rating and the client's WAI-SR mean differ by 1 point or more.
- ceiling_compliance (compliance): my three ratings were all 5 in the last 3 sessions that
  took place, and this session's note reads as compliance.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

MISSED = frozenset({"no_show", "cancelled_late", "cancelled_notice"})
MET = frozenset({"attended", "late"})
LATE_MINUTES = 15
MIN_SD = 0.25


@dataclass(frozen=True)
class SessionPoint:
    id: int
    starts_at: dt.datetime
    attendance: str
    late_minutes: int | None = None
    goals: int | None = None
    tasks: int | None = None
    bond: int | None = None
    wai_mean: float | None = None  # the client's WAI-SR, mean of the 12 items (1-5)
    tasks_not_done: int = 0  # tasks reviewed in this session as not done

    @property
    def rating(self) -> float | None:
        if self.goals is None or self.tasks is None or self.bond is None:
            return None
        return (self.goals + self.tasks + self.bond) / 3


@dataclass(frozen=True)
class Signal:
    session_id: int
    signal: str
    marker: str  # a Safran marker code, or "" for a plain alliance signal
    detail: dict[str, float | int | str] = field(default_factory=dict)


def session_signals(
    history: Sequence[SessionPoint], *, note_has_compliance: bool = False
) -> list[Signal]:
    """Return the signals that fire on the last session of `history` (oldest first)."""
    if not history:
        return []
    points = sorted(history, key=lambda p: (p.starts_at, p.id))
    current = points[-1]
    found = [
        _repeated_absences(points),
        _tasks_not_done(points),
        _rating_drop(points),
        _rating_divergence(current),
        _ceiling_compliance(points, note_has_compliance),
    ]
    return [s for s in found if s is not None]


def _absent(point: SessionPoint) -> bool:
    if point.attendance in MISSED:
        return True
    return point.attendance == "late" and (point.late_minutes or 0) >= LATE_MINUTES


def _repeated_absences(points: list[SessionPoint]) -> Signal | None:
    planned = [p for p in points if p.attendance != "cancelled_practitioner"]
    if not planned or planned[-1].id != points[-1].id:
        return None
    last4 = planned[-4:]
    absent = sum(_absent(p) for p in last4)
    two_no_shows = len(planned) >= 2 and all(p.attendance == "no_show" for p in planned[-2:])
    if (len(last4) == 4 and absent >= 3) or two_no_shows:
        return Signal(
            points[-1].id, "repeated_absences", "avoidance", {"absent": absent, "of": len(last4)}
        )
    return None


def _tasks_not_done(points: list[SessionPoint]) -> Signal | None:
    met = [p for p in points if p.attendance in MET]
    if len(met) < 2 or met[-1].id != points[-1].id:
        return None
    if met[-1].tasks_not_done and met[-2].tasks_not_done:
        return Signal(
            points[-1].id,
            "tasks_not_done",
            "non_response",
            {"now": met[-1].tasks_not_done, "before": met[-2].tasks_not_done},
        )
    return None


def _rating_drop(points: list[SessionPoint]) -> Signal | None:
    current = points[-1]
    if current.rating is None:
        return None
    earlier = [p.rating for p in points[:-1] if p.rating is not None]
    if len(earlier) < 2:
        return None
    mean = statistics.fmean(earlier)
    if len(earlier) >= 4:
        sd = max(statistics.stdev(earlier), MIN_SD)
        threshold, rule = mean - 2 * sd, "2sd"
    else:
        threshold, rule = mean - 1.0, "fallback"
    if current.rating < threshold:
        return Signal(
            current.id,
            "rating_drop",
            "",
            {
                "rating": round(current.rating, 2),
                "mean": round(mean, 2),
                "threshold": round(threshold, 2),
                "earlier": len(earlier),
                "rule": rule,
            },
        )
    return None


def _rating_divergence(current: SessionPoint) -> Signal | None:
    if current.rating is None or current.wai_mean is None:
        return None
    gap = current.rating - current.wai_mean
    if abs(gap) >= 1.0:
        return Signal(
            current.id,
            "rating_divergence",
            "",
            {
                "practitioner": round(current.rating, 2),
                "client": round(current.wai_mean, 2),
                "gap": round(gap, 2),
            },
        )
    return None


def _ceiling_compliance(points: list[SessionPoint], compliance_language: bool) -> Signal | None:
    met = [p for p in points if p.attendance in MET]
    if not compliance_language or len(met) < 3 or met[-1].id != points[-1].id:
        return None
    if all(p.goals == p.tasks == p.bond == 5 for p in met[-3:]):
        return Signal(points[-1].id, "ceiling_compliance", "compliance", {"sessions": 3})
    return None
