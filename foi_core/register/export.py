"""The register as CSV: a header, then each chunk of rows as text, so an export of 100,000
cases is written chunk by chunk as the store streams them (``Store.register_export``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from foi_core.csv_cells import safe_cell
from foi_core.people import name_of

from .facts import CATEGORY_LABELS
from .query import RegisterRow

CSV_HEADER = (
    "Reference",
    "Title",
    "Kind",
    "Status",
    "Assigned to",
    "Received",
    "Due",
    "Working days left",
    "Response date",
    "Outcome",
    "In time",
    "Extended",
    "Exemptions",
)


def _cell(value: object) -> str:
    """A value as a CSV cell; text a spreadsheet would run as a formula starts with a quote."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return safe_cell(value)


def _values(row: RegisterRow) -> list[str]:
    processed = row.processed
    return [
        _cell(row.ref),
        _cell(row.title),
        row.kind.value,
        row.status.value,
        _cell(name_of(row.assigned_to) if row.assigned_to else ""),
        row.received.isoformat(),
        row.due_date.isoformat() if row.due_date else "",
        "" if row.days_left is None else str(row.days_left),
        row.response_date.isoformat() if row.response_date else "",
        CATEGORY_LABELS[row.category] if row.category else "",
        _cell(row.in_time) if processed else "",
        _cell(row.extended),
        " ".join(row.sections),
    ]


def csv_text(rows: Iterable[RegisterRow], *, header: bool = False) -> str:
    """CSV text of ``rows`` (with the header line first when ``header``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(CSV_HEADER)
    writer.writerows(_values(row) for row in rows)
    return out.getvalue()
