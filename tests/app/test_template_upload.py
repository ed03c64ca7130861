"""Settings and Letter pages with hostile or mistaken organisation templates: plain messages,
nothing kept, no traceback, and the check runs with no case stored (issue 7, "Templates")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from foi_core.settings import get_settings
from tests.app.conftest import DOORBELL, by_key, texts
from tests.docx_files import docx_with

LOGO_PAYLOAD = (
    "{% if logo %}{{ logo.tpl.replace_zipname('docProps/app.xml', '/etc/hostname') }}{% endif %}"
)


@pytest.fixture
def templates_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "templates"
    monkeypatch.setenv("FOI_TEMPLATES_DIR", str(folder))
    get_settings.cache_clear()
    return folder


def upload(at, name: str, content: bytes) -> None:
    at.file_uploader(key="settings.template").set_value((name, content, "application/octet-stream"))
    at.run()
    by_key(at.button, "settings.keep").click().run()


def errors(at) -> str:
    """The error messages shown, with Markdown's backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", "\n".join(str(element.value) for element in at.error))


def test_a_hostile_template_is_refused_in_plain_words(app_store, open_page, templates_dir):
    at = open_page("pages/settings.py")
    upload(at, "payload.docx", docx_with("Dear {{ requester.name }}", LOGO_PAYLOAD))
    assert not at.exception
    shown = errors(at)
    assert "The template was not kept." in shown and "logo.tpl" in shown
    assert "Traceback" not in shown and "InlineImage" not in shown
    assert not (templates_dir / "uploaded" / "payload.docx").exists()

    upload(at, "loops.docx", docx_with("{{ range(9999999) }}"))
    assert not at.exception
    assert "range() may count to at most 1,000" in errors(at)
    assert not (templates_dir / "uploaded" / "loops.docx").exists()


def test_the_upload_check_needs_no_stored_case(empty_store, open_page, templates_dir):
    at = open_page("pages/settings.py")
    misspelt = docx_with("{%p for c in claims %}", "{{ c.questons }}", "{%p endfor %}")
    upload(at, "ours.docx", misspelt)
    assert not at.exception
    assert "claims[].questons" in errors(at)
    assert "did you mean 'claims[].questions'" in errors(at)
    assert not (templates_dir / "uploaded" / "ours.docx").exists()

    upload(at, "good.docx", docx_with("{{ organisation.name }} {{ our_ref }}"))
    assert not at.exception
    assert (templates_dir / "uploaded" / "good.docx").exists()
    assert "Template good.docx kept." in texts(at)


def test_the_letter_page_shows_a_template_problem_plainly(app_store, open_page, templates_dir):
    uploaded = templates_dir / "uploaded"
    uploaded.mkdir(parents=True)
    (uploaded / "hostile.docx").write_bytes(docx_with("{% include '/etc/passwd' %}"))
    at = open_page("pages/letter.py", case_id=DOORBELL)
    assert not at.exception
    by_key(at.selectbox, "letter.template").set_value(uploaded / "hostile.docx").run()
    assert not at.exception
    shown = errors(at)
    assert "cannot be used" in shown and "include" in shown
    assert "Choose the built-in response letter" in shown
    assert "root:" not in texts(at)
