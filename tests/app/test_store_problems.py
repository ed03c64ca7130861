"""AppTest: a database that cannot be opened, demo cases only on the embedded default, and a
server others can reach without sign-in. Each page shows a plain message, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config

from foi_core import settings as settings_module
from foi_core.settings import get_settings
from foi_core.storage import Store
from tests.app.conftest import DOORBELL, new_app, texts
from ui.nav import PAGES

# Pages that never touch the store (help text only) open as usual.
STORE_FREE_PAGES = {"pages/guide.py"}


@pytest.fixture
def database_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the app at a URL (``set_url(url)``) with demo loading left at its default."""

    def set_url(url: str) -> None:
        monkeypatch.setenv("FOI_DATABASE_URL", url)
        monkeypatch.delenv("FOI_LOAD_DEMO_CASES", raising=False)
        get_settings.cache_clear()

    yield set_url
    get_settings.cache_clear()


def assert_store_problem(at, *words: str) -> None:
    assert not at.exception, at.exception
    errors = "\n".join(str(element.value) for element in at.error)
    for word in words:
        assert word in errors, errors
    assert "Error:" not in errors and "sqlalchemy" not in errors


def test_every_page_explains_a_database_file_that_is_not_a_database(
    tmp_path: Path, database_url
) -> None:
    garbage = tmp_path / "foi.db"
    garbage.write_bytes(b"\x00\xff" * 4096)
    database_url(f"sqlite:///{garbage}")
    at = new_app(DOORBELL).run()
    assert_store_problem(at, "is not a database", "FOI\\_DATABASE\\_URL")
    assert not at.dataframe  # no case list
    for page in PAGES:
        at.switch_page(page.file).run()
        if page.file in STORE_FREE_PAGES:
            assert not at.exception, (page.file, at.exception)
            continue
        assert_store_problem(at, "is not a database")


def test_a_mistyped_folder_is_explained_and_not_created(tmp_path: Path, database_url) -> None:
    typo = tmp_path / "dtaa" / "foi.db"
    database_url(f"sqlite:///{typo}")
    at = new_app().run()
    assert_store_problem(at, "does not exist", "typo")
    assert not typo.parent.exists()


def test_a_bad_setting_is_explained(tmp_path: Path, database_url, monkeypatch) -> None:
    database_url(f"sqlite:///{tmp_path / 'foi.db'}")
    monkeypatch.setenv("FOI_LOAD_DEMO_CASES", "maybe")
    at = new_app().run()
    assert_store_problem(at, "FOI\\_LOAD\\_DEMO\\_CASES")


def test_no_demo_cases_in_a_configured_database(tmp_path: Path, database_url) -> None:
    url = f"sqlite:///{tmp_path / 'team.db'}"
    database_url(url)
    at = new_app().run()
    assert not at.exception, at.exception
    assert "Doorbell" not in texts(at)
    store = Store(url)
    assert store.count() == 0
    store.close()


def test_demo_cases_on_the_embedded_default(
    tmp_path: Path, database_url, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "foi.db"  # as data/foi.db on a fresh clone: no folder yet
    monkeypatch.setattr(settings_module, "DEFAULT_DATABASE_PATH", default)
    database_url(f"sqlite:///{default}")
    at = new_app().run()
    assert not at.exception, at.exception
    store = Store(f"sqlite:///{default}")
    assert store.load(DOORBELL).case.id == DOORBELL
    store.close()


@pytest.fixture
def server_address() -> Iterator[None]:
    """Set Streamlit's server.address for one test (``server_address("0.0.0.0")``)."""
    before = config.get_option("server.address")

    def set_address(address: str) -> None:
        config.set_option("server.address", address)

    yield set_address
    config.set_option("server.address", before)


def test_an_exposed_server_without_sign_in_shows_no_case(app_store, server_address) -> None:
    server_address("0.0.0.0")
    at = new_app(DOORBELL).run()
    assert not at.exception, at.exception
    errors = "\n".join(str(element.value) for element in at.error)
    assert "other computers can reach it" in errors and "sign-in" in errors
    assert not at.dataframe
    assert "Doorbell" not in texts(at).replace(errors, "")
    at.switch_page("pages/request.py").run()
    assert not at.exception, at.exception
    assert "other computers can reach it" in "\n".join(str(e.value) for e in at.error)
    assert not at.text_input  # no form drawn from the case


def test_an_exposed_server_with_sign_in_configured_asks_to_sign_in(
    app_store, server_address
) -> None:
    server_address("0.0.0.0")
    at = new_app(DOORBELL)
    at.secrets["auth"] = {"redirect_uri": "https://foi.example.org/oauth2callback"}
    at.run()
    assert not at.exception, at.exception
    assert not at.error
    assert [button.label for button in at.button] == ["Sign in"]
    assert not at.dataframe
    assert "Doorbell" not in texts(at)


def test_loopback_with_sign_in_configured_asks_to_sign_in_too(app_store) -> None:
    # Issue 10: with sign-in configured nobody sees anything before signing in, on any address.
    at = new_app()
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback"}
    at.run()
    assert not at.exception, at.exception
    assert [button.label for button in at.button] == ["Sign in"]
    assert not at.dataframe  # no case list


def test_a_broken_knowledge_overlay_is_named_on_every_page(
    tmp_path: Path, database_url, monkeypatch
) -> None:
    database_url(f"sqlite:///{tmp_path / 'foi.db'}")
    overlay = tmp_path / "overlay"
    (overlay / "exemptions").mkdir(parents=True)
    (overlay / "exemptions" / "s31.yaml").write_text("exemptions: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("FOI_KNOWLEDGE_OVERLAY_DIR", str(overlay))
    get_settings.cache_clear()
    at = new_app(DOORBELL).run()
    assert_store_problem(at, "overlay", "s31.yaml")
    for page in PAGES:
        if page.file in STORE_FREE_PAGES:
            continue
        at.switch_page(page.file).run()
        assert_store_problem(at, "s31.yaml")
