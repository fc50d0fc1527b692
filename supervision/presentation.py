"""Say the dashboard's figures and reasons in the user's language; build its charts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sessions.alliance_chart import _date_format
from sessions.charts import ChartText, Series, line_chart


def reason_text(kind: str, data: dict[str, Any]) -> str:
    """Return one at-risk reason as a sentence."""
    if kind == "flags":
        text = (
            ngettext(
                "%(n)s rupture flag without a repair plan",
                "%(n)s rupture flags without a repair plan",
                data["n"],
            )
            % data
        )
        if data.get("late"):
            text += (
                ngettext(
                    " (%(late)s still waiting after two sessions)",
                    " (%(late)s still waiting after two sessions)",
                    data["late"],
                )
                % data
            )
        return text
    if kind == "rating_drop":
        return _("The alliance rating dropped beyond this client's usual variability")
    if kind == "rating_divergence":
        return _("The client's WAI-SR and the practitioner's rating diverge")
    if kind == "repeated_absences":
        return _("Repeated absences")
    if kind == "quiet":
        if data.get("weeks") is None:
            return _("No session has taken place yet")
        return (
            ngettext(
                "No session for %(weeks)s week", "No session for %(weeks)s weeks", data["weeks"]
            )
            % data
        )
    return kind


def trend_chart(title: str, points: list[tuple[dt.date, float | None, float | None, int]]) -> str:
    """Return the SVG of monthly means: my rating (solid) and the client's WAI-SR (dashed)."""
    mine = [(d, r) for d, r, _w, _n in points if r is not None]
    theirs = [(d, w) for d, _r, w, _n in points if w is not None]
    series = []
    if mine:
        series.append(
            Series("practitioner", _("Practitioner rating (monthly mean)"), mine, "circle")
        )
    if theirs:
        series.append(
            Series("client", _("Client WAI-SR (monthly mean)"), theirs, "square", dashed=True)
        )
    if mine:
        first, last = mine[0], mine[-1]
        description = _("%(months)s months. Practitioner rating from %(first)s to %(last)s.") % {
            "months": len(points),
            "first": formats.number_format(first[1], 2),
            "last": formats.number_format(last[1], 2),
        }
    else:
        description = _("No session with ratings in this period.")
    return line_chart(
        series=series,
        text=ChartText(
            title=title,
            description=description,
            x_label=_("Month"),
            y_label=_("Mean rating (1 to 5)"),
            empty=_("No session with ratings in this period."),
            date_format=_date_format(),
        ),
        height=300,
    )
