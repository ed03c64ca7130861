"""Shared fixtures: a clean case store on SQLite and, when a server is running, on PostgreSQL.

PostgreSQL tests need ``FOI_TEST_POSTGRES_URL``, which ``scripts/postgres-test.sh start`` sets
(``scripts/test.sh`` does this for the whole suite). Without it those parameters are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from foi_core.models import Case
from foi_core.settings import get_settings
from foi_core.storage import Store, upgrade_to_head

POSTGRES_URL_VARIABLE = "FOI_TEST_POSTGRES_URL"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def example_case(name: str) -> Case:
    """The example case ``examples/<name>.json`` (``name`` with or without ``.json``)."""
    path = EXAMPLES / f"{name.removesuffix('.json')}.json"
    return Case.from_json(path.read_text(encoding="utf-8"))


DATABASES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(autouse=True, scope="session")
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep tests away from the real data/foi.db (the default store is a temporary file) and
    from an organisation's knowledge overlay."""
    with pytest.MonkeyPatch.context() as patch:
        if "FOI_DATABASE_URL" not in os.environ:
            database = tmp_path_factory.mktemp("default-store") / "foi.db"
            patch.setenv("FOI_DATABASE_URL", f"sqlite:///{database}")
        patch.setenv("FOI_KNOWLEDGE_OVERLAY_DIR", "")  # the built-in knowledge, whatever .env says
        get_settings.cache_clear()
        yield
    get_settings.cache_clear()


def postgres_url() -> str:
    """The test server's URL, or skip the test when no server was started."""
    url = os.environ.get(POSTGRES_URL_VARIABLE, "")
    if not url:
        pytest.skip(
            f"no PostgreSQL test server ({POSTGRES_URL_VARIABLE} is not set; run "
            "`source scripts/postgres-test.sh start` or scripts/test.sh)"
        )
    return url


def reset_postgres(url: str) -> None:
    """Drop and recreate the public schema: every test starts from an empty database."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(params=DATABASES)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database (no tables), on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = postgres_url()
    reset_postgres(url)
    return url


@pytest.fixture
def store(empty_database_url: str) -> Iterator[Store]:
    """A migrated, empty store on each backend."""
    store = Store(empty_database_url, migrate=False)
    upgrade_to_head(store.engine)  # always migrate: the schema was just dropped
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty SQLite store (for tests about SQLite itself)."""
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        yield store
    finally:
        store.close()
