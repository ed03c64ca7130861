"""AppTest of the Guide page."""

from __future__ import annotations

from tests.app.conftest import by_key, texts


def test_guide_shows_process_and_glossary(app_store, open_page):
    at = open_page("pages/guide.py")
    assert not at.exception
    shown = texts(at)
    assert "Cost limit (s12)" in shown and "**NCND**" in shown
    by_key(at.text_input, "guide.term").input("prejudice").run()
    shown = texts(at)
    assert "**NCND**" not in shown and "No glossary entry matches" not in shown
