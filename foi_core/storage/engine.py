"""Database engines and migrations: SQLite tuned for one writer at a time, Alembic to head.

Opening a database is safe on a first start: a bad URL, a missing folder (other than the embedded
default's), an unreachable server, a read-only file, tables this tool did not make or a schema
from a newer version each end in a ``DatabaseProblem`` that says what to do. Migrations are
serialised across processes (an exclusive SQLite transaction, a PostgreSQL advisory lock), so
several servers or workers starting on a new database at once all succeed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import StaticPool

from foi_core import settings

from .errors import DatabaseProblem
from .problems import (
    SETTING,
    bad_url,
    describe,
    explain_or_generic,
    missing_folder,
    safe_url,
    sqlite_path,
)

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration (foi_core/migrations/versions; a test keeps it equal to Alembic's head).
# A database already there is opened without loading Alembic, which takes most of a second.
HEAD_REVISION = "0008"

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
BUSY_TIMEOUT_MS = 5_000  # an SQLite writer waits this long for another one
MIGRATION_WAIT_MS = 120_000  # a first start waits this long for another process's migration
CONNECT_TIMEOUT_S = 10  # a database server that does not answer in time is reported
# Any fixed 64-bit key: every process migrating the same PostgreSQL database takes this lock.
MIGRATION_LOCK_KEY = 0x464F_495F_4D49_4752  # "FOI_MIGR"
_safe = safe_url  # the older name, kept for callers


def _is_memory_sqlite(url: str) -> bool:
    parsed = make_url(url)
    database = parsed.database or ""
    return database in ("", ":memory:") or parsed.query.get("mode") == "memory"


def _make_folder(url: str) -> None:
    """Make the embedded default's folder; any other missing folder is probably a typo."""
    path = sqlite_path(url)
    if path is None or path.parent.is_dir():
        return
    if not settings.is_embedded_database(url):
        raise missing_folder(path.parent)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseProblem(
            f"Cannot create the folder {path.parent} for the database ({error.strerror}); ask "
            f"your administrator, or set {SETTING} to another database."
        ) from None


def create_store_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout, foreign keys and BEGIN IMMEDIATE
    for writes (so two writers queue instead of failing part-way).

    Raises DatabaseProblem for a URL that cannot be used or an SQLite folder that does not exist.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise bad_url(url, "not a database URL") from None
    except ValueError as error:
        raise bad_url(url, f"not a valid database URL ({error})") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver we ship
    if parsed.get_backend_name() != "sqlite":
        connect_args: dict[str, Any] = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
        try:
            return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
        except ArgumentError:
            raise bad_url(url, f"of a kind this tool does not know ({parsed.drivername})") from None
        except ImportError:
            raise bad_url(
                url, f"for a database whose driver is not installed ({parsed.drivername})"
            ) from None

    memory = _is_memory_sqlite(url)
    if not memory:
        _make_folder(url)
    engine = create_engine(
        parsed,
        connect_args={"check_same_thread": False},
        poolclass=StaticPool if memory else None,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: WAL may have to wait
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for our migrations, bound to ``connection`` when given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _set_busy_timeout(connection: Connection, milliseconds: int) -> None:
    """Set SQLite's busy timeout on the driver connection, outside SQLAlchemy's transaction."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={milliseconds}")
    finally:
        cursor.close()


@contextmanager
def _migration_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction that only one process at a time can hold for this database."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            _set_busy_timeout(connection, MIGRATION_WAIT_MS)
            try:
                with connection.execution_options(sqlite_begin="EXCLUSIVE").begin():
                    yield connection
            finally:
                connection.execution_options(sqlite_begin="")
                _set_busy_timeout(connection, BUSY_TIMEOUT_MS)
            return
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                )
            yield connection


def _check_history(connection: Connection, url: str) -> None:
    """Refuse a database this tool did not set up, or one set up by a newer version of it."""
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = MigrationContext.configure(connection).get_current_heads()
    if heads:
        script = ScriptDirectory.from_config(alembic_config())
        known = {revision.revision for revision in script.walk_revisions()}
        unknown = sorted(set(heads) - known)
        if unknown:
            latest = ", ".join(script.get_heads())
            raise DatabaseProblem(
                f"{describe(url).capitalize()} was set up by a newer version of this tool "
                f"(schema {', '.join(unknown)}; this version knows up to {latest}); update this "
                f"tool to the latest version, or set {SETTING} to another database."
            )
        return
    tables = sorted(set(inspect(connection).get_table_names()) - {"alembic_version"})
    if tables:
        shown = ", ".join(tables[:6]) + (", ..." if len(tables) > 6 else "")
        raise DatabaseProblem(
            f"{describe(url).capitalize()} already holds tables ({shown}) but no record of this "
            "tool's schema (no migration history), so it was not set up by this tool or its "
            f"history was lost; set {SETTING} to a new, empty database, or ask your "
            "administrator."
        )


def upgrade_to_head(engine: Engine) -> None:
    """Run every pending migration, one process at a time (``Store`` calls it once per URL).

    Raises DatabaseProblem for tables without migration history or a schema from a newer version.
    """
    from alembic import command
    from alembic.util import CommandError

    url = engine.url.render_as_string(hide_password=False)
    try:
        with _migration_transaction(engine) as connection:
            _check_history(connection, url)
            command.upgrade(alembic_config(connection), "head")
    except CommandError as error:
        raise DatabaseProblem(
            f"{describe(url).capitalize()} was set up by a different version of this tool and "
            f"cannot be upgraded by this one; update this tool, or set {SETTING} to another "
            "database."
        ) from error


def _at_head(engine: Engine) -> bool:
    """Whether the database records exactly the newest migration (nothing to upgrade)."""
    try:
        with engine.connect() as connection:
            versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except DBAPIError:
        return False
    return [row[0] for row in versions] == [HEAD_REVISION]


def _check_writable(engine: Engine) -> None:
    """SQLite opens a read-only file without complaint (and reads it); try a write and roll it
    back, so a read-only file is reported when the store opens rather than at the first save."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        probe = connection.execution_options(sqlite_begin="IMMEDIATE")
        with probe.begin() as transaction:
            version = int(connection.exec_driver_sql("PRAGMA user_version").scalar() or 0)
            connection.exec_driver_sql(f"PRAGMA user_version = {version}")
            transaction.rollback()


_migrated_urls: set[str] = set()
_migrate_lock = threading.Lock()


def _ensure_schema(engine: Engine) -> None:
    key = engine.url.render_as_string(hide_password=False)
    with _migrate_lock:
        if key in _migrated_urls and not _is_memory_sqlite(key):
            return
        if not _at_head(engine):
            upgrade_to_head(engine)
        _check_writable(engine)
        _migrated_urls.add(key)


def open_store_engine(url: str, *, migrate: bool = True) -> Engine:
    """An engine for ``url``, migrated to the latest schema unless ``migrate`` is False.

    Every failure is a DatabaseProblem whose message names the database (password hidden), says
    what is wrong and what to do.
    """
    engine = create_store_engine(url)
    if not migrate:
        return engine
    try:
        _ensure_schema(engine)
    except DatabaseProblem:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        raise explain_or_generic(error, url) from error
    return engine
