"""The PDF report of an export: alliance by month, a summary per client, the chosen table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import User
from exports import rows as export_rows
from exports.models import Content, ExportJob
from exports.pdf import Section, write_pdf
from supervision.presentation import trend_chart
from supervision.selectors import monthly_trends


def write_report(job: ExportJob, path: Path, progress: Any) -> int:
    """Write the PDF report; return the number of rows in its main table."""
    start, end = export_rows.period(job)
    clients = export_rows.scope(job)
    names = export_rows.Pseudonyms()
    trends = monthly_trends(clients, start, overall=True)
    therapists = {u.pk: u for u in User.objects.filter(pk__in=[k for k in trends if k])}
    charts = []
    if None in trends:
        charts.append(trend_chart(_("All caseloads"), trends[None]))
    for pk, points in trends.items():
        if pk is None:
            continue
        name = names.therapist(pk) if job.deidentify else str(therapists[pk])
        charts.append(trend_chart(_("Caseload of %(name)s") % {"name": name}, points))
    summary_headers, summary, _count = export_rows.summary_rows(job)
    sections = [
        Section(_("Alliance by month"), charts=charts),
        Section(_("Alliance summary per client"), headers=summary_headers, rows=list(summary)),
    ]
    count = len(sections[1].rows)
    if job.content in (Content.SESSIONS, Content.FLAGS, Content.AUDIT):
        headers, table, _total = export_rows.ROWS[job.content](job)
        rows = list(table)
        sections.append(Section(str(Content(job.content).label), headers=headers, rows=rows))
        count = len(rows)
    progress(count)
    meta = [
        _("Period: %(start)s to %(end)s")
        % {
            "start": formats.date_format(start.date(), "SHORT_DATE_FORMAT"),
            "end": formats.date_format((end - dt.timedelta(days=1)).date(), "SHORT_DATE_FORMAT"),
        },
        _("Generated on %(when)s for %(who)s")
        % {
            "when": formats.date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT"),
            "who": job.requested_by,
        },
        _("De-identified: names and codes replaced by pseudonyms, free text left out.")
        if job.deidentify
        else _("Identified: this report holds health information."),
    ]
    write_pdf(
        path,
        _("Alliance report"),
        meta,
        sections,
        _("The table is cut at 500 rows; export CSV or XLSX for all of them."),
    )
    return count
