"""The disclosure log as CSV, JSON and a folder of static HTML pages (with its zip).

Every text is HTML-escaped with ``html.escape`` (no template engine ever sees a request's
text), CSV cells are guarded against formulas (``foi_core.csv_cells.safe_cell``), and file
names come from the reference only.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from html import escape
from pathlib import Path

from .log import LogEntry

CSV_HEADER = ("Reference", "Date", "Title", "Request", "Outcome", "Exemptions", "Letter")
STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4em;"
    "text-align:left;vertical-align:top}pre{white-space:pre-wrap;font-family:inherit}"
)


def file_names(entries: Iterable[LogEntry]) -> list[str]:
    """Each entry's file name without its extension: the reference made safe ("FOI-2025-0012"),
    with "-2", "-3" ... where two references would give the same name."""
    names: list[str] = []
    taken: set[str] = set()
    for entry in entries:
        name, number = entry.slug, 1
        while name.lower() in taken:
            number += 1
            name = f"{entry.slug}-{number}"
        names.append(name)
        taken.add(name.lower())
    return names


def _pdf(entry: LogEntry, name: str) -> str:
    return f"{name}.pdf" if entry.pdf is not None else ""


def _date(entry: LogEntry) -> str:
    return entry.response_date.isoformat() if entry.response_date else ""


def log_csv(entries: Iterable[LogEntry]) -> str:
    """The log as CSV: a header, then one row per entry."""
    from foi_core.csv_cells import safe_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    entries = list(entries)
    for entry, name in zip(entries, file_names(entries), strict=True):
        values = (
            entry.ref,
            _date(entry),
            entry.title,
            entry.request_text,
            entry.outcome,
            " ".join(entry.exemptions),
            _pdf(entry, name),
        )
        writer.writerow([safe_cell(value) for value in values])
    return out.getvalue()


def log_json(entries: Iterable[LogEntry]) -> str:
    """The log as a JSON list of objects (the CSV's columns, with lower-case keys)."""
    entries = list(entries)
    rows = [
        {
            "reference": entry.ref,
            "date": _date(entry),
            "title": entry.title,
            "request": entry.request_text,
            "outcome": entry.outcome,
            "exemptions": list(entry.exemptions),
            "letter": _pdf(entry, name),
        }
        for entry, name in zip(entries, file_names(entries), strict=True)
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _entry_page(entry: LogEntry, name: str) -> str:
    pdf = _pdf(entry, name)
    letter = (
        f'<p><a href="{escape(pdf)}">The response letter (PDF)</a></p>'
        if pdf
        else "<p>The response letter is not available online; ask the FOI unit for it.</p>"
    )
    exemptions = ", ".join(entry.exemptions) or "None"
    body = (
        f'<p><a href="index.html">Disclosure log</a></p>\n<h1>{escape(entry.ref)}: '
        f"{escape(entry.title)}</h1>\n<dl>\n<dt>Date of response</dt><dd>"
        f"{escape(_date(entry))}</dd>\n<dt>Outcome</dt><dd>{escape(entry.outcome)}</dd>\n"
        f"<dt>Exemptions</dt><dd>{escape(exemptions)}</dd>\n</dl>\n<h2>The request</h2>\n"
        f"<pre>{escape(entry.request_text)}</pre>\n{letter}"
    )
    return _page(f"{entry.ref}: {entry.title}", body)


def log_html(entries: list[LogEntry], heading: str = "Disclosure log") -> dict[str, bytes]:
    """The folder of static pages by file name: ``index.html`` (a table linking each entry),
    one page per entry and each entry's PDF beside it."""
    files: dict[str, bytes] = {}
    rows = []
    for entry, stem in zip(entries, file_names(entries), strict=True):
        name = f"{stem}.html"
        files[name] = _entry_page(entry, stem).encode()
        if entry.pdf is not None:
            files[_pdf(entry, stem)] = entry.pdf
        rows.append(
            f'<tr><td><a href="{escape(name)}">{escape(entry.ref)}</a></td>'
            f"<td>{escape(_date(entry))}</td><td>{escape(entry.title)}</td>"
            f"<td>{escape(entry.outcome)}</td><td>{escape(' '.join(entry.exemptions))}</td></tr>"
        )
    table = (
        "<table>\n<tr><th>Reference</th><th>Date</th><th>Title</th><th>Outcome</th>"
        "<th>Exemptions</th></tr>\n" + "\n".join(rows) + "\n</table>"
        if rows
        else "<p>Nothing is published yet.</p>"
    )
    files["index.html"] = _page(heading, f"<h1>{escape(heading)}</h1>\n{table}").encode()
    return files


def write_html(entries: list[LogEntry], folder: str | Path) -> list[Path]:
    """Write ``log_html`` into ``folder`` (made if missing); returns the paths written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in log_html(entries).items():
        path = target / name
        path.write_bytes(data)
        written.append(path)
    return written


def log_zip(entries: list[LogEntry]) -> bytes:
    """The HTML folder as a .zip (a folder "disclosure-log/" inside)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in log_html(entries).items():
            archive.writestr(f"disclosure-log/{name}", data)
    return out.getvalue()
