"""Cases coming in and going out: case files (import, export), the demo cases and bulk adds (a
part of ``Store``, a mixin)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from foi_core.case_files import CaseFileError, read_case_text
from foi_core.models import Case, ExportInfo
from foi_core.personal_data import EXPORT_NOTE_WITH, EXPORT_NOTE_WITHOUT, without_personal_data
from foi_core.settings import get_settings

from .documents import dump_case, parse_stored_case
from .errors import CaseImportError, CaseNotFound, DuplicateCase, StorageError
from .reading import DEMO_ACTOR, DEMO_REMOVED, _stored
from .records import StoredCase
from .tables import AuditRow, CaseRow, CaseSectionRow, CaseTermRow, RevisionRow, _utcnow
from .writing import case_term_rows, section_rows

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger("foi_core.storage")


class CaseFiles:
    """The Store's imports, exports, demo cases and bulk adds (a mixin of ``Store``)."""

    def add_many(self: Store, cases: Iterable[Case], actor: str | None = None) -> int:
        """Store many new cases in one transaction (bulk inserts); returns how many."""
        actor = self._actor(actor)
        at = _utcnow()
        case_rows: list[dict[str, Any]] = []
        revision_rows: list[dict[str, Any]] = []
        audit_rows: list[dict[str, Any]] = []
        sections: list[dict[str, str]] = []
        terms: list[dict[str, Any]] = []
        for case in cases:
            document = dump_case(case)
            row = CaseRow(id=case.id, created_at=at)
            sections += section_rows(case.id, self._fill_row(row, case, document, actor, at))
            terms += case_term_rows(row)
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
                if sections:
                    session.execute(insert(CaseSectionRow), sections)
                if terms:
                    session.execute(insert(CaseTermRow), terms)
        except IntegrityError:
            raise DuplicateCase(
                "Some of these cases clash with stored cases (same id or reference); "
                "nothing was added."
            ) from None
        return len(case_rows)

    @staticmethod
    def parse_case_json(text: str | bytes, source: str = "The case file") -> Case:
        """Read a case file (foi_core.case_files): CaseImportError with one plain line, and
        ``problems`` naming each bad field, when it is not a valid case."""
        try:
            return read_case_text(text, source)
        except CaseFileError as error:
            raise CaseImportError(str(error), error.problems) from None

    def import_case_json(
        self: Store, text: str | bytes, actor: str | None = None, source: str = "The case file"
    ) -> StoredCase:
        """Validate and store a case file; DuplicateCase if its id or reference is taken."""
        actor = self._actor(actor)
        case = self.parse_case_json(text, source)
        case.demo = False  # an imported file is a real case, even one exported from a demo
        summary = f"Imported case {case.request.our_ref} from a JSON file"
        return self._add_new(case, actor, "imported", summary)

    def export_case_json(
        self: Store,
        ref_or_id: str,
        *,
        include_personal_data: bool = False,
        actor: str | None = None,
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

    def load_demo_cases(self: Store, examples_dir: Path | str | None = None) -> int:
        """Load ``examples/*.json`` as demo cases (``Case.demo`` set, audit actor "demo") when
        the store has never held a case; returns how many were loaded.

        Files that fail validation (or clash with each other) are skipped with a logged warning.
        Removed demo cases still count as held, so they do not come back.
        """
        with self._reading() as session:
            if session.scalar(select(func.count()).select_from(CaseRow)):
                return 0
        folder = Path(examples_dir) if examples_dir else get_settings().examples_dir
        loaded = 0
        for path in sorted(folder.glob("*.json")):
            try:
                case = self.parse_case_json(path.read_bytes(), path.name)
                case.demo = True
                with self._writing() as session:
                    self._insert(
                        session, case, DEMO_ACTOR, "created", f"Loaded demo case from {path.name}"
                    )
            except (OSError, StorageError, IntegrityError) as error:
                log.warning("Skipped demo case %s: %s", path.name, error)
                continue
            loaded += 1
        return loaded

    def reset_demo(self: Store, case_id: str, actor: str | None = None) -> StoredCase:
        """Save a demo case again as it was loaded (its first revision, the example file's
        content) as a new revision: the history keeps the attempt. Refuses (CaseNotFound) a case
        that is not a shown demo case. Not guarded like ``save``: an issued demo resets too."""
        actor = self._actor(actor)
        if case_id not in self.demo_case_ids():
            raise CaseNotFound(f"Case {case_id} is not a demo case, so it cannot be reset.")
        with self._writing() as session:
            row = session.get(CaseRow, case_id, with_for_update=True)
            first = session.scalar(
                select(RevisionRow.document).where(
                    RevisionRow.case_id == case_id, RevisionRow.number == 1
                )
            )
            if row is None or first is None:
                raise CaseNotFound(f"There is no demo case with id {case_id}.")
            case = parse_stored_case(first, f"demo case {case_id}").model_copy(
                update={"demo": True}
            )
            version = self._write_version(
                session,
                row,
                case,
                actor=actor,
                action="demo reset",
                summary="Reset the demo case to the example; the earlier attempt stays in the "
                "history",
            )
            return StoredCase(
                case=case, version=version, updated_at=row.updated_at, updated_by=actor
            )

    def hide_demo_cases(self: Store, actor: str | None = None) -> int:
        """Remove the demo cases from every listing and count (revisions are append-only, so
        they are hidden, not deleted), each with an audit event; returns how many."""
        actor = self._actor(actor)
        ids = sorted(self.demo_case_ids())
        at = _utcnow()
        with self._writing() as session:
            for case_id in ids:
                self._write_audit(
                    session,
                    case_id=case_id,
                    at=at,
                    actor=actor,
                    action=DEMO_REMOVED,
                    summary="Demo case removed for a live install: hidden from every list; its "
                    "history is kept",
                    case_version=None,
                    changes=[],
                )
        return len(ids)
