"""File-level helpers for the command line: render a case file to .docx (and PDF)."""

from __future__ import annotations

from pathlib import Path

from foi_core.case_files import read_case_path
from foi_core.models import Case, OrganisationProfile

from .pdf import to_pdf
from .render import render_letter, render_reasoning_record


def read_case_file(case_path: str | Path) -> Case:
    """Read a case file (foi_core.case_files); CaseFileError, a ValueError with one plain line,
    when it cannot be used."""
    return read_case_path(case_path)


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def render_case_file(
    case_path: str | Path,
    out_path: str | Path,
    template: str | Path | None = None,
    pdf: bool = False,
    draft: bool = False,
    profile: OrganisationProfile | None = None,
) -> list[Path]:
    """Render the response letter of a case file to ``out_path`` (and a .pdf beside it).

    Returns the paths written. Raises LetterBlocked, TemplateProblem, LibreOfficeMissing, or
    ValueError for a file that is not a valid case. The PDF is made before anything is
    written, so a missing LibreOffice leaves no half-finished output.
    """
    case = read_case_file(case_path)
    rendered = render_letter(case, profile or OrganisationProfile(), template, draft=draft)
    out = Path(out_path)
    pdf_bytes = to_pdf(rendered.data) if pdf else None
    written = [_write(out, rendered.data)]
    if pdf_bytes is not None:
        written.append(_write(out.with_suffix(".pdf"), pdf_bytes))
    return written


def record_case_file(
    case_path: str | Path, out_path: str | Path, profile: OrganisationProfile | None = None
) -> Path:
    """Render the reasoning record of a case file to ``out_path``; returns the path."""
    case = read_case_file(case_path)
    rendered = render_reasoning_record(case, profile or OrganisationProfile())
    return _write(Path(out_path), rendered.data)
