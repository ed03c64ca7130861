"""AppTest of the Settings page."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import by_key, submit, texts


def test_settings_saves_the_profile(app_store, open_page):
    at = open_page("pages/settings.py")
    assert not at.exception
    by_key(at.text_input, "f.profile.name").input("Northshire Police")
    by_key(at.text_input, "f.profile.signatory_name").input("Pat Officer")
    submit(at, "Save the profile")
    profile = app_store.load_profile()
    assert profile.name == "Northshire Police" and profile.signatory_name == "Pat Officer"


def test_settings_blank_name_is_refused_and_kept(app_store, open_page):
    at = open_page("pages/settings.py")
    by_key(at.text_input, "f.profile.name").input(" ")
    by_key(at.text_input, "f.profile.unit").input("Disclosure Unit")
    submit(at, "Save the profile")
    assert any("organisation's name" in str(e.value) for e in at.error)
    assert by_key(at.text_input, "f.profile.unit").value == "Disclosure Unit"
    assert app_store.load_profile().unit != "Disclosure Unit"


def _template_with(text: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_template_upload_is_checked_in_plain_words(app_store, open_page, tmp_path, monkeypatch):
    from foi_core.settings import get_settings

    monkeypatch.setenv("FOI_TEMPLATES_DIR", str(tmp_path / "templates"))
    get_settings.cache_clear()
    at = open_page("pages/settings.py")
    at.file_uploader(key="settings.template").set_value(
        ("ours.docx", _template_with("Dear {{ requester_shoe_size }}"), "application/octet-stream")
    )
    at.run()
    by_key(at.button, "settings.keep").click().run()
    assert not at.exception
    assert any("requester\\_shoe\\_size" in str(e.value) for e in at.error)
    assert not (tmp_path / "templates" / "uploaded" / "ours.docx").exists()

    at.file_uploader(key="settings.template").set_value(
        ("notes.docx", b"this is not a Word file", "application/octet-stream")
    )
    at.run()
    by_key(at.button, "settings.keep").click().run()
    assert not at.exception
    assert any("not a Word document" in str(e.value) for e in at.error)

    built_in = Path(__file__).resolve().parents[2] / "templates" / "response_letter.docx"
    at.file_uploader(key="settings.template").set_value(
        ("Our letter.docx", built_in.read_bytes(), "application/octet-stream")
    )
    at.run()
    by_key(at.button, "settings.keep").click().run()
    assert not at.exception
    assert (tmp_path / "templates" / "uploaded" / "Our-letter.docx").exists()
    assert "Template Our-letter.docx kept." in texts(at).replace("\\", "")
