"""AppTest of the Letter page."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from foi_core.settings import get_settings
from tests.app.conftest import (
    DOORBELL,
    button,
    by_key,
    issuable_case,
    open_case_page,
    reasoning_case,
    stored,
    texts,
)


def download_labels(at) -> list[str]:
    return [element.proto.label for element in at.get("download_button")]


def test_letter_page_offers_downloads_and_a_readable_preview(app_store):
    at = open_case_page("pages/letter.py", DOORBELL)
    labels = download_labels(at)
    assert "Download the letter (.docx)" in labels
    assert "Download the reasoning record (.docx)" in labels
    assert "Download the PIT extension letter (.docx)" in labels  # the case records one
    shown = texts(at)
    assert "neither confirm nor deny" in shown.replace("\\", "").lower()
    assert "A. Requester" not in shown.replace("\\", "")  # applicant-blind preview
    assert "[requester's name]" in shown.replace("\\", "")
    # The demo (made a draft here) keeps its 2025 response date: a warning to tick as read.
    assert "The response date is far from today" in shown
    assert all(b.disabled for b in at.button if b.label.startswith("Issue"))
    (tick,) = [box for box in at.checkbox if box.label == "I have read these warnings"]
    at = tick.check().run()
    assert not any(b.disabled for b in at.button if b.label.startswith("Issue"))


def test_blocked_letter_offers_a_draft_and_cannot_be_issued(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    assert any("The letter is blocked" in e.value for e in at.error)
    assert "Download as DRAFT (.docx)" in download_labels(at)
    assert "Download the letter (.docx)" not in download_labels(at)
    assert button(at, "Issue the letter").disabled


def test_issuing_records_the_letter_and_the_response_date(app_store):
    case = issuable_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    button(at, "Issue the letter").click().run()
    assert not at.exception
    saved = stored(app_store, case.id)
    (letter,) = saved.issued_letters
    assert letter.kind == "response" and not letter.draft
    assert len(letter.document_sha256) == 64 and len(letter.template_sha256) == 64
    assert saved.response_date == dt.date.today()
    assert "The letter is recorded as issued." in [s.value for s in at.success]
    # The issued case is read-only: it is reopened, not issued again (tests/app/test_approval.py).
    assert button(at, "Reopen") and "Issued letter (.docx)" in download_labels(at)


def test_a_template_kept_in_settings_can_be_chosen(app_store, tmp_path, monkeypatch):
    uploaded = tmp_path / "templates" / "uploaded"
    uploaded.mkdir(parents=True)
    built_in = Path(__file__).resolve().parents[2] / "templates" / "response_letter.docx"
    shutil.copy(built_in, uploaded / "our-letter.docx")
    monkeypatch.setenv("FOI_TEMPLATES_DIR", str(tmp_path / "templates"))
    get_settings.cache_clear()
    case = issuable_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    chooser = by_key(at.selectbox, "letter.template")
    assert chooser.options == ["Built-in response letter", "our-letter.docx"]
    chooser.set_value(uploaded / "our-letter.docx").run()
    assert not at.exception
    button(at, "Issue the letter").click().run()
    assert not at.exception
    (letter,) = stored(app_store, case.id).issued_letters
    assert letter.template_name == "our-letter.docx"
