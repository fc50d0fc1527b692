"""Write a PDF report a person reads: headings, tables and the SVG alliance charts."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_TABLE_ROWS = 500


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)  # SVG documents
    headers: Sequence[str] = ()
    rows: list[Sequence[Any]] = field(default_factory=list)


def write_pdf(
    path: Path, title: str, meta: Sequence[str], sections: Sequence[Section], truncated_note: str
) -> None:
    """Build the report; a table longer than MAX_TABLE_ROWS is cut, with `truncated_note`."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from svglib.svglib import svg2rlg

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        title=title,
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
    )
    width = doc.width
    story: list[Any] = [Paragraph(escape(title), styles["Title"])]
    story += [Paragraph(escape(line), styles["Normal"]) for line in meta]
    for section in sections:
        story += [Spacer(1, 0.4 * cm), Paragraph(escape(section.title), styles["Heading2"])]
        story += [Paragraph(escape(p), styles["Normal"]) for p in section.paragraphs]
        for svg in section.charts:
            drawing = svg2rlg(io.BytesIO(svg.encode("utf-8")))
            if drawing is None:
                continue
            scale = min(1.0, (width * 0.8) / drawing.width)
            drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
            drawing.scale(scale, scale)
            story += [drawing, Spacer(1, 0.3 * cm)]
        if section.headers:
            rows = section.rows[:MAX_TABLE_ROWS]
            data = [list(section.headers)] + [
                ["" if v is None else str(v) for v in r] for r in rows
            ]
            table = Table(data, repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
                        ("FONT", (0, 1), (-1, -1), "Helvetica", 7.5),
                        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
            if len(section.rows) > MAX_TABLE_ROWS:
                story.append(Paragraph(escape(truncated_note), styles["Italic"]))
    doc.build(story)
