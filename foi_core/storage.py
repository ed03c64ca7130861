"""The case store: SQLAlchemy 2 tables, revisions, an append-only audit log, optimistic locking.

Each ``Case`` is stored whole as a JSON document (JSONB on PostgreSQL), with the columns that
lists filter and sort on (reference, status, dates) copied out beside it. ORM rows stay apart
from the pydantic models and are mapped explicitly here.

Every write is one transaction: the case row, a new revision and an audit event are written
together or not at all. A save based on an old version is refused with ``StaleCase``, and the
losing edit is still kept, as a revision of kind ``conflict``.

The schema is managed by Alembic (``foi_core/migrations``); ``Store(url)`` brings a database to
the latest revision the first time this process opens that URL.

Usage::

    store = Store()                       # FOI_DATABASE_URL, or data/foi.db
    version = store.add(case, actor="a.officer")
    stored = store.load(case.id)          # stored.case, stored.version, stored.updated_at
    store.save(edited, expected_version=stored.version, actor="a.officer")
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from alembic.util import CommandError as AlembicCommandError
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import TypeDecorator

from foi_core.models import (
    SCHEMA_VERSION,
    Case,
    CaseStatus,
    FieldProblem,
    OrganisationProfile,
    explain_errors,
)
from foi_core.settings import get_settings

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# --- Errors ------------------------------------------------------------------------------------


class StorageError(Exception):
    """A storage problem with a plain-English message fit to show to the user."""


class CaseNotFound(StorageError, LookupError):
    """No stored case has this id (or reference)."""


class DuplicateCase(StorageError):
    """A case with the same id or the same reference is already stored."""


class StaleCase(StorageError):
    """The case was saved by someone else after this copy was loaded; the edit was kept aside."""

    def __init__(
        self,
        message: str,
        *,
        case_id: str,
        expected_version: int,
        current_version: int,
        changed_by: str,
        changed_at: dt.datetime,
        conflict_revision: int,
    ) -> None:
        super().__init__(message)
        self.case_id = case_id
        self.expected_version = expected_version
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.conflict_revision = conflict_revision


class CaseImportError(StorageError, ValueError):
    """A case file could not be read; ``problems`` lists each problem with its field."""

    def __init__(self, message: str, problems: Sequence[FieldProblem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


# --- Column types ------------------------------------------------------------------------------


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and always read back as an aware UTC datetime."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


JSONDocument = JSON().with_variant(JSONB(), "postgresql")

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- Tables ------------------------------------------------------------------------------------


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CaseRow(Base):
    """One case: the document plus the columns lists filter and sort on."""

    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ref: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    received: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    updated_by: Mapped[str] = mapped_column(String(200))
    schema_version: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)

    __table_args__ = (Index(None, "ref", unique=True),)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own protocol)


class RevisionRow(Base):
    """A copy of the document as saved (kind "saved") or as a refused stale edit ("conflict")."""

    __tablename__ = "case_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    saved_by: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)

    __table_args__ = (UniqueConstraint("case_id", "number"),)


class AuditRow(Base):
    """One append-only audit event (database triggers refuse UPDATE and DELETE)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text, default="")
    case_version: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument)


class ProfileRow(Base):
    """The organisation profile: a single row (id 1)."""

    __tablename__ = "organisation_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(200))


PROFILE_ROW_ID = 1

# --- What the store hands back -----------------------------------------------------------------


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)


class StoredCase(_Record):
    """A case as loaded, with the version to pass back to ``Store.save``."""

    case: Case
    version: int
    updated_at: dt.datetime
    updated_by: str


class CaseSummary(_Record):
    """One row of the case list, read without parsing the case document."""

    id: str
    ref: str
    title: str
    status: CaseStatus
    received: dt.date
    due_date: dt.date | None
    updated_at: dt.datetime
    version: int


_SUMMARY_FIELDS = tuple(CaseSummary.model_fields)

RevisionKind = Literal["saved", "conflict"]


class Revision(_Record):
    """A stored copy of a case document; ``number`` counts 1, 2, 3 ... per case."""

    case_id: str
    number: int
    version: int
    kind: RevisionKind
    saved_at: dt.datetime
    saved_by: str
    summary: str
    document: dict[str, Any]

    @property
    def case(self) -> Case:
        """The revision's document as a Case."""
        return _parse_case(self.document, f"revision {self.number} of case {self.case_id}")


class AuditEvent(_Record):
    """One entry of the audit log; ``changes`` lists changed fields with short before/after."""

    id: int
    case_id: str | None
    at: dt.datetime
    actor: str
    action: str
    summary: str
    case_version: int | None
    changes: list[dict[str, Any]]


# --- Documents ---------------------------------------------------------------------------------

# Upgrades of stored documents, keyed by the schema version they upgrade from (to version + 1).
DOCUMENT_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def dump_case(case: Case) -> dict[str, Any]:
    """The JSON document stored for a case."""
    return case.model_dump(mode="json")


def upgrade_document(document: dict[str, Any]) -> dict[str, Any]:
    """Bring a stored document written by an older schema up to the current one."""
    version = document.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise StorageError(
            f"This case was written by a newer version of the tool (case format {version}); "
            f"this version reads format {SCHEMA_VERSION}. Update the tool to open it."
        )
    while isinstance(version, int) and version < SCHEMA_VERSION:
        document = DOCUMENT_UPGRADES[version](dict(document))
        version += 1
        document["schema_version"] = version
    return document


def _parse_case(document: dict[str, Any], what: str) -> Case:
    try:
        return Case.model_validate(upgrade_document(document))
    except ValidationError as error:
        details = "; ".join(f"{p.field}: {p.message}" for p in explain_errors(error)[:5])
        raise StorageError(f"The stored {what} cannot be read: {details}") from None


_PERSONAL_PREFIXES = ("requester",)
_MISSING = object()


def _short(value: Any, width: int) -> Any:
    if value is _MISSING:
        return None
    if isinstance(value, str):
        return value if len(value) <= width else value[: width - 1] + "…"
    if value is None or isinstance(value, bool | int | float):
        return value
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= width else text[: width - 1] + "…"


def _list_key(before: list[Any], after: list[Any]) -> str | None:
    """The field that identifies the elements of two lists of objects ("id" or "number")."""
    for key in ("id", "number"):
        if not before + after or not all(isinstance(e, dict) and key in e for e in before + after):
            continue
        if all(len({str(e[key]) for e in side}) == len(side) for side in (before, after)):
            return key
    return None


def _walk(path: str, before: Any, after: Any, out: list[dict[str, Any]], width: int) -> None:
    if before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            child = f"{path}.{key}" if path else str(key)
            _walk(child, before.get(key, _MISSING), after.get(key, _MISSING), out, width)
        return
    if isinstance(before, list) and isinstance(after, list):
        key = _list_key(before, after)
        if key is not None:
            old = {str(e[key]): e for e in before}
            new = {str(e[key]): e for e in after}
            for ident in [*old, *(i for i in new if i not in old)]:
                child = f"{path}[{ident}]"
                _walk(child, old.get(ident, _MISSING), new.get(ident, _MISSING), out, width)
            return
        if all(isinstance(e, dict) for e in before + after) and before and after:
            for index in range(max(len(before), len(after))):
                old_e = before[index] if index < len(before) else _MISSING
                new_e = after[index] if index < len(after) else _MISSING
                _walk(f"{path}[{index}]", old_e, new_e, out, width)
            return
    personal = path.split(".", 1)[0].split("[", 1)[0] in _PERSONAL_PREFIXES
    if personal:
        out.append({"path": path, "before": "(personal data)", "after": "(personal data)"})
    else:
        out.append({"path": path, "before": _short(before, width), "after": _short(after, width)})


def diff_documents(
    before: dict[str, Any] | None, after: dict[str, Any] | None, *, limit: int = 40, width: int = 80
) -> list[dict[str, Any]]:
    """Changed fields between two documents as ``{"path", "before", "after"}`` entries.

    Paths are dotted; list elements with an ``id`` (claims, factors) or ``number`` (items) are
    named by it, e.g. ``claims[3f2a].pit.balance.conclusion``, ``request.items[2].outcome``.
    Values longer than ``width`` characters are cut short; requester details are never copied.
    At most ``limit`` entries are kept, followed by one ``{"path": "…", "more": n}`` entry.
    """
    changes: list[dict[str, Any]] = []
    _walk("", before or {}, after or {}, changes, width)
    if len(changes) > limit:
        hidden = len(changes) - limit
        changes = [*changes[:limit], {"path": "…", "before": None, "after": None, "more": hidden}]
    return changes


def describe_changes(changes: list[dict[str, Any]]) -> str:
    """A one-line summary of a diff, e.g. "Changed title, request.items[2].outcome"."""
    paths = [c["path"] for c in changes if "more" not in c]
    more = sum(c.get("more", 0) for c in changes)
    if not paths:
        return "Saved with no changes"
    shown = paths[:3]
    more += len(paths) - len(shown)
    text = "Changed " + ", ".join(shown)
    return f"{text} and {more} more" if more else text


def _due_date(case: Case) -> dt.date | None:
    """The s10 due date from foi_core.deadlines, or None while that cannot be worked out."""
    try:
        from foi_core.deadlines import case_deadlines
    except ImportError:
        return None
    try:
        return case_deadlines(case).due
    except Exception as error:  # a deadline problem must never stop a save
        log.warning("Could not work out the due date of case %s: %s", case.id, error)
        return None


# --- Engine and migrations ---------------------------------------------------------------------


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


# --- The store ---------------------------------------------------------------------------------


def _stored(row: CaseRow) -> StoredCase:
    case = _parse_case(row.document, f"case {row.id}")
    return StoredCase(
        case=case, version=row.version, updated_at=row.updated_at, updated_by=row.updated_by
    )


def _format_time(moment: dt.datetime) -> str:
    moment = moment.astimezone(dt.UTC)
    return f"{moment:%H:%M} UTC on {moment.day} {moment:%B %Y}"


class Store:
    """Cases, their revisions and audit events, and the organisation profile, in one database.

    Thread-safe: each operation opens its own session and transaction.
    """

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        """Open the database at ``url`` (default: the settings) and migrate it if needed.

        Raises StorageError with a plain message when the URL is wrong, the database cannot be
        reached, or it was set up by a newer version of the tool.
        """
        self.url = url or get_settings().database_url
        self.engine = create_store_engine(self.url)
        if migrate:
            try:
                _ensure_schema(self.engine)
            except AlembicCommandError as error:
                self.engine.dispose()
                raise StorageError(
                    f"The database {_safe(self.url)} was set up by a different version of this "
                    f"tool and cannot be upgraded by this one ({error})."
                ) from None
            except OperationalError as error:
                self.engine.dispose()
                reason = str(error.orig or error).strip().splitlines()[0]
                raise StorageError(
                    f"Cannot open the database {_safe(self.url)}: {reason}"
                ) from None
        self._read_session = sessionmaker(self.engine, expire_on_commit=False)
        self._write_session = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    def close(self) -> None:
        """Close the connections of this store."""
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # -- sessions ---------------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with self._read_session.begin() as session:
            yield session

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        with self._write_session.begin() as session:
            yield session

    @staticmethod
    def _actor(actor: str | None) -> str:
        name = (actor or "").strip()
        return name or get_settings().actor

    # -- writing helpers (each runs inside the caller's transaction) ------------------------

    @staticmethod
    def _check_unique(session: Session, case: Case, *, new: bool) -> None:
        ref = case.request.our_ref
        if new and session.get(CaseRow, case.id) is not None:
            raise DuplicateCase(
                f"A case with id {case.id} is already stored; open that case instead, or give "
                "this one a new id."
            )
        clash = session.scalar(select(CaseRow.id).where(CaseRow.ref == ref, CaseRow.id != case.id))
        if clash is not None:
            raise DuplicateCase(
                f"Another case already has the reference {ref}; references must be unique. "
                "Change our reference, or open the existing case."
            )

    @staticmethod
    def _next_revision_number(session: Session, case_id: str) -> int:
        latest = session.scalar(
            select(func.max(RevisionRow.number)).where(RevisionRow.case_id == case_id)
        )
        return (latest or 0) + 1

    def _write_history(
        self,
        session: Session,
        row: CaseRow,
        document: dict[str, Any],
        *,
        actor: str,
        at: dt.datetime,
        action: str,
        summary: str,
        changes: list[dict[str, Any]],
        refused_version: int | None = None,
    ) -> int:
        """Write the revision of ``document`` and its audit event; returns the revision number.

        ``row`` is the stored case after the write. ``refused_version`` marks an edit refused
        because the case had moved on from that version: it is kept as a "conflict" revision at
        that version, and the audit event says why.
        """
        kind: RevisionKind = "saved" if refused_version is None else "conflict"
        number = self._next_revision_number(session, row.id)
        session.add(
            RevisionRow(
                case_id=row.id,
                number=number,
                version=row.version if refused_version is None else refused_version,
                kind=kind,
                saved_at=at,
                saved_by=actor,
                summary=summary,
                document=document,
            )
        )
        if refused_version is not None:
            summary = (
                f"Save refused: based on version {refused_version} but the case was at "
                f"version {row.version}; the edit was kept as revision {number}"
            )
        self._write_audit(
            session,
            case_id=row.id,
            at=at,
            actor=actor,
            action=action,
            summary=summary,
            case_version=row.version,
            changes=changes,
        )
        return number

    def _write_audit(
        self,
        session: Session,
        *,
        case_id: str | None,
        at: dt.datetime,
        actor: str,
        action: str,
        summary: str,
        case_version: int | None,
        changes: list[dict[str, Any]],
    ) -> None:
        session.add(
            AuditRow(
                case_id=case_id,
                at=at,
                actor=actor,
                action=action,
                summary=summary,
                case_version=case_version,
                changes=changes,
            )
        )
        session.flush()

    @staticmethod
    def _fill_row(
        row: CaseRow, case: Case, document: dict[str, Any], actor: str, at: dt.datetime
    ) -> None:
        row.ref = case.request.our_ref
        row.title = case.title
        row.status = case.status.value
        row.received = case.request.received
        row.due_date = _due_date(case)
        row.updated_at = at
        row.updated_by = actor
        row.schema_version = case.schema_version
        row.document = document

    def _insert(
        self, session: Session, case: Case, actor: str, action: str, summary: str
    ) -> StoredCase:
        self._check_unique(session, case, new=True)
        at = _utcnow()
        document = dump_case(case)
        row = CaseRow(id=case.id, created_at=at)
        self._fill_row(row, case, document, actor, at)
        session.add(row)
        session.flush()
        self._write_history(
            session, row, document, actor=actor, at=at, action=action, summary=summary, changes=[]
        )
        return StoredCase(case=case, version=row.version, updated_at=at, updated_by=actor)

    def _add_new(self, case: Case, actor: str, action: str, summary: str) -> StoredCase:
        """Insert a new case in a transaction of its own; DuplicateCase if its id or ref is used."""
        try:
            with self._writing() as session:
                return self._insert(session, case, actor, action, summary)
        except IntegrityError:
            raise DuplicateCase(
                f"Case {case.request.our_ref} (id {case.id}) clashes with a stored case."
            ) from None

    # -- cases --------------------------------------------------------------------------------

    def add(self, case: Case, actor: str | None = None, summary: str = "") -> int:
        """Store a new case; returns its version (1). DuplicateCase if its id or ref is taken."""
        actor = self._actor(actor)
        summary = summary or f"Created case {case.request.our_ref}"
        return self._add_new(case, actor, "created", summary).version

    def load(self, case_id: str) -> StoredCase:
        """The stored case with this id; CaseNotFound if there is none."""
        with self._reading() as session:
            row = session.get(CaseRow, case_id)
            if row is None:
                raise CaseNotFound(f"There is no case with id {case_id}.")
            return _stored(row)

    def find_by_ref(self, ref: str) -> StoredCase | None:
        """The stored case with this reference (our_ref), or None."""
        with self._reading() as session:
            row = session.scalar(select(CaseRow).where(CaseRow.ref == ref.strip()))
            return None if row is None else _stored(row)

    def save(
        self,
        case: Case,
        expected_version: int,
        actor: str | None = None,
        summary: str = "",
    ) -> int:
        """Save an edited case loaded at ``expected_version``; returns the new version.

        Raises StaleCase when someone else saved the case in the meantime: the edit is then kept
        as a "conflict" revision, and the stored case is left as the other person saved it.
        """
        actor = self._actor(actor)
        document = dump_case(case)
        try:
            with self._writing() as session:
                row = session.get(CaseRow, case.id, with_for_update=True)
                if row is None:
                    raise CaseNotFound(
                        f"There is no case with id {case.id} to save; it may have been removed."
                    )
                if row.version == expected_version:
                    self._check_unique(session, case, new=False)
                    changes = diff_documents(row.document, document)
                    summary = summary or describe_changes(changes)
                    at = _utcnow()
                    self._fill_row(row, case, document, actor, at)
                    session.flush()  # the versioned UPDATE: WHERE version = expected_version
                    self._write_history(
                        session,
                        row,
                        document,
                        actor=actor,
                        at=at,
                        action="saved",
                        summary=summary,
                        changes=changes,
                    )
                    return row.version
        except StaleDataError:
            pass  # another writer got in between our read and our UPDATE
        raise self._keep_conflict(case, document, expected_version, actor, summary)

    def _keep_conflict(
        self,
        case: Case,
        document: dict[str, Any],
        expected_version: int,
        actor: str,
        summary: str,
    ) -> StaleCase:
        """Store a refused edit as a conflict revision (with its audit event) and describe it."""
        with self._writing() as session:
            row = session.get(CaseRow, case.id, with_for_update=True)
            if row is None:
                raise CaseNotFound(f"There is no case with id {case.id} to save.")
            base = session.scalar(
                select(RevisionRow.document)
                .where(
                    RevisionRow.case_id == case.id,
                    RevisionRow.version == expected_version,
                    RevisionRow.kind == "saved",
                )
                .order_by(RevisionRow.number.desc())
                .limit(1)
            )
            number = self._write_history(
                session,
                row,
                document,
                actor=actor,
                at=_utcnow(),
                action="conflict",
                summary=summary or "Edit refused because the case had changed; kept for reference",
                changes=diff_documents(base, document),
                refused_version=expected_version,
            )
            changed_by, changed_at, current = row.updated_by, row.updated_at, row.version
        return StaleCase(
            f"This case was changed by {changed_by} at {_format_time(changed_at)} since you "
            f"opened it; your version was kept as revision {number}; reload to see their changes.",
            case_id=case.id,
            expected_version=expected_version,
            current_version=current,
            changed_by=changed_by,
            changed_at=changed_at,
            conflict_revision=number,
        )

    def list_cases(self, status: CaseStatus | str | None = None) -> list[CaseSummary]:
        """Summaries of the stored cases, most recently updated first (documents not parsed)."""
        table = CaseRow.__table__
        query = select(*(table.c[name] for name in _SUMMARY_FIELDS)).order_by(
            table.c.updated_at.desc(), table.c.ref
        )
        if status is not None:
            query = query.where(table.c.status == CaseStatus(status).value)
        with self._reading() as session:
            rows = session.connection().execute(query).all()
        validate = CaseSummary.model_validate
        return [validate(dict(zip(_SUMMARY_FIELDS, row, strict=True))) for row in rows]

    def count(self) -> int:
        """How many cases are stored."""
        with self._reading() as session:
            return session.scalar(select(func.count()).select_from(CaseRow)) or 0

    def revisions(self, case_id: str) -> list[Revision]:
        """Every revision of a case, oldest first (empty if the case does not exist)."""
        query = (
            select(RevisionRow).where(RevisionRow.case_id == case_id).order_by(RevisionRow.number)
        )
        with self._reading() as session:
            rows = session.scalars(query).all()
        return [Revision.model_validate(row, from_attributes=True) for row in rows]

    def audit(self, case_id: str | None = None) -> list[AuditEvent]:
        """Audit events of one case (or of everything when ``case_id`` is None), oldest first."""
        query = select(AuditRow).order_by(AuditRow.at, AuditRow.id)
        if case_id is not None:
            query = query.where(AuditRow.case_id == case_id)
        with self._reading() as session:
            rows = session.scalars(query).all()
        return [AuditEvent.model_validate(row, from_attributes=True) for row in rows]

    def add_many(self, cases: Iterable[Case], actor: str | None = None) -> int:
        """Store many new cases in one transaction (bulk inserts); returns how many."""
        actor = self._actor(actor)
        at = _utcnow()
        case_rows: list[dict[str, Any]] = []
        revision_rows: list[dict[str, Any]] = []
        audit_rows: list[dict[str, Any]] = []
        for case in cases:
            document = dump_case(case)
            row = CaseRow(id=case.id, created_at=at)
            self._fill_row(row, case, document, actor, at)
            values = {c.key: getattr(row, c.key) for c in CaseRow.__table__.columns}
            case_rows.append({**values, "version": 1})
            summary = f"Created case {case.request.our_ref}"
            revision_rows.append(
                {
                    "case_id": case.id,
                    "number": 1,
                    "version": 1,
                    "kind": "saved",
                    "saved_at": at,
                    "saved_by": actor,
                    "summary": summary,
                    "document": document,
                }
            )
            audit_rows.append(
                {
                    "case_id": case.id,
                    "at": at,
                    "actor": actor,
                    "action": "created",
                    "summary": summary,
                    "case_version": 1,
                    "changes": [],
                }
            )
        try:
            with self._writing() as session:
                if case_rows:
                    session.execute(insert(CaseRow), case_rows)
                    session.execute(insert(RevisionRow), revision_rows)
                    session.execute(insert(AuditRow), audit_rows)
        except IntegrityError:
            raise DuplicateCase(
                "Some of these cases clash with stored cases (same id or reference); "
                "nothing was added."
            ) from None
        return len(case_rows)

    # -- import and export ------------------------------------------------------------------

    @staticmethod
    def parse_case_json(text: str | bytes) -> Case:
        """Validate a case file; CaseImportError with a plain message naming each bad field."""
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise CaseImportError(
                    "The file is not UTF-8 text; save it as UTF-8 JSON and try again."
                ) from None
        text = text.lstrip("\ufeff")
        if not text.strip():
            raise CaseImportError("The file is empty; a case file is a JSON object.")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            reason = error.msg[:1].lower() + error.msg[1:]
            raise CaseImportError(
                f"This is not valid JSON: {reason} at line {error.lineno}, column {error.colno}."
            ) from None
        if not isinstance(data, dict):
            raise CaseImportError(
                "A case file must hold one JSON object ({ ... }), as made by Export."
            )
        try:
            data = upgrade_document(data)
        except StorageError as error:
            raise CaseImportError(str(error)) from None
        try:
            return Case.model_validate(data)
        except ValidationError as error:
            problems = explain_errors(error)
            lines = "\n".join(f"- {p.field}: {p.message}" for p in problems)
            count = "1 problem" if len(problems) == 1 else f"{len(problems)} problems"
            raise CaseImportError(f"The case file has {count}:\n{lines}", problems) from None

    def import_case_json(self, text: str | bytes, actor: str | None = None) -> StoredCase:
        """Validate and store a case file; DuplicateCase if its id or reference is taken."""
        actor = self._actor(actor)
        case = self.parse_case_json(text)
        summary = f"Imported case {case.request.our_ref} from a JSON file"
        return self._add_new(case, actor, "imported", summary)

    def export_case_json(self, ref_or_id: str) -> str:
        """The stored case as JSON, found by id or by reference; CaseNotFound if neither."""
        with self._reading() as session:
            row = session.get(CaseRow, ref_or_id)
            if row is None:
                row = session.scalar(select(CaseRow).where(CaseRow.ref == ref_or_id.strip()))
            if row is None:
                raise CaseNotFound(f"There is no case with reference or id {ref_or_id}.")
            return _stored(row).case.to_json()

    # -- demo cases -----------------------------------------------------------------------------

    def load_demo_cases(self, examples_dir: Path | str | None = None) -> int:
        """Load ``examples/*.json`` when the store holds no cases; returns how many were loaded.

        Files that fail validation (or clash with each other) are skipped with a logged warning.
        """
        if self.count():
            return 0
        folder = Path(examples_dir) if examples_dir else get_settings().examples_dir
        loaded = 0
        for path in sorted(folder.glob("*.json")):
            try:
                case = self.parse_case_json(path.read_bytes())
                with self._writing() as session:
                    self._insert(
                        session, case, "demo", "created", f"Loaded demo case from {path.name}"
                    )
            except (OSError, StorageError, IntegrityError) as error:
                log.warning("Skipped demo case %s: %s", path.name, error)
                continue
            loaded += 1
        return loaded

    # -- organisation profile ---------------------------------------------------------------

    def load_profile(self) -> OrganisationProfile:
        """The saved organisation profile, or the defaults when none has been saved."""
        with self._reading() as session:
            row = session.get(ProfileRow, PROFILE_ROW_ID)
            if row is None:
                return OrganisationProfile()
            try:
                return OrganisationProfile.model_validate(row.document)
            except ValidationError as error:
                details = "; ".join(f"{p.field}: {p.message}" for p in explain_errors(error))
                raise StorageError(
                    f"The saved organisation profile cannot be read: {details}"
                ) from None

    def save_profile(self, profile: OrganisationProfile, actor: str | None = None) -> None:
        """Save the organisation profile (with an audit event listing what changed)."""
        actor = self._actor(actor)
        document = profile.model_dump(mode="json")
        at = _utcnow()
        with self._writing() as session:
            row = session.get(ProfileRow, PROFILE_ROW_ID, with_for_update=True)
            before = (
                row.document if row is not None else OrganisationProfile().model_dump(mode="json")
            )
            if row is None:
                row = ProfileRow(id=PROFILE_ROW_ID)
                session.add(row)
            row.document = document
            row.updated_at = at
            row.updated_by = actor
            changes = diff_documents(before, document)
            self._write_audit(
                session,
                case_id=None,
                at=at,
                actor=actor,
                action="profile_saved",
                summary=describe_changes(changes).replace("Changed", "Changed profile", 1),
                case_version=None,
                changes=changes,
            )
