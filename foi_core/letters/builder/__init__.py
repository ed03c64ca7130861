"""The builder of the default .docx templates: one layout per document.

``docx`` writes paragraphs and tables holding docxtpl tags, ``styles`` the page and styles,
``wording`` reads the fixed paragraphs (``foi_core/letters/fixed_wording.yaml``), ``parts`` holds
what the layouts share, and ``response``, ``extension`` and ``record`` are the layouts.
Run ``python -m foi_core.letters.build_templates`` to rebuild templates/*.docx.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocumentObject

from foi_core.letters.builder.extension import build_pit_extension_letter
from foi_core.letters.builder.record import build_reasoning_record
from foi_core.letters.builder.response import build_response_letter
from foi_core.letters.builder.review import build_review_outcome_letter
from foi_core.letters.builder.styles import FIXED_DATE
from foi_core.letters.builder.wording import FixedWordingError, fixed_wording
from foi_core.letters.paths import (
    PIT_EXTENSION_TEMPLATE,
    RECORD_TEMPLATE,
    RESPONSE_TEMPLATE,
    REVIEW_TEMPLATE,
    TEMPLATES_DIR,
)

BUILDERS: dict[str, Callable[[], DocumentObject]] = {
    RESPONSE_TEMPLATE: build_response_letter,
    PIT_EXTENSION_TEMPLATE: build_pit_extension_letter,
    RECORD_TEMPLATE: build_reasoning_record,
    REVIEW_TEMPLATE: build_review_outcome_letter,
}


def save(doc: DocumentObject, path: Path) -> None:
    """Save ``doc`` with fixed dates on its zip entries, so a rebuild gives the same bytes."""
    built = io.BytesIO()
    doc.save(built)
    stable = io.BytesIO()
    date_time = FIXED_DATE.timetuple()[:6]
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(stable, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    path.write_bytes(stable.getvalue())


def build_all(directory: Path = TEMPLATES_DIR) -> list[Path]:
    """Write every default template into ``directory``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in BUILDERS.items():
        path = directory / name
        save(builder(), path)
        written.append(path)
    return written


__all__ = [
    "BUILDERS",
    "FixedWordingError",
    "build_all",
    "build_pit_extension_letter",
    "build_reasoning_record",
    "build_response_letter",
    "build_review_outcome_letter",
    "fixed_wording",
    "save",
]
