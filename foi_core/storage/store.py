"""The Store: revisions, an append-only audit log, optimistic locking.

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
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from foi_core.case_files import CaseFileError, read_case_text
from foi_core.models import Case, CaseStatus, ExportInfo, OrganisationProfile, explain_errors
from foi_core.personal_data import EXPORT_NOTE_WITH, EXPORT_NOTE_WITHOUT, without_personal_data
from foi_core.settings import get_settings

from .documents import (
    describe_changes,
    diff_documents,
    dump_case,
    parse_stored_case,
)
from .engine import open_store_engine
from .errors import CaseImportError, CaseNotFound, DuplicateCase, StaleCase, StorageError
from .issued import IssuedLetters
from .problems import explained
from .records import (
    _SUMMARY_FIELDS,
    AuditEvent,
    CaseSummary,
    Revision,
    RevisionInfo,
    RevisionKind,
    StoredCase,
)
from .tables import PROFILE_ROW_ID, AuditRow, CaseRow, ProfileRow, RevisionRow, _utcnow

log = logging.getLogger("foi_core.storage")

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




def _stored(row: CaseRow) -> StoredCase:
    case = parse_stored_case(row.document, f"case {row.id}")
    return StoredCase(
        case=case, version=row.version, updated_at=row.updated_at, updated_by=row.updated_by
    )


def _format_time(moment: dt.datetime) -> str:
    moment = moment.astimezone(dt.UTC)
    return f"{moment:%H:%M} UTC on {moment.day} {moment:%B %Y}"


class Store(IssuedLetters):
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
        case, document = self._file_letters(session, case, document, actor)
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

    def revision_log(self, case_id: str) -> list[RevisionInfo]:
        """Every revision of a case without its document, oldest first (for listings)."""
        columns = [RevisionRow.__table__.c[name] for name in RevisionInfo.model_fields]
        query = select(*columns).where(RevisionRow.case_id == case_id).order_by(RevisionRow.number)
        with self._reading() as session:
            rows = session.connection().execute(query).mappings().all()
        return [RevisionInfo.model_validate(dict(row)) for row in rows]

    def revision(self, case_id: str, number: int) -> Revision:
        """Revision ``number`` of a case; CaseNotFound if the case has no such revision."""
        query = select(RevisionRow).where(
            RevisionRow.case_id == case_id, RevisionRow.number == number
        )
        with self._reading() as session:
            row = session.scalar(query)
            if row is None:
                raise CaseNotFound(f"Case {case_id} has no revision {number}.")
            return Revision.model_validate(row, from_attributes=True)

    def saved_revision(self, case_id: str, version: int) -> Revision | None:
        """The revision saved as ``version`` of a case (what an officer loaded), or None."""
        query = (
            select(RevisionRow)
            .where(
                RevisionRow.case_id == case_id,
                RevisionRow.version == version,
                RevisionRow.kind == "saved",
            )
            .order_by(RevisionRow.number.desc())
            .limit(1)
        )
        with self._reading() as session:
            row = session.scalar(query)
            return None if row is None else Revision.model_validate(row, from_attributes=True)

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
    def parse_case_json(text: str | bytes, source: str = "The case file") -> Case:
        """Read a case file (foi_core.case_files): CaseImportError with one plain line, and
        ``problems`` naming each bad field, when it is not a valid case."""
        try:
            return read_case_text(text, source)
        except CaseFileError as error:
            raise CaseImportError(str(error), error.problems) from None

    def import_case_json(
        self, text: str | bytes, actor: str | None = None, source: str = "The case file"
    ) -> StoredCase:
        """Validate and store a case file; DuplicateCase if its id or reference is taken."""
        actor = self._actor(actor)
        case = self.parse_case_json(text, source)
        summary = f"Imported case {case.request.our_ref} from a JSON file"
        return self._add_new(case, actor, "imported", summary)

    def export_case_json(
        self, ref_or_id: str, *, include_personal_data: bool = False, actor: str | None = None
    ) -> str:
        """The stored case as a JSON file, found by id or by reference; CaseNotFound if neither.

        Without personal data (the default) the requester's details are blank (and masked where
        typed into free text) and issued letters' render data is left out; with it, the file
        carries both. The file's ``export`` marker says which, it imports again either way, and
        the export is recorded in the audit log.
        """
        actor = self._actor(actor)
        at = _utcnow()
        with self._writing() as session:
            row = session.get(CaseRow, ref_or_id)
            if row is None:
                row = session.scalar(select(CaseRow).where(CaseRow.ref == ref_or_id.strip()))
            if row is None:
                raise CaseNotFound(f"There is no case with reference or id {ref_or_id}.")
            case = _stored(row).case
            if include_personal_data:
                contexts, note = self._letter_contexts(session, case), EXPORT_NOTE_WITH
            else:
                case, contexts, note = without_personal_data(case), {}, EXPORT_NOTE_WITHOUT
            case.export = ExportInfo(
                personal_data=include_personal_data,
                exported_at=at,
                exported_by=actor,
                note=note,
                letter_contexts=contexts,
            )
            what = "with" if include_personal_data else "without"
            self._write_audit(
                session,
                case_id=row.id,
                at=at,
                actor=actor,
                action="exported",
                summary=f"Exported as a JSON file {what} personal data",
                case_version=row.version,
                changes=[],
            )
            return case.to_json()

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
                case = self.parse_case_json(path.read_bytes(), path.name)
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
            changes = diff_documents(before, document, model=OrganisationProfile)
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
