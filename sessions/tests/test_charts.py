"""The SVG chart builder: plain functions, no Django."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from sessions.charts import ChartText, Event, Series, line_chart, sparkline

NS = "{http://www.w3.org/2000/svg}"
TEXT = ChartText(
    title="Alliance",
    description="Bond rose from 3 to 5.",
    x_label="Date",
    y_label="Rating (1-5)",
    empty="No data yet",
)
D = dt.date(2026, 1, 1)


def _series() -> list[Series]:
    days = [D + dt.timedelta(days=7 * i) for i in range(4)]
    return [
        Series(
            "goals", "Goals (practitioner)", list(zip(days, [3, 4, 4, 5], strict=True)), "circle"
        ),
        Series(
            "bond",
            "Bond (client WAI-SR)",
            list(zip(days, [3.5, 4, 4.25, 5], strict=True)),
            "triangle",
            dashed=True,
        ),
    ]


def test_chart_is_valid_svg_with_title_and_text_alternative() -> None:
    root = ET.fromstring(line_chart(series=_series(), text=TEXT))
    assert root.get("role") == "img"
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title is not None and title.text == "Alliance"
    assert desc is not None and desc.text == "Bond rose from 3 to 5."
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert "Date" in texts and "Rating (1-5)" in texts


def test_series_differ_by_shape_and_dash_not_only_colour() -> None:
    svg = line_chart(series=_series(), text=TEXT)
    root = ET.fromstring(svg)
    assert len(root.findall(f".//{NS}circle")) >= 4  # goals markers
    assert len(root.findall(f".//{NS}polygon")) >= 4  # bond triangles
    dashed = [p for p in root.iter(f"{NS}polyline") if p.get("stroke-dasharray")]
    assert len(dashed) == 1


def test_each_point_names_its_value_and_date() -> None:
    svg = line_chart(series=_series(), text=TEXT)
    assert "Goals (practitioner): 5 (2026-01-22)" in svg
    assert "Bond (client WAI-SR): 4.2 (2026-01-15)" in svg or "4.25" not in svg


def test_missed_sessions_are_marked_and_listed_in_the_legend() -> None:
    svg = line_chart(
        series=_series(), events=[Event(D + dt.timedelta(days=10), "No-show")], text=TEXT
    )
    root = ET.fromstring(svg)
    assert root.findall(f".//{NS}g[@class='missed']")
    assert "No-show (2026-01-11)" in svg


def test_labels_are_escaped() -> None:
    text = ChartText(
        title="<script>x</script>", description="a & b", x_label="x", y_label="y", empty="-"
    )
    svg = line_chart(series=[Series("goals", "<b>", [(D, 3)])], text=text)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    ET.fromstring(svg)


def test_empty_and_single_point_charts_still_render() -> None:
    assert "No data yet" in line_chart(series=[], text=TEXT)
    root = ET.fromstring(line_chart(series=[Series("goals", "G", [(D, 4)])], text=TEXT))
    assert root.find(f".//{NS}circle") is not None


def test_sparkline_has_a_label_and_handles_one_value() -> None:
    assert sparkline([], label="none") == ""
    root = ET.fromstring(sparkline([3, 4, 5], label="Trend 3 to 5"))
    assert root.get("aria-label") == "Trend 3 to 5"
    ET.fromstring(sparkline([4], label="one"))


def test_date_labels_never_crowd_each_other() -> None:
    for days in (1, 3, 7, 30, 365):
        points = [(D + dt.timedelta(days=d), 3.0) for d in range(0, days + 1, max(days // 5, 1))]
        root = ET.fromstring(line_chart(series=[Series("goals", "G", points)], text=TEXT))
        xs = sorted(
            float(t.get("x"))
            for t in root.iter(f"{NS}text")
            if t.text and t.text.startswith("2026-") or (t.text or "").startswith("2027-")
        )
        assert all(b - a >= 90 for a, b in zip(xs, xs[1:], strict=False)), (days, xs)
