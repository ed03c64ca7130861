"""The disclosure log's letter: re-rendered as PDF by LibreOffice from the case with the
requester blanked and unconfirmed names redacted, and written beside the web pages by the CLI.
Skipped (with the reason) only where soffice is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi_core.cli import main
from foi_core.disclosure import published_letter
from foi_core.letters import soffice_path
from foi_core.models import CaseStatus, DisclosureEntry, Requester
from foi_core.storage import Store
from tests.case_factory import correct_case
from tests.test_letters_pdf import pdf_text

pytestmark = pytest.mark.skipif(soffice_path() is None, reason="LibreOffice is not installed")


def test_the_published_letter_names_neither_the_requester_nor_an_unconfirmed_person(
    tmp_path: Path,
) -> None:
    case = correct_case().model_copy(
        update={
            "status": CaseStatus.ISSUED,
            "requester": Requester(name="Zara Quill", contact="zq@mail.test", address="9 Elm Row"),
            "disclosure": DisclosureEntry(publish=True, request_text="Dogs?"),
        }
    )
    case.request.items[0].text = "Zara Quill asks how often PC Hughes met the team"
    url = f"sqlite:///{tmp_path / 'log.db'}"
    store = Store(url)
    store.add(case, actor="o")
    store.close()
    pdf = published_letter(case)
    assert pdf is not None and pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    assert "[redacted]" in text and "Dear requester" in text
    for detail in ("Zara", "Quill", "zq@mail.test", "Elm Row", "Hughes"):
        assert detail not in text

    folder = tmp_path / "site"
    assert main(["disclosure-log", "--html", str(folder), "--database", url]) == 0
    assert (folder / "000042-24.pdf").read_bytes().startswith(b"%PDF")
    assert 'href="000042-24.pdf"' in (folder / "000042-24.html").read_text()
