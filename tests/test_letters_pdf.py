"""Word compatibility: every kind of letter converts to PDF with LibreOffice, text intact.

Marked ``libreoffice``; scripts/test.sh installs libreoffice-writer-nogui, fonts-liberation2 and
poppler-utils. Skipped (with the reason) only where soffice is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from case_factory import correct_case

from foi_core.letters import (
    LetterError,
    RenderedLetter,
    render_letter,
    render_pit_extension_letter,
    render_reasoning_record,
    soffice_path,
    to_pdf,
)
from foi_core.models import Case, OrganisationProfile
from tests.conftest import example_case

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed"),
]

PROFILE = OrganisationProfile()


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
    source = tmp_path / "letter.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(source), "-"], capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").split())


def _doorbell() -> Case:
    return example_case("doorbell-camera-ncnd")


LETTERS: dict[str, tuple[Callable[[], RenderedLetter], list[str]]] = {
    "NCND response": (
        lambda: render_letter(_doorbell(), PROFILE),
        ["002261/25", "Harm in confirming or denying", "Section 31(3)", "No inference"],
    ),
    "partial response": (
        lambda: render_letter(example_case("999-calls-partial"), PROFILE),
        ["002335/20", "Evidence of harm", "159,740", "blpd.gov.uk"],
    ),
    "cost limit response": (
        lambda: render_letter(example_case("cost-limit-s12"), PROFILE),
        ["The cost limit (section 12)", "1,144", "57.2 hours"],
    ),
    "full disclosure": (
        lambda: render_letter(example_case("full-disclosure"), PROFILE),
        ["£612,000", "Copyright and re-use"],
    ),
    "draft": (
        lambda: render_letter(correct_case(), PROFILE, draft=True),
        ["DRAFT – NOT FOR ISSUE", "Chief Constable"],
    ),
    "PIT extension": (
        lambda: render_pit_extension_letter(_doorbell(), PROFILE),
        ["Why we need more time", "13 August 2025"],
    ),
    "reasoning record": (
        lambda: render_reasoning_record(example_case("999-calls-partial"), PROFILE),
        ["Reasoning record", "Checker findings when this record was made"],
    ),
}


@pytest.mark.parametrize("label", list(LETTERS))
def test_letter_converts_to_pdf_with_its_text(label: str, tmp_path: Path) -> None:
    render, expected = LETTERS[label]
    pdf = to_pdf(render().data)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    text = pdf_text(pdf, tmp_path)
    assert PROFILE.name in text
    for words in expected:
        assert words in text, f"{label}: {words!r} missing from the PDF"


def test_bytes_that_are_not_a_document_are_refused() -> None:
    with pytest.raises(LetterError, match=r"not a Word \.docx document"):
        to_pdf(b"plain text pretending to be a letter")
