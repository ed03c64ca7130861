"""AppTest: issuing stores the letter's data once, apart from the case; the Cases page's export
asks whether to include personal data and says what the file holds."""

from __future__ import annotations

import json

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from foi_core.personal_data import EXPORT_NOTE_WITH, EXPORT_NOTE_WITHOUT
from tests.app.conftest import DOORBELL, button, by_key, issuable_case, open_case_page, texts


@pytest.fixture
def deferred_downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Deferred file id -> the data callable of each download button drawn with deferred data
    (AppTest cannot click a download; the test calls what the click would run)."""
    captured: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def capture(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, data_callable, mimetype, coordinates, file_name, **kwargs)
        captured[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    return captured


def test_issuing_stores_the_letters_data_once_apart_from_the_case(app_store, deferred_downloads):
    case = issuable_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    button(at, "Issue the letter").click().run()
    assert not at.exception
    assert "The letter is recorded as issued." in [s.value for s in at.success]

    (letter,) = app_store.load(case.id).case.issued_letters
    (record,) = app_store.issued_letters(case.id)
    assert letter.record_id == record.id and letter.issued_by == record.issued_by
    assert record.context["requester"]["name"] == app_store.load(case.id).case.requester.name
    for revision in app_store.revisions(case.id):
        assert all("context" not in issued for issued in revision.document["issued_letters"])

    download = by_key(at.get("download_button"), f"issued-data-{record.id}")
    assert download.proto.label == "Data it was made from"
    data = json.loads(deferred_downloads[download.proto.deferred_file_id]())
    assert data["context"] == record.context
    assert data["document_sha256"] == letter.document_sha256


def test_a_letter_drawn_before_a_colleagues_change_is_not_issued(app_store):
    case = issuable_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    stored = app_store.load(case.id)
    changed = stored.case.model_copy(update={"title": "Changed by a colleague"})
    app_store.save(changed, expected_version=stored.version, actor="colleague")

    button(at, "Issue the letter").click().run()
    assert not at.exception
    assert "nothing was issued" in texts(at)
    assert app_store.load(case.id).case.issued_letters == []
    assert app_store.issued_letters(case.id) == []


def test_export_asks_about_personal_data_and_says_what_the_file_holds(
    app_store, open_page, deferred_downloads
):
    at = open_page("pages/cases.py", case_id=DOORBELL)
    assert not at.exception
    checkbox = by_key(at.checkbox, "cases.export_personal")
    assert checkbox.label == "Include personal data" and checkbox.value is False
    assert "requester's name, contact details and address" in checkbox.help
    export = by_key(at.get("download_button"), "cases.export")
    assert export.proto.label == "Export as JSON"
    assert EXPORT_NOTE_WITHOUT in [c.value for c in at.caption]
    plain = json.loads(deferred_downloads[export.proto.deferred_file_id]())
    assert plain["requester"] == {"name": "", "contact": "", "address": ""}
    assert plain["export"]["personal_data"] is False

    checkbox.check().run()
    assert not at.exception
    export = by_key(at.get("download_button"), "cases.export")
    assert export.proto.label == "Export with personal data"
    assert EXPORT_NOTE_WITH in [c.value for c in at.caption]
    full = json.loads(deferred_downloads[export.proto.deferred_file_id]())
    assert full["requester"]["name"] == app_store.load(DOORBELL).case.requester.name
    assert full["export"]["personal_data"] is True
    assert [e.action for e in app_store.audit(DOORBELL)][-2:] == ["exported", "exported"]
