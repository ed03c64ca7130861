"""Reading what is stored: cases, summaries for listings, revisions and the audit log (a part of
``Store``, a mixin: each read runs in a session of its own)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, func, select

from foi_core.models import CaseStatus, LifeEventKind
from foi_core.people import drafted_by

from .documents import parse_stored_case
from .errors import CaseNotFound
from .records import _SUMMARY_FIELDS, AuditEvent, CaseSummary, Revision, RevisionInfo, StoredCase
from .tables import AuditRow, CaseRow, RevisionRow

if TYPE_CHECKING:
    from .store import Store


DEMO_ACTOR = "demo"  # the audit actor of a demo case loaded from examples/
DEMO_REMOVED = "demo removed"  # the audit action that hides a demo case from every listing


def _removed_demos() -> Select[tuple[str | None]]:
    """The ids of demo cases removed for a live install (their audit "demo removed" events)."""
    return select(AuditRow.case_id).where(
        AuditRow.action == DEMO_REMOVED, AuditRow.case_id.is_not(None)
    )


def shown(case_id: ColumnElement[Any]) -> ColumnElement[bool]:
    """A WHERE clause leaving out removed demo cases (append-only, so hidden, not deleted);
    every listing and count uses it: ``select(...).where(shown(CaseRow.id))``."""
    return case_id.not_in(_removed_demos())


def _stored(row: CaseRow) -> StoredCase:
    case = parse_stored_case(row.document, f"case {row.id}")
    return StoredCase(
        case=case, version=row.version, updated_at=row.updated_at, updated_by=row.updated_by
    )


class Reading:
    """The Store's reads (a mixin of ``Store``)."""

    def load(self: Store, case_id: str) -> StoredCase:
        """The stored case with this id; CaseNotFound if there is none."""
        with self._reading() as session:
            row = session.get(CaseRow, case_id)
            if row is None:
                raise CaseNotFound(f"There is no case with id {case_id}.")
            return _stored(row)

    def find_by_ref(self: Store, ref: str) -> StoredCase | None:
        """The stored case with this reference (our_ref), or None."""
        with self._reading() as session:
            row = session.scalar(select(CaseRow).where(CaseRow.ref == ref.strip()))
            return None if row is None else _stored(row)

    def list_cases(self: Store, status: CaseStatus | str | None = None) -> list[CaseSummary]:
        """Summaries of the stored cases, most recently updated first (documents not parsed);
        removed demo cases are left out."""
        table = CaseRow.__table__
        query = (
            select(*(table.c[name] for name in _SUMMARY_FIELDS))
            .where(shown(table.c.id))
            .order_by(table.c.updated_at.desc(), table.c.ref)
        )
        if status is not None:
            query = query.where(table.c.status == CaseStatus(status).value)
        with self._reading() as session:
            rows = session.connection().execute(query).all()
        validate = CaseSummary.model_validate
        return [validate(dict(zip(_SUMMARY_FIELDS, row, strict=True))) for row in rows]

    def count(self: Store) -> int:
        """How many cases are stored (removed demo cases left out)."""
        query = select(func.count()).select_from(CaseRow).where(shown(CaseRow.id))
        with self._reading() as session:
            return session.scalar(query) or 0

    def fingerprint(self: Store) -> tuple[int, str]:
        """(how many cases, the latest change): changes whenever any case is added or saved, so
        a page can cache what it read from every case against it."""
        # Two queries: each alone is an index look-up (together they scan every row's index
        # entry, 40 ms at 100,000 cases on SQLite).
        with self._reading() as session:
            count = session.scalar(select(func.count()).select_from(CaseRow))
            latest = session.scalar(select(func.max(CaseRow.updated_at)))
        return int(count or 0), str(latest or "")

    def demo_case_ids(self: Store) -> set[str]:
        """The ids of the demo cases still shown (loaded from examples/, not removed), read from
        the audit log without parsing any case document."""
        query = select(AuditRow.case_id).where(
            AuditRow.actor == DEMO_ACTOR,
            AuditRow.action == "created",
            AuditRow.case_id.is_not(None),
            shown(AuditRow.case_id),
        )
        with self._reading() as session:
            return {case_id for case_id in session.scalars(query) if case_id}

    def revisions(self: Store, case_id: str) -> list[Revision]:
        """Every revision of a case, oldest first (empty if the case does not exist)."""
        query = (
            select(RevisionRow).where(RevisionRow.case_id == case_id).order_by(RevisionRow.number)
        )
        with self._reading() as session:
            rows = session.scalars(query).all()
        return [Revision.model_validate(row, from_attributes=True) for row in rows]

    def revision_log(self: Store, case_id: str) -> list[RevisionInfo]:
        """Every revision of a case without its document, oldest first (for listings)."""
        columns = [RevisionRow.__table__.c[name] for name in RevisionInfo.model_fields]
        query = select(*columns).where(RevisionRow.case_id == case_id).order_by(RevisionRow.number)
        with self._reading() as session:
            rows = session.connection().execute(query).mappings().all()
        return [RevisionInfo.model_validate(dict(row)) for row in rows]

    def revision(self: Store, case_id: str, number: int) -> Revision:
        """Revision ``number`` of a case; CaseNotFound if the case has no such revision."""
        query = select(RevisionRow).where(
            RevisionRow.case_id == case_id, RevisionRow.number == number
        )
        with self._reading() as session:
            row = session.scalar(query)
            if row is None:
                raise CaseNotFound(f"Case {case_id} has no revision {number}.")
            return Revision.model_validate(row, from_attributes=True)

    def saved_revision(self: Store, case_id: str, version: int) -> Revision | None:
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

    def audit(self: Store, case_id: str | None = None) -> list[AuditEvent]:
        """Audit events of one case (or of everything when ``case_id`` is None), oldest first."""
        query = select(AuditRow).order_by(AuditRow.at, AuditRow.id)
        if case_id is not None:
            query = query.where(AuditRow.case_id == case_id)
        with self._reading() as session:
            rows = session.scalars(query).all()
        return [AuditEvent.model_validate(row, from_attributes=True) for row in rows]

    def drafters(self: Store, case_id: str) -> set[str]:
        """The mailboxes of everyone who drafted or edited the case (from its audit log; life
        steps such as approving or assigning do not count)."""
        query = select(AuditRow.actor, AuditRow.action).where(AuditRow.case_id == case_id)
        with self._reading() as session:
            rows = session.execute(query).all()
        return drafted_by((actor, action) for actor, action in rows)

    def involved(self: Store, case_id: str) -> set[str]:
        """Everyone who drafted, edited or approved the case (a reviewer must be none of them)."""
        case = self.load(case_id).case
        approved = {e.by for e in case.life if e.kind is LifeEventKind.APPROVED and e.by}
        return self.drafters(case_id) | approved

    def case_digests(self: Store, ids: Collection[str] | None = None) -> list[dict[str, object]]:
        """What a precedent search reads of every case shown (removed demo cases left out), or
        of those with ``ids``, in one query, without parsing or upgrading any document: id, ref,
        title, status, kind, received, and from the document the request (text, items), the
        claims, the response date and the training flag."""
        document = CaseRow.document
        columns = {
            "id": CaseRow.id,
            "ref": CaseRow.ref,
            "title": CaseRow.title,
            "status": CaseRow.status,
            "kind": CaseRow.kind,
            "received": CaseRow.received,
            "request": document["request"],
            "claims": document["claims"],
            "response_date": document["response_date"],
            "training": document["training"],
        }
        query = select(*columns.values()).where(shown(CaseRow.id))
        if ids is not None:
            query = query.where(CaseRow.id.in_(list(ids)))
        with self._reading() as session:
            rows = session.execute(query).all()
        return [dict(zip(columns, row, strict=True)) for row in rows]
