"""How every write is recorded: the case row's columns, uniqueness, and the revision and audit
event written with each change (a part of ``Store``, a mixin; every helper runs inside the
caller's transaction)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from foi_core.models import Case
from foi_core.register import CaseFacts, case_facts, working_day_ordinal_or_none

from .documents import describe_changes, diff_documents, dump_case
from .errors import DuplicateCase
from .records import RevisionKind, StoredCase
from .tables import AuditRow, CaseRow, CaseSectionRow, CaseTermRow, RevisionRow, _utcnow

if TYPE_CHECKING:
    from .store import Store


def register_columns(case: Case) -> tuple[dict[str, Any], CaseFacts]:
    """The register's columns of a case's row (from ``case_facts``), and the facts."""
    facts = case_facts(case)
    columns = {
        "due_date": facts.due,
        "due_working_day": working_day_ordinal_or_none(facts.due),
        "response_date": facts.response_date,
        "processed": facts.processed,
        "category": facts.category.value if facts.category else None,
        "in_time": facts.in_time,
        "extended": facts.extended,
    }
    return columns, facts


def section_rows(case_id: str, facts: CaseFacts) -> list[dict[str, str]]:
    """The ``case_sections`` rows of a case: one per section it relies on."""
    return [{"case_id": case_id, "section": section} for section in facts.sections]


def term_rows(
    case_id: str, row: Mapping[str, Any], document: dict[str, Any]
) -> list[dict[str, Any]]:
    """The ``case_terms`` rows of a case: one per search term of its stored document
    (``foi_core.precedents.precedent_terms`` of the digest ``Store.case_digests`` reads), each
    with whether the case is finished and when it was received; ``row`` gives the case row's
    title, kind, status and received."""
    from foi_core.precedents import FINISHED, precedent_terms  # loads the knowledge

    digest = {
        "title": row["title"],
        "kind": row["kind"],
        "request": document.get("request"),
        "claims": document.get("claims"),
        "training": document.get("training"),
    }
    finished, received = row["status"] in FINISHED, row["received"]
    return [
        {"case_id": case_id, "term": term, "finished": finished, "received": received}
        for term in sorted(precedent_terms(digest))
    ]


def case_term_rows(row: CaseRow) -> list[dict[str, Any]]:
    """``term_rows`` of a filled case row."""
    columns = {"title": row.title, "kind": row.kind, "status": row.status}
    return term_rows(row.id, {**columns, "received": row.received}, row.document)


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
    def _write_sections(session: Session, case_id: str, facts: CaseFacts) -> None:
        """Replace the case's ``case_sections`` rows with the sections it relies on now."""
        session.execute(delete(CaseSectionRow).where(CaseSectionRow.case_id == case_id))
        if facts.sections:
            session.execute(insert(CaseSectionRow), section_rows(case_id, facts))

    @staticmethod
    def _write_terms(session: Session, row: CaseRow) -> None:
        """Replace the case's ``case_terms`` rows with the search terms of its document now."""
        session.execute(delete(CaseTermRow).where(CaseTermRow.case_id == row.id))
        terms = case_term_rows(row)
        if terms:
            session.execute(insert(CaseTermRow), terms)

    @staticmethod
    def _fill_row(
        row: CaseRow, case: Case, document: dict[str, Any], actor: str, at: dt.datetime
    ) -> CaseFacts:
        """Fill the row's columns from ``case`` (the register's from ``case_facts``); returns
        the facts, whose sections go in ``case_sections`` (``_write_sections``)."""
        columns, facts = register_columns(case)
        row.ref = case.request.our_ref
        row.title = case.title
        row.status = case.status.value
        row.kind = case.kind.value
        row.assigned_to = case.assigned_to or None
        row.linked_case = case.linked_case
        row.received = case.request.received
        for name, value in columns.items():
            setattr(row, name, value)
        from foi_core.disclosure.log import is_published

        row.published = is_published(case)
        row.updated_at = at
        row.updated_by = actor[:200]
        row.schema_version = case.schema_version
        row.document = document
        return facts

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
        facts = self._fill_row(row, case, document, actor, at)
        session.flush()  # the versioned UPDATE: WHERE version = the version read
        self._write_sections(session, row.id, facts)
        self._write_terms(session, row)
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
        facts = self._fill_row(row, case, document, actor, at)
        session.add(row)
        session.flush()
        self._write_sections(session, row.id, facts)
        self._write_terms(session, row)
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
