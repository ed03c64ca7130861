"""Shared AppTest fixtures: a temporary SQLite store, demo cases, and opening a page for a case.

Every test gets its own database file (FOI_DATABASE_URL) so tests never see each other's cases.
The app caches one Store per URL, so a new URL means a fresh store.

    def test_something(app_store, open_page):
        at = open_page("pages/request.py", case_id="example-doorbell-ncnd")
        assert not at.exception
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from foi_core.settings import get_settings
from foi_core.storage import Store

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 30  # seconds; the first run imports pandas, SQLAlchemy and the catalogue

DOORBELL = "example-doorbell-ncnd"


@pytest.fixture
def app_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A Store on a fresh SQLite file holding the demo cases; the app uses the same file."""
    url = f"sqlite:///{tmp_path / 'foi.db'}"
    monkeypatch.setenv("FOI_DATABASE_URL", url)
    get_settings.cache_clear()
    store = Store(url)
    store.load_demo_cases()
    yield store
    store.close()
    get_settings.cache_clear()


@pytest.fixture
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A Store on a fresh SQLite file with no cases, and demo loading switched off."""
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    monkeypatch.setenv("FOI_DATABASE_URL", url)
    monkeypatch.setenv("FOI_LOAD_DEMO_CASES", "false")
    get_settings.cache_clear()
    store = Store(url)
    yield store
    store.close()
    get_settings.cache_clear()


def new_app(case_id: str | None = None) -> AppTest:
    """An AppTest of the whole app (from app.py), with ?case=<id> in the URL if given."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if case_id is not None:
        at.query_params["case"] = case_id
    return at


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    """open_page("pages/items.py", case_id=...) -> an AppTest that has run that page."""

    def _open(page: str, case_id: str | None = None) -> AppTest:
        at = new_app(case_id).run()
        assert not at.exception, at.exception
        at.switch_page(page).run()
        return at

    return _open


def by_key(elements, key: str):
    """The element with this key from an AppTest element list (e.g. ``at.text_input``)."""
    for element in elements:
        if element.key == key:
            return element
    raise LookupError(f"no element with key {key!r}; keys are {[e.key for e in elements]}")


def texts(at: AppTest) -> str:
    """Everything the page shows as text (markdown, captions, alerts, plain text), joined."""
    parts = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "text", "code"):
        parts.extend(str(element.value) for element in getattr(at, kind))
    return "\n".join(parts)
