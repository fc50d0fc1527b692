"""Turn a client's sessions into the accessible alliance chart, in the user's language."""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from clients.models import Client
from sessions.charts import ChartText, Event, Series, line_chart, sparkline
from sessions.models import MET, Attendance
from sessions.scoring import score_wai_sr
from sessions.selectors import SessionRow, session_rows


def _date_format() -> str:
    return "%d/%m/%Y" if (get_language() or "").startswith("fr") else "%Y-%m-%d"


def client_alliance_chart(*, client: Client, sessions: list[SessionRow] | None = None) -> str:
    """Return the SVG of the client's alliance over time; notes are never loaded.

    `sessions` is selectors.session_rows(client=client) when the caller has it already;
    otherwise this reads it (one query).
    """
    rows = session_rows(client=client) if sessions is None else sessions
    labels = dict(Attendance.choices)
    practitioner: dict[str, list[tuple[dt.date, float]]] = {"goals": [], "tasks": [], "bond": []}
    client_rated: dict[str, list[tuple[dt.date, float]]] = {"goals": [], "tasks": [], "bond": []}
    events: list[Event] = []
    dates: list[dt.date] = []
    for row in rows:
        day = timezone.localdate(row.starts_at)
        dates.append(day)
        if row.attendance not in MET:
            events.append(Event(day, str(labels[row.attendance])))
            continue
        if row.goals is not None:
            practitioner["goals"].append((day, row.goals))
            practitioner["tasks"].append((day, row.tasks))
            practitioner["bond"].append((day, row.bond))
        if row.wai[0] is not None:
            score = score_wai_sr(dict(enumerate(row.wai, start=1)))
            client_rated["goals"].append((day, score.goal))
            client_rated["tasks"].append((day, score.task))
            client_rated["bond"].append((day, score.bond))
    names = {"goals": _("Goals"), "tasks": _("Tasks"), "bond": _("Bond")}
    shapes = {"goals": "circle", "tasks": "square", "bond": "triangle"}
    series = [
        Series(k, _("%(dimension)s (practitioner)") % {"dimension": names[k]}, v, shapes[k])
        for k, v in practitioner.items()
        if v
    ] + [
        Series(
            k,
            _("%(dimension)s (client WAI-SR)") % {"dimension": names[k]},
            v,
            shapes[k],
            dashed=True,
        )
        for k, v in client_rated.items()
        if v
    ]
    return line_chart(
        series=series,
        events=events,
        text=ChartText(
            title=_("Alliance over time: %(client)s") % {"client": client.display_name},
            description=_describe(dates, practitioner, client_rated, events),
            x_label=_("Session date"),
            y_label=_("Rating (1 to 5)"),
            empty=_("No session logged yet."),
            date_format=_date_format(),
        ),
    )


def _describe(
    dates: list[dt.date],
    practitioner: dict[str, list],
    client_rated: dict[str, list],
    events: list[Event],
) -> str:
    """Write the chart's text alternative: span, latest ratings, missed sessions."""
    if not dates:
        return _("No session logged yet.")
    parts = [
        _("%(count)s sessions from %(first)s to %(last)s.")
        % {
            "count": len(dates),
            "first": formats.date_format(dates[0], "SHORT_DATE_FORMAT"),
            "last": formats.date_format(dates[-1], "SHORT_DATE_FORMAT"),
        }
    ]
    if practitioner["goals"]:
        parts.append(
            _("Latest practitioner ratings: goals %(goals)s, tasks %(tasks)s, bond %(bond)s.")
            % {k: v[-1][1] for k, v in practitioner.items()}
        )
    if client_rated["goals"]:
        parts.append(
            _("Latest client WAI-SR: goals %(goals)s, tasks %(tasks)s, bond %(bond)s.")
            % {k: formats.number_format(v[-1][1], 2) for k, v in client_rated.items()}
        )
    if events:
        parts.append(_("%(count)s sessions cancelled or missed.") % {"count": len(events)})
    return " ".join(parts)


def caseload_sparkline(values: list[float]) -> str:
    """Return the small trend line shown on the caseload, with its text alternative."""
    if not values:
        return ""
    label = _("Alliance trend over the last %(count)s sessions: from %(first)s to %(last)s") % {
        "count": len(values),
        "first": formats.number_format(values[0], 1),
        "last": formats.number_format(values[-1], 1),
    }
    return sparkline(values, label=label)
