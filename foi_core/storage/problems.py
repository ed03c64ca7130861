"""Database failures in words: which database (password hidden), what is wrong, what to do.

``explain(error, url)`` turns a driver or SQLAlchemy error into a ``DatabaseProblem`` (or None
when it is not a database-access problem, e.g. a unique-key clash the caller handles);
``explained(url)`` does that for a block of code. SQLite problems are diagnosed from the file
system first (a missing folder, a read-only file or folder), then from SQLite's own message;
PostgreSQL problems from the SQLSTATE code and the server's message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError

from .errors import DatabaseProblem

SETTING = "FOI_DATABASE_URL"
EXAMPLES = "sqlite:///data/foi.db or postgresql+psycopg://user:password@host/database"
_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def safe_url(url: str) -> str:
    """The URL fit to show: the password hidden (also in text that is not a valid URL)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _PASSWORD.sub(r"\1***@", url)


def _parsed(url: str) -> URL | None:
    try:
        return make_url(url)
    except (ArgumentError, ValueError):
        return None


def sqlite_path(url: str) -> Path | None:
    """The file an SQLite URL names, or None (another backend, in-memory or a ``file:`` URI)."""
    parsed = _parsed(url)
    if parsed is None or parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or parsed.query.get("mode") == "memory":
        return None
    if database.startswith("file:"):
        return None
    return Path(database).expanduser()


def describe(url: str) -> str:
    """How messages name the database: the SQLite file, or the URL without its password."""
    path = sqlite_path(url)
    if path is not None:
        return f"the database file {path}"
    parsed = _parsed(url)
    if parsed is not None and parsed.get_backend_name() == "sqlite":
        return "the in-memory SQLite database"
    return f"the database {safe_url(url)}"


def bad_url(url: str, why: str) -> DatabaseProblem:
    """The URL itself cannot be used (unparsable, an unknown kind, a driver not installed)."""
    return DatabaseProblem(
        f"The database URL {safe_url(url)!r} is {why}; set {SETTING} to a database URL such as "
        f"{EXAMPLES}."
    )


def missing_folder(folder: Path) -> DatabaseProblem:
    return DatabaseProblem(
        f"The folder {folder} for the database {SETTING} names does not exist; check the path "
        "for a typo, or create the folder."
    )


def _first_line(error: BaseException) -> str:
    """The driver's own message, first line, without SQLAlchemy's decorations."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return lines[0].strip() if lines else type(original).__name__


# --- SQLite ------------------------------------------------------------------------------------


def _sqlite_file_problem(path: Path) -> DatabaseProblem | None:
    """What the file system says is wrong with an SQLite file, if anything."""
    folder = path.parent
    if not folder.is_dir():
        return missing_folder(folder)
    if path.is_dir():
        return DatabaseProblem(
            f"{path} is a folder, not a database file; set {SETTING} to a file in it, such as "
            f"sqlite:///{path / 'foi.db'}."
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return _read_only_file(path)
    if not os.access(folder, os.W_OK | os.X_OK):
        return DatabaseProblem(
            f"The folder {folder} that holds the database file {path.name} is read-only for this "
            "user (the database writes its journal beside the file); ask your administrator to "
            f"make the folder writable, or set {SETTING} to another database."
        )
    return None


def _read_only_file(path: Path) -> DatabaseProblem:
    return DatabaseProblem(
        f"The database file {path} is read-only for this user; ask your administrator to make it "
        f"writable, or set {SETTING} to another database."
    )


def _explain_sqlite(error: BaseException, url: str, path: Path | None) -> DatabaseProblem | None:
    reason = _first_line(error)
    lowered = reason.lower()
    name = str(path) if path is not None else "the in-memory database"
    access = ("readonly" in lowered, "unable to open" in lowered, "cannot open" in lowered)
    if path is not None and any(access):
        found = _sqlite_file_problem(path)
        if found is not None:
            return found
    if "readonly" in lowered or "read-only" in lowered:
        if path is not None:
            return _read_only_file(path)
        return DatabaseProblem(f"The in-memory database is read-only: {reason}.")
    if "not a database" in lowered:
        return DatabaseProblem(
            f"The file {name} is not a database (it holds something else, or is damaged); check "
            f"that {SETTING} names the right file, or restore the database from a backup."
        )
    if "malformed" in lowered:
        return DatabaseProblem(
            f"The database file {name} is damaged; restore it from a backup, or set {SETTING} "
            "to another database."
        )
    if "locked" in lowered or "busy" in lowered:
        return DatabaseProblem(
            f"The database file {name} is busy: another program held it locked for too long; "
            "try again in a moment, and if it keeps happening close other programs using it."
        )
    if "full" in lowered:
        return DatabaseProblem(
            f"There is no space left for the database file {name}; free some disk space, or ask "
            "your administrator."
        )
    if any(access) or "i/o" in lowered:
        return DatabaseProblem(
            f"Cannot open the database file {name} ({reason}); check that {SETTING} names the "
            "right file and that this user may read and write it, or ask your administrator."
        )
    return None


# --- PostgreSQL (and other servers) ------------------------------------------------------------

_UNREACHABLE = (
    ("connection refused", "nothing answers there"),
    ("failed to resolve host", "the host name is unknown"),
    ("could not translate host name", "the host name is unknown"),
    ("name or service not known", "the host name is unknown"),
    ("timeout expired", "no answer in time"),
    ("timed out", "no answer in time"),
    ("no route to host", "no route to that host"),
    ("network is unreachable", "the network is unreachable"),
    ("server closed the connection", "the server closed the connection"),
    ("connection reset", "the connection was reset"),
    ("terminating connection", "the server is shutting down"),
    ("the database system is starting up", "the server is starting up"),
    ("the database system is shutting down", "the server is shutting down"),
)


def _server(parsed: URL | None) -> str:
    if parsed is None or not parsed.host:
        return "the database server"
    port = f":{parsed.port}" if parsed.port else ""
    return f"the database server at {parsed.host}{port}"


def _explain_server(error: BaseException, url: str) -> DatabaseProblem | None:
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlstate", None) or ""
    reason = _first_line(error)
    lowered = reason.lower()
    parsed = _parsed(url)
    server = _server(parsed)
    user = (parsed.username if parsed else None) or "(none given)"
    name = (parsed.database if parsed else None) or "(none given)"
    where = describe(url)
    if code == "28P01" or "password authentication failed" in lowered or "no password" in lowered:
        return DatabaseProblem(
            f"{server.capitalize()} refused the password for the user {user}; check the user "
            f"name and password in {SETTING}, or ask your administrator."
        )
    if "role" in lowered and "does not exist" in lowered:
        return DatabaseProblem(
            f"{server.capitalize()} has no user named {user}; check the user name in {SETTING}, "
            "or ask your administrator for an account."
        )
    if code == "28000" or "pg_hba.conf" in lowered:
        return DatabaseProblem(
            f"{server.capitalize()} does not let the user {user} connect from this computer (its "
            f"access rules have no entry for it); check the user name in {SETTING}, or ask your "
            "administrator to allow it."
        )
    if code == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return DatabaseProblem(
            f"{server.capitalize()} has no database named {name}; create it (for example "
            f"createdb {name}), or correct the name in {SETTING}."
        )
    if code == "42501" or "permission denied" in lowered:
        return DatabaseProblem(
            f"The user {user} may not change {where} ({reason}); ask your administrator to let "
            f"it create and change tables there, or set {SETTING} to another database."
        )
    if code == "25006" or "read-only transaction" in lowered:
        return DatabaseProblem(
            f"{server.capitalize()} accepts only reads (it may be a standby copy); point "
            f"{SETTING} at the primary server, or ask your administrator."
        )
    if code == "53300" or "too many clients" in lowered or "too many connections" in lowered:
        return DatabaseProblem(
            f"{server.capitalize()} has no free connections; try again in a moment, or ask your "
            "administrator."
        )
    if code.startswith("53") or "disk full" in lowered or "no space left" in lowered:
        return DatabaseProblem(
            f"{server.capitalize()} has run out of room ({reason}); ask your administrator."
        )
    for words, plain in _UNREACHABLE:
        if words in lowered:
            return DatabaseProblem(
                f"Cannot reach {server} ({plain}); check that the server is running and that "
                f"the host and port in {SETTING} are right, or ask your administrator."
            )
    if code.startswith("08") or "connection" in lowered:
        return DatabaseProblem(
            f"Cannot reach {server} ({reason}); check that the server is running and that the "
            f"host and port in {SETTING} are right, or ask your administrator."
        )
    return None


# --- the entry points --------------------------------------------------------------------------


def explain(error: BaseException, url: str) -> DatabaseProblem | None:
    """A DatabaseProblem for a failure to reach or use the database at ``url``, else None.

    A key clash (IntegrityError) is never explained here: the store turns it into DuplicateCase.
    """
    if isinstance(error, DatabaseProblem):
        return error
    if isinstance(error, IntegrityError) or not isinstance(error, DBAPIError):
        return None
    path = sqlite_path(url)
    parsed = _parsed(url)
    if parsed is not None and parsed.get_backend_name() == "sqlite":
        return _explain_sqlite(error, url, path)
    return _explain_server(error, url)


def explain_or_generic(error: BaseException, url: str) -> DatabaseProblem:
    """``explain``, falling back to the driver's first line with the database named."""
    problem = explain(error, url)
    if problem is not None:
        return problem
    return DatabaseProblem(
        f"Cannot use {describe(url)}: {_first_line(error)}. Check {SETTING}, or ask your "
        "administrator."
    )


@contextmanager
def explained(url: str) -> Iterator[None]:
    """Re-raise database-access failures inside the block as DatabaseProblem (cause kept)."""
    try:
        yield
    except DBAPIError as error:
        problem = explain(error, url)
        if problem is None:
            raise
        raise problem from error
