"""Write export files row by row, never holding the whole file in memory (no Django)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

# A cell starting with one of these may run as a formula in a spreadsheet (CSV injection).
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PROGRESS_EVERY = 1000


def progress_every() -> int:
    """Return how many rows go between two progress reports (settings, else 1000)."""
    try:
        from django.conf import settings

        return int(getattr(settings, "EXPORT_PROGRESS_EVERY", PROGRESS_EVERY))
    except Exception:  # outside Django
        return PROGRESS_EVERY


Progress = Callable[[int], None]


def neutralise(value: Any) -> Any:
    """Return the value, a text that could run as a formula prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def write_csv(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], progress: Progress
) -> int:
    """Write RFC 4180 CSV (UTF-8, CRLF, quotes doubled); return the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(headers)
        for row in rows:
            writer.writerow(["" if v is None else neutralise(v) for v in row])
            count += 1
            if count % progress_every() == 0:
                progress(count)
    return count


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    progress: Progress,
    sheet: str = "export",
) -> int:
    """Write an XLSX workbook in openpyxl's write-only (streaming) mode; return the rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=sheet[:31])
    worksheet.append(list(headers))
    count = 0
    for row in rows:
        cells = []
        for value in row:
            value = neutralise(value)
            if isinstance(value, str):
                # Text stored before control characters were refused: XML 1.0 cannot hold them.
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell = WriteOnlyCell(worksheet, value=value)
                cell.data_type = "s"  # text stays text, never a formula
                cells.append(cell)
            else:
                cells.append(value)
        worksheet.append(cells)
        count += 1
        if count % PROGRESS_EVERY == 0:
            progress(count)
    workbook.save(path)
    return count
