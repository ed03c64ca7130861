"""Database engines and migrations: SQLite tuned for one writer at a time, Alembic to head."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from .errors import StorageError

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def _is_memory_sqlite(url: str) -> bool:
    parsed = make_url(url)
    database = parsed.database or ""
    return database in ("", ":memory:") or parsed.query.get("mode") == "memory"


def create_store_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout, foreign keys and BEGIN IMMEDIATE
    for writes (so two writers queue instead of failing part-way)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            f"{url!r} is not a database URL; use e.g. sqlite:///data/foi.db or "
            "postgresql+psycopg://user:password@host/database (setting FOI_DATABASE_URL)."
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver we ship
    if parsed.get_backend_name() != "sqlite":
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except (ArgumentError, ImportError) as error:
            raise StorageError(f"Cannot use the database URL {_safe(url)}: {error}") from None

    memory = _is_memory_sqlite(url)
    if not memory:
        folder = Path(parsed.database or "").expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"Cannot create the folder {folder} for the database: {error.strerror}."
            ) from None
    engine = create_engine(
        parsed,
        connect_args={"check_same_thread": False},
        poolclass=StaticPool if memory else None,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def _safe(url: str) -> str:
    """A URL fit to show: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for our migrations, bound to ``connection`` when given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Run every pending migration (always runs; ``Store`` calls it once per URL)."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")


_migrated_urls: set[str] = set()
_migrate_lock = threading.Lock()


def _ensure_schema(engine: Engine) -> None:
    key = engine.url.render_as_string(hide_password=False)
    with _migrate_lock:
        if key in _migrated_urls and not _is_memory_sqlite(key):
            return
        upgrade_to_head(engine)
        _migrated_urls.add(key)


