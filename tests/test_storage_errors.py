"""Storage failures in words: which database, what is wrong, what to do; never a type name.

Also the safe first start: no database in a folder that does not exist (except the embedded
default), and eight processes opening a new database at once all succeed (SQLite and PostgreSQL).
Read-only files need a user the operating system actually stops: as root, the probe runs in a
child process as ``nobody``.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from foi_core import settings as settings_module
from foi_core.storage import StorageError, Store, _migrated_urls
from foi_core.storage.errors import DatabaseProblem
from tests.case_factory import correct_case
from tests.conftest import postgres_url

ROOT = Path(__file__).resolve().parents[1]
TYPE_NAMES = ("Error:", "Error(", "sqlalchemy.", "psycopg.", "sqlite3.", "Traceback", "(Background")


@pytest.fixture(autouse=True)
def _check_every_database_again() -> None:
    """Forget which URLs this process migrated, so each Store looks at its database afresh."""
    _migrated_urls.clear()


def assert_plain(message: str, *expected: str) -> None:
    """A message fit for an officer: no type or module names, and the words we expect."""
    for name in TYPE_NAMES:
        assert name not in message, message
    for words in expected:
        assert words in message, message


def problem_opening(url: str) -> str:
    """The message of the DatabaseProblem raised by ``Store(url)``."""
    with pytest.raises(DatabaseProblem) as raised:
        Store(url)
    assert isinstance(raised.value, StorageError)
    return str(raised.value)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- URLs and servers ------------------------------------------------------------------------


def test_a_bad_url_is_named_with_an_example() -> None:
    message = problem_opening("nonsense")
    assert_plain(message, "'nonsense'", "not a database URL", "FOI_DATABASE_URL", "sqlite:///")


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://officer:s3cret@127.0.0.1:notaport/foi",
        "nosuchdb://officer:s3cret@host/foi",
        "mysql://officer:s3cret@host/foi",
    ],
)
def test_a_url_the_tool_cannot_use_hides_the_password(url: str) -> None:
    message = problem_opening(url)
    assert_plain(message, "FOI_DATABASE_URL")
    assert "s3cret" not in message


def test_an_unreachable_server_is_named_with_what_to_check() -> None:
    port = free_port()  # nothing listens there now
    message = problem_opening(f"postgresql+psycopg://officer:s3cret@127.0.0.1:{port}/foi")
    assert_plain(message, f"127.0.0.1:{port}", "Cannot reach", "server is running")
    assert "s3cret" not in message


def test_an_unreachable_server_at_query_time_is_explained_too() -> None:
    port = free_port()
    store = Store(f"postgresql+psycopg://officer@127.0.0.1:{port}/foi", migrate=False)
    with pytest.raises(DatabaseProblem) as raised:
        store.list_cases()
    assert_plain(str(raised.value), "Cannot reach", f"127.0.0.1:{port}")


def _recv(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError("client went away")
        data += chunk
    return data


@pytest.fixture
def refusing_server() -> Iterator[int]:
    """A stand-in PostgreSQL server that asks for a password and refuses it (SQLSTATE 28P01)."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(30)

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                try:
                    while True:  # SSL and GSS requests are declined; then the startup packet
                        length, code = struct.unpack("!ii", _recv(conn, 8))
                        _recv(conn, length - 8)
                        if code not in (80877103, 80877104):
                            break
                        conn.sendall(b"N")
                    conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # cleartext password, please
                    _recv(conn, 1)
                    (length,) = struct.unpack("!i", _recv(conn, 4))
                    _recv(conn, length - 4)
                    fields = (
                        b'SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user "'
                        b'officer"\0\0'
                    )
                    conn.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)
                except (ConnectionError, struct.error, OSError):
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    listener.close()
    thread.join(timeout=5)


def test_a_wrong_password_says_so_without_showing_it(refusing_server: int) -> None:
    url = f"postgresql+psycopg://officer:wrong-s3cret@127.0.0.1:{refusing_server}/foi"
    message = problem_opening(url)
    assert_plain(message, "password", "officer", "FOI_DATABASE_URL")
    assert "wrong-s3cret" not in message


@pytest.mark.postgres
def test_a_missing_database_or_user_on_a_real_server() -> None:
    url = make_url(postgres_url())
    message = problem_opening(url.set(database="no_such_db").render_as_string(False))
    assert_plain(message, "has no database named no_such_db", "createdb no_such_db")
    message = problem_opening(url.set(username="ghost").render_as_string(False))
    assert_plain(message, "has no user named ghost", "FOI_DATABASE_URL")


# --- SQLite files ----------------------------------------------------------------------------


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    garbage = tmp_path / "foi.db"
    garbage.write_bytes(bytes(range(256)) * 40)
    message = problem_opening(f"sqlite:///{garbage}")
    assert_plain(message, str(garbage), "not a database", "FOI_DATABASE_URL")


def test_a_folder_is_not_a_database_file(tmp_path: Path) -> None:
    message = problem_opening(f"sqlite:///{tmp_path}")
    assert_plain(message, str(tmp_path), "folder")


def test_a_missing_folder_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "dta" / "foi.db"  # a typo for data/
    message = problem_opening(f"sqlite:///{missing}")
    assert_plain(message, str(missing.parent), "does not exist", "typo", "create the folder")
    assert not missing.parent.exists()


def test_the_embedded_default_gets_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "foi.db"
    monkeypatch.setattr(settings_module, "DEFAULT_DATABASE_PATH", default)
    Store(f"sqlite:///{default}").close()
    assert default.exists()


# --- migration history -----------------------------------------------------------------------


def _execute(url: str, *statements: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_tables_without_migration_history_are_refused(empty_database_url: str) -> None:
    Store(empty_database_url).close()
    _execute(empty_database_url, "DROP TABLE alembic_version")
    _migrated_urls.clear()
    message = problem_opening(empty_database_url)
    assert_plain(message, "already holds tables", "cases", "no record", "FOI_DATABASE_URL")


def test_someone_elses_tables_are_refused(empty_database_url: str) -> None:
    _execute(empty_database_url, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    message = problem_opening(empty_database_url)
    assert_plain(message, "already holds tables", "invoices")


def test_a_newer_schema_is_refused(empty_database_url: str) -> None:
    Store(empty_database_url).close()
    _execute(empty_database_url, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    _migrated_urls.clear()
    message = problem_opening(empty_database_url)
    assert_plain(message, "newer version of this tool", "9999_from_the_future", "update this tool")


# --- read-only files and folders (a real other user when running as root) ---------------------

PR_CAPBSET_DROP = 24  # prctl option, from <linux/prctl.h>
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2
CAP_SETPCAP = 8

PROBE = """
import sys
from foi_core.storage import Store, StorageError
from tests.case_factory import correct_case
from tests.conftest import postgres_url
try:
    store = Store(sys.argv[1])
    if sys.argv[2] == "write":
        store.add(correct_case())
except StorageError as error:
    print("problem:", error)
else:
    print("opened")
"""


def _without_file_overrides() -> None:
    """In the child, before exec: drop root's power to write read-only files (a no-op otherwise).

    Removing CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set makes the next exec
    obey file modes like any other user; the child keeps root's identity, so it can still run
    the interpreter wherever it is installed.
    """
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def _can_drop_capabilities() -> bool:
    """Root may drop bounding capabilities only with CAP_SETPCAP (bit 8 of CapEff)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("CapEff:"):
            return bool(int(line.split()[1], 16) >> CAP_SETPCAP & 1)
    return False


def probe(url: str, action: str = "open") -> str:
    """Open (and optionally write to) the store as a process that file modes really stop."""
    if os.geteuid() == 0 and not _can_drop_capabilities():
        pytest.skip("running as root without CAP_SETPCAP: file modes cannot be enforced here")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, url, action],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=_without_file_overrides,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_read_only_database_file(tmp_path: Path) -> None:
    database = tmp_path / "foi.db"
    Store(f"sqlite:///{database}").close()
    database.chmod(0o444)  # the folder stays writable
    message = probe(f"sqlite:///{database}")
    assert message.startswith("problem:"), message
    assert_plain(message, str(database), "read-only for this user", "administrator")


def test_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "foi.db"
    Store(f"sqlite:///{database}").close()
    folder.chmod(0o555)  # the file stays writable
    try:
        message = probe(f"sqlite:///{database}")
    finally:
        folder.chmod(0o755)
    assert message.startswith("problem:"), message
    assert_plain(message, str(folder), "read-only for this user")


def test_a_database_made_read_only_after_opening(tmp_path: Path) -> None:
    database = tmp_path / "foi.db"
    Store(f"sqlite:///{database}").close()
    database.chmod(0o444)
    message = probe(f"sqlite:///{database}", action="write")
    assert message.startswith("problem:"), message
    assert_plain(message, str(database), "read-only")


def test_a_database_that_turns_read_only_fails_in_words_at_query_time(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'foi.db'}")
    # From now on every new connection may only read, as when the file is made read-only.
    event.listen(
        store.engine,
        "connect",
        lambda dbapi_connection, _record: dbapi_connection.execute("PRAGMA query_only = ON"),
    )
    store.engine.dispose()
    assert store.count() == 0  # reading still works
    with pytest.raises(DatabaseProblem) as raised:
        store.add(correct_case())
    assert_plain(str(raised.value), str(tmp_path / "foi.db"), "read-only")
    store.close()


# --- concurrent first starts -----------------------------------------------------------------

OPENERS = 8


def _open_store(url: str, barrier: object) -> str:
    barrier.wait()  # type: ignore[attr-defined]
    try:
        Store(url).close()
    except StorageError as error:
        return f"problem: {error}"
    return "ok"


def test_eight_processes_open_a_new_database_at_once(empty_database_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier = manager.Barrier(OPENERS)
        with context.Pool(OPENERS) as pool:
            results = pool.starmap(_open_store, [(empty_database_url, barrier)] * OPENERS)
    assert results == ["ok"] * OPENERS
    store = Store(empty_database_url)
    assert store.count() == 0
    store.close()


def test_the_newest_migration_is_the_one_the_store_knows():
    """A database at HEAD_REVISION is opened without running Alembic: it must be the head."""
    from alembic.script import ScriptDirectory

    from foi_core.storage.engine import HEAD_REVISION, alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [HEAD_REVISION]
