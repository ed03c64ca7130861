"""The figures as files to publish: CSV rows "measure,value", and an .xlsx workbook (a Summary
sheet with each figure and its definition, a By month sheet and an Exemptions sheet).

Every cell from the data is written as a value, never as a formula: a text cell starting with
"=" stays text in the workbook, and gets a leading apostrophe in the CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from foi_core.csv_cells import safe_cell
from foi_core.plain import plain_date

from .figures import COUNT_KEYS, Figures
from .words import definitions

CSV_HEADER = ("measure", "value")
REVIEW_ROWS = (
    ("internal_reviews_upheld", "upheld", "reviews_upheld"),
    ("internal_reviews_upheld_in_part", "upheld_in_part", "reviews_upheld_in_part"),
    ("internal_reviews_overturned", "overturned", "reviews_overturned"),
    ("internal_reviews_not_decided", "not_decided", "reviews_not_decided"),
)


def summary_rows(figures: Figures) -> Iterator[tuple[str, str, Any, str]]:
    """(measure key, label, value, definition) for each figure of the Summary, in order: the
    counts, the internal reviews and their outcomes, then timeliness and its ICO band."""
    words = definitions()
    for key in COUNT_KEYS:
        measure = words.measure(key)
        yield key, measure.label, figures.count(key), measure.definition
    reviews = figures.internal_reviews.as_json()
    measure = words.measure("internal_reviews")
    yield "internal_reviews", measure.label, reviews["requested"], measure.definition
    for key, field, word_key in REVIEW_ROWS:
        measure = words.measure(word_key)
        yield key, measure.label, reviews[field], measure.definition
    measure = words.measure("timeliness")
    timeliness = "" if figures.timeliness is None else figures.timeliness
    yield "timeliness_percent", f"{measure.label} (%)", timeliness, measure.definition
    band = figures.band
    source = words.bands_source
    yield (
        "ico_band",
        "ICO band",
        band.label if band else "",
        (band.meaning if band else "Nothing answered yet.") + f" Source: {source.title}.",
    )


def _csv_rows(figures: Figures) -> Iterator[tuple[str, Any]]:
    yield "period_start", figures.period.start.isoformat()
    yield "period_end", figures.period.end.isoformat()
    for key, _label, value, _definition in summary_rows(figures):
        yield key, value
    for citation, number in figures.exemptions.items():
        yield f"exemption {citation}", number


def figures_csv(figures: Figures) -> str:
    """The figures as CSV: a "measure,value" header, the period, each figure, then one row per
    section cited ("exemption s31,4")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for key, value in _csv_rows(figures):
        writer.writerow([safe_cell(key), safe_cell(value)])
    return out.getvalue()


def read_figures_csv(text: str) -> dict[str, str]:
    """A figures CSV back as {measure: value} (for checks and tests)."""
    rows = list(csv.reader(io.StringIO(text)))
    return {measure: value for measure, value in rows[1:]}


# --- The workbook -------------------------------------------------------------------------------


def _put(sheet: Any, row: int, values: tuple[Any, ...]) -> None:
    """Write one row of values; text is kept as text (never read as a formula)."""
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"


def _table(sheet: Any, header: tuple[str, ...], rows: list[tuple[Any, ...]], widths: list[int]):
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    _put(sheet, 1, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, values in enumerate(rows, start=2):
        _put(sheet, number, values)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def figures_workbook(figures: Figures, title: str = "FOI statistics") -> bytes:
    """The figures as an .xlsx workbook ready to publish: Summary (measure, figure, what it
    counts), By month and Exemptions sheets, header rows bold, columns sized."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "Summary"
    period = figures.period
    rows: list[tuple[Any, ...]] = [
        (
            "Period",
            period.label,
            f"Requests received {plain_date(period.start)} to "
            f"{plain_date(period.end)}, counted by the date each request was received.",
        ),
    ]
    rows += [(label, value, definition) for _k, label, value, definition in summary_rows(figures)]
    _table(summary, ("Measure", "Figure", "What it counts"), rows, [30, 22, 90])
    book.properties.title = f"{title}: {period.label}"

    months = book.create_sheet("By month")
    month_rows = [
        (
            m.label,
            m.received,
            m.processed,
            m.in_time,
            m.late,
            "" if m.timeliness is None else m.timeliness,
        )
        for m in figures.by_month
    ]
    header = ("Month received", "Received", "Processed", "In time", "Late", "Timeliness (%)")
    _table(months, header, month_rows, [18, 12, 12, 12, 12, 16])

    exemptions = book.create_sheet("Exemptions")
    exemption_rows = [(citation, number) for citation, number in figures.exemptions.items()]
    _table(exemptions, ("Section", "Processed requests citing it"), exemption_rows, [14, 30])

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
