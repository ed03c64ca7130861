"""How every write is recorded: the case row's columns, uniqueness, and the revision and audit
event written with each change (a part of ``Store``, a mixin; every helper runs inside the
caller's transaction)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from foi_core.deadlines import case_deadlines
from foi_core.models import Case, CaseKind

from .documents import describe_changes, diff_documents, dump_case
from .errors import DuplicateCase
from .records import RevisionKind, StoredCase
from .tables import AuditRow, CaseRow, RevisionRow, _utcnow

if TYPE_CHECKING:
    from .store import Store


def _due_date(case: Case) -> dt.date | None:
    """The s10 due date of a request, or None while that cannot be worked out (case_deadlines
    never raises for a valid case: a date it cannot count from is one of its problems); a
    review's or complaint's own next deadline (foi_core.aftercare)."""
    if case.kind is not CaseKind.REQUEST:
        from foi_core.aftercare.due import aftercare_due

        return aftercare_due(case)
    return case_deadlines(case).due


class CaseWrites:
    """The Store's writing helpers (a mixin of ``Store``)."""

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
        row.kind = case.kind.value
        row.assigned_to = case.assigned_to or None
        row.linked_case = case.linked_case
        row.received = case.request.received
        row.due_date = _due_date(case)
        row.updated_at = at
        row.updated_by = actor[:200]
        row.schema_version = case.schema_version
        row.document = document

    def _write_version(
        self,
        session: Session,
        row: CaseRow,
        case: Case,
        *,
        actor: str,
        action: str,
        summary: str | None = None,
    ) -> int:
        """Write ``case`` over ``row`` as its next version, with its revision and audit event;
        returns the new version. The versioned UPDATE raises StaleDataError on a lost race.
        ``summary`` defaults to a description of what changed."""
        document = dump_case(case)
        changes = diff_documents(row.document, document)
        at = _utcnow()
        self._fill_row(row, case, document, actor, at)
        session.flush()  # the versioned UPDATE: WHERE version = the version read
        self._write_history(
            session,
            row,
            document,
            actor=actor,
            at=at,
            action=action,
            summary=summary or describe_changes(changes),
            changes=changes,
        )
        return row.version

    def _insert(
        self: Store, session: Session, case: Case, actor: str, action: str, summary: str
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

    def _add_new(self: Store, case: Case, actor: str, action: str, summary: str) -> StoredCase:
        """Insert a new case in a transaction of its own; DuplicateCase if its id or ref is used."""
        try:
            with self._writing() as session:
                return self._insert(session, case, actor, action, summary)
        except IntegrityError:
            raise DuplicateCase(
                f"Case {case.request.our_ref} (id {case.id}) clashes with a stored case."
            ) from None
