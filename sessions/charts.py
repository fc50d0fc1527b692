"""Build accessible SVG charts from plain data (no Django; labels come translated).

Every chart has a <title> and a <desc> (its text alternative), labelled axes, and tells its
series apart by marker shape and dash pattern as well as by colour, so colour is never the
only carrier of meaning. The same SVG serves web pages and PDF reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import count

# Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
COLOURS = {
    "goals": "#0072B2",
    "tasks": "#D55E00",
    "bond": "#009E73",
    "other": "#555555",
    "practitioner": "#0072B2",
    "client": "#D55E00",
}
_ids = count(1)


@dataclass(frozen=True)
class Series:
    key: str  # "goals", "tasks" or "bond": picks the colour
    label: str
    points: Sequence[tuple[dt.date, float]]
    marker: str = "circle"
    dashed: bool = False  # client-rated series are dashed and hollow


@dataclass(frozen=True)
class Event:
    """A session that did not take place (cancelled, no-show), marked on the time axis."""

    when: dt.date
    label: str


@dataclass(frozen=True)
class ChartText:
    title: str
    description: str
    x_label: str
    y_label: str
    empty: str
    date_format: str = "%Y-%m-%d"


@dataclass
class _Frame:
    width: int
    height: int
    left: int = 52
    right: int = 32
    top: int = 16
    bottom: int = 96
    y_min: float = 1
    y_max: float = 5
    start: dt.date = field(default_factory=dt.date.today)
    end: dt.date = field(default_factory=dt.date.today)

    @property
    def plot_w(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_h(self) -> float:
        return self.height - self.top - self.bottom

    def x(self, when: dt.date) -> float:
        span = (self.end - self.start).days
        if span <= 0:
            return self.left + self.plot_w / 2
        return self.left + self.plot_w * (when - self.start).days / span

    def y(self, value: float) -> float:
        ratio = (value - self.y_min) / (self.y_max - self.y_min)
        return self.top + self.plot_h * (1 - ratio)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _marker(shape: str, x: float, y: float, colour: str, hollow: bool, tip: str) -> str:
    fill = "#ffffff" if hollow else colour
    common = f'fill="{fill}" stroke="{colour}" stroke-width="1.8"'
    title = f"<title>{escape(tip)}</title>"
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" {common}>{title}</rect>'
    if shape == "triangle":
        pts = f"{x:.1f},{y - 5:.1f} {x - 5:.1f},{y + 4:.1f} {x + 5:.1f},{y + 4:.1f}"
        return f'<polygon points="{pts}" {common}>{title}</polygon>'
    if shape == "diamond":
        pts = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"
        return f'<polygon points="{pts}" {common}>{title}</polygon>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" {common}>{title}</circle>'


def line_chart(
    *,
    series: Sequence[Series],
    events: Sequence[Event] = (),
    text: ChartText,
    width: int = 720,
    height: int = 320,
    y_min: float = 1,
    y_max: float = 5,
) -> str:
    """Return an SVG line chart of dated values on a fixed scale, with missed sessions marked."""
    uid = f"chart{next(_ids)}"
    dates = [d for s in series for d, _ in s.points] + [e.when for e in events]
    places = _legend_layout(series, width, 52)
    legend_rows = (places[-1][1] + 1 if places else 0) + (1 if events else 0)
    frame = _Frame(
        width=width, height=height, y_min=y_min, y_max=y_max, bottom=70 + 18 * legend_rows
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="chart" role="img" aria-labelledby="{uid}-t {uid}-d">',
        f'<title id="{uid}-t">{escape(text.title)}</title>',
        f'<desc id="{uid}-d">{escape(text.description)}</desc>',
    ]
    if not dates:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" '
            f'font-size="14" fill="#5b6776">{escape(text.empty)}</text></svg>'
        )
        return "".join(parts)
    frame.start, frame.end = min(dates), max(dates)
    parts.append(_axes(frame, text))
    for event in events:
        x = frame.x(event.when)
        parts.append(
            f'<g class="missed"><title>{escape(event.label)} '
            f"({event.when.strftime(text.date_format)})</title>"
            f'<line x1="{x:.1f}" y1="{frame.top}" x2="{x:.1f}" y2="{frame.top + frame.plot_h}" '
            f'stroke="#a3261f" stroke-width="1" stroke-dasharray="2 3"/>'
            f'<text x="{x:.1f}" y="{frame.top + frame.plot_h + 14}" text-anchor="middle" '
            f'font-size="12" fill="#a3261f">×</text></g>'
        )
    for s in series:
        colour = COLOURS.get(s.key, COLOURS["other"])
        pts = sorted(s.points)
        if len(pts) > 1:
            path = " ".join(f"{frame.x(d):.1f},{frame.y(v):.1f}" for d, v in pts)
            dash = ' stroke-dasharray="6 4"' if s.dashed else ""
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
            )
        for d, v in pts:
            tip = f"{s.label}: {_num(v)} ({d.strftime(text.date_format)})"
            parts.append(_marker(s.marker, frame.x(d), frame.y(v), colour, s.dashed, tip))
    parts.append(_legend(frame, series, events, text))
    parts.append("</svg>")
    return "".join(parts)


def _axes(frame: _Frame, text: ChartText) -> str:
    bottom = frame.top + frame.plot_h
    out = [
        f'<line x1="{frame.left}" y1="{bottom}" x2="{frame.left + frame.plot_w}" y2="{bottom}" '
        f'stroke="#1d2733"/>',
        f'<line x1="{frame.left}" y1="{frame.top}" x2="{frame.left}" y2="{bottom}" '
        f'stroke="#1d2733"/>',
    ]
    step = 1 if frame.y_max - frame.y_min <= 8 else (frame.y_max - frame.y_min) / 4
    value = frame.y_min
    while value <= frame.y_max + 1e-9:
        y = frame.y(value)
        out.append(
            f'<line x1="{frame.left}" y1="{y:.1f}" x2="{frame.left + frame.plot_w}" '
            f'y2="{y:.1f}" stroke="#d6dce3" stroke-width="1"/>'
            f'<text x="{frame.left - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1d2733">{_num(value)}</text>'
        )
        value += step
    for i, when in enumerate(_date_ticks(frame)):
        x = frame.x(when)
        # The end labels lean inwards so that they stay inside the drawing.
        anchor = "middle"
        if frame.start != frame.end:
            anchor = "start" if i == 0 else "end" if when == frame.end else "middle"
        out.append(
            f'<text x="{x:.1f}" y="{bottom + 30}" text-anchor="{anchor}" font-size="12" '
            f'fill="#1d2733">{escape(when.strftime(text.date_format))}</text>'
        )
    out.append(
        f'<text x="{frame.left + frame.plot_w / 2}" y="{bottom + 48}" text-anchor="middle" '
        f'font-size="12" fill="#5b6776">{escape(text.x_label)}</text>'
        f'<text x="14" y="{frame.top + frame.plot_h / 2}" text-anchor="middle" font-size="12" '
        f'fill="#5b6776" transform="rotate(-90 14 {frame.top + frame.plot_h / 2})">'
        f"{escape(text.y_label)}</text>"
    )
    return "".join(out)


def _date_ticks(frame: _Frame, count: int = 4, min_gap: float = 90) -> list[dt.date]:
    """Return up to count + 1 distinct dates spread over the axis, never closer than min_gap."""
    if frame.start == frame.end:
        return [frame.start]
    span = (frame.end - frame.start).days
    candidates = sorted(
        {frame.start + dt.timedelta(days=round(span * i / count)) for i in range(count + 1)}
    )
    kept: list[dt.date] = []
    for when in candidates:
        if when == frame.end:
            while kept and frame.x(when) - frame.x(kept[-1]) < min_gap and len(kept) > 1:
                kept.pop()
            if kept and frame.x(when) - frame.x(kept[-1]) < min_gap:
                continue
            kept.append(when)
        elif not kept or frame.x(when) - frame.x(kept[-1]) >= min_gap:
            kept.append(when)
    return kept


def _legend_layout(series: Sequence[Series], width: int, left: int) -> list[tuple[int, int]]:
    """Place legend items left to right by their text length: (x, row) for each."""
    places, x, row = [], left, 0
    for s in series:
        item_width = 40 + int(6.6 * len(s.label))
        if x > left and x + item_width > width - 8:
            x, row = left, row + 1
        places.append((x, row))
        x += item_width
    return places


def _legend(
    frame: _Frame, series: Sequence[Series], events: Sequence[Event], text: ChartText
) -> str:
    y0 = frame.top + frame.plot_h + 62
    out = ['<g class="legend">']
    places = _legend_layout(series, frame.width, frame.left)
    for s, (x, row) in zip(series, places, strict=True):
        colour = COLOURS.get(s.key, COLOURS["other"])
        y = y0 + row * 18
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        out.append(
            f'<line x1="{x}" y1="{y}" x2="{x + 24}" y2="{y}" stroke="{colour}" '
            f'stroke-width="2"{dash}/>'
            + _marker(s.marker, x + 12, y, colour, s.dashed, s.label)
            + f'<text x="{x + 30}" y="{y + 4}" font-size="12" fill="#1d2733">'
            f"{escape(s.label)}</text>"
        )
    if events:
        labels = sorted({e.label for e in events})
        y = y0 + ((places[-1][1] + 1) if places else 0) * 18
        out.append(
            f'<text x="{frame.left + 6}" y="{y + 4}" font-size="12" fill="#a3261f">×</text>'
            f'<text x="{frame.left + 30}" y="{y + 4}" font-size="12" fill="#1d2733">'
            f"{escape(', '.join(labels))}</text>"
        )
    out.append("</g>")
    return "".join(out)


def sparkline(
    values: Sequence[float],
    *,
    label: str,
    width: int = 96,
    height: int = 24,
    y_min: float = 1,
    y_max: float = 5,
) -> str:
    """Return a small SVG trend line; `label` is its text alternative."""
    if not values:
        return ""
    step = width / max(len(values) - 1, 1)
    span = y_max - y_min

    def y(v: float) -> float:
        return 2 + (height - 4) * (1 - (v - y_min) / span)

    pts = " ".join(
        f"{i * step if len(values) > 1 else width / 2:.1f},{y(v):.1f}" for i, v in enumerate(values)
    )
    last_x = (len(values) - 1) * step if len(values) > 1 else width / 2
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" class="sparkline" role="img" '
        f'aria-label="{escape(label)}"><polyline points="{pts}" fill="none" '
        f'stroke="{COLOURS["goals"]}" stroke-width="1.6"/>'
        f'<circle cx="{last_x:.1f}" cy="{y(values[-1]):.1f}" r="2.4" '
        f'fill="{COLOURS["goals"]}"/></svg>'
    )
