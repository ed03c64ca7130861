"""The Store: revisions, an append-only audit log, optimistic locking.

Each ``Case`` is stored whole as a JSON document (JSONB on PostgreSQL), with the columns that
lists filter and sort on (reference, status, dates) copied out beside it. ORM rows stay apart
from the pydantic models and are mapped explicitly here.

Every write is one transaction: the case row, a new revision and an audit event are written
together or not at all. A save based on an old version is refused with ``StaleCase``, and the
losing edit is still kept, as a revision of kind ``conflict``.

The schema is managed by Alembic (``foi_core/migrations``); ``Store(url)`` brings a database to
the latest revision the first time this process opens that URL.

The Store is made of parts, one module each: ``writing`` (row columns, revisions, audit events),
``reading`` (cases, listings, revisions, the audit log), ``importing`` (case files, demo cases,
bulk adds), ``precedent_terms`` (the precedent search's candidates), ``profile`` (the
organisation profile), ``issued`` (issued letters), ``people``
and ``training`` (training sessions, submissions, trainers' scenarios). This module
holds opening the database, its sessions, and adding and saving a case.

Usage::

    store = Store()                       # FOI_DATABASE_URL, or data/foi.db
    version = store.add(case, actor="a.officer")
    stored = store.load(case.id)          # stored.case, stored.version, stored.updated_at
    store.save(edited, expected_version=stored.version, actor="a.officer")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from foi_core.models import Case
from foi_core.plain import plain_time
from foi_core.settings import get_settings

from .documents import diff_documents, dump_case, parse_stored_case
from .engine import open_store_engine
from .errors import CaseNotFound, StaleCase
from .importing import CaseFiles
from .issued import IssuedLetters
from .people import PeopleStore
from .precedent_terms import PrecedentTerms
from .problems import explained
from .profile import ProfileStore
from .reading import Reading
from .register import RegisterStore
from .statistics import Statistics
from .tables import CaseRow, RevisionRow, _utcnow
from .training import TrainingStore
from .writing import CaseWrites


def _format_time(moment: dt.datetime) -> str:
    return plain_time(moment)


class Store(
    Reading,
    CaseWrites,
    CaseFiles,
    ProfileStore,
    IssuedLetters,
    PeopleStore,
    TrainingStore,
    RegisterStore,
    Statistics,
    PrecedentTerms,
):
    """Cases, their revisions and audit events, and the organisation profile, in one database.

    Thread-safe: each operation opens its own session and transaction.
    """

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        """Open the database at ``url`` (default: the settings) and migrate it if needed.

        Raises DatabaseProblem (a StorageError) saying which database, what is wrong and what to
        do: a bad URL, a missing folder, an unreachable server, a read-only file, tables this
        tool did not make, or a schema from a newer version of the tool.
        """
        self.url = url or get_settings().database_url
        self.engine = open_store_engine(self.url, migrate=migrate)
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
        with explained(self.url), self._read_session.begin() as session:
            yield session

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A write transaction; a database that cannot be written fails as DatabaseProblem."""
        with explained(self.url), self._write_session.begin() as session:
            yield session

    @staticmethod
    def _actor(actor: str | None) -> str:
        name = (actor or "").strip()
        return name or get_settings().actor

    # -- cases --------------------------------------------------------------------------------

    def add(self, case: Case, actor: str | None = None, summary: str = "") -> int:
        """Store a new case; returns its version (1). DuplicateCase if its id or ref is taken."""
        actor = self._actor(actor)
        summary = summary or f"Created case {case.request.our_ref}"
        return self._add_new(case, actor, "created", summary).version

    def save(
        self,
        case: Case,
        expected_version: int,
        actor: str | None = None,
        summary: str = "",
        action: str = "saved",
    ) -> int:
        """Save an edited case loaded at ``expected_version``; returns the new version.

        ``action`` is the audit action: "saved" for an edit; a life step saves with its own
        ("submitted", "approved", "returned", "reopened", "closed", "assigned"), which does not
        count as drafting (``foi_core.people.rules.CONTENT_ACTIONS``).

        Every save is guarded against the stored case (``foi_core.workflow.life.guard_edit``):
        CaseLocked when it would change what an issued or closed case says; a change to what a
        submitted or approved case says makes it a draft again ("withdrawn").

        Raises StaleCase when someone else saved the case in the meantime: the edit is then kept
        as a "conflict" revision, and the stored case is left as the other person saved it.
        """
        from foi_core.workflow.life import guard_edit

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
                    stored = parse_stored_case(row.document, f"case {case.id}")
                    case = guard_edit(stored, case, by=actor)
                    self._check_unique(session, case, new=False)
                    return self._write_version(
                        session, row, case, actor=actor, action=action, summary=summary
                    )
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
