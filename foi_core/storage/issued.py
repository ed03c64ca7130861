"""Issued letters: each letter's render context stored once, in the append-only ``issued_letters``
table, apart from the case (which keeps the letter's metadata and the row's id, ``record_id``).

``IssuedLetters`` is a part of ``Store`` (a mixin): it uses the store's sessions and its history
writing, so issuing a letter is one transaction like every other write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from foi_core.models import Case, IssuedLetter

from .documents import dump_case
from .errors import CaseNotFound, StaleCase
from .tables import CaseRow, IssuedLetterRow

if TYPE_CHECKING:
    from .store import Store


class IssuedLetterRecord(BaseModel):
    """An issued letter as stored: its metadata and the data it was rendered from."""

    model_config = ConfigDict(frozen=True)

    id: int
    case_id: str
    kind: str
    issued_at: dt.datetime
    issued_by: str
    template_name: str
    template_sha256: str
    document_sha256: str
    draft: bool
    context: dict[str, Any]
    pdf_sha256: str | None = None
    reasoning: dict[str, Any] | None = None


class IssuedFiles(BaseModel):
    """An issued letter's files exactly as issued (``pdf`` is None when LibreOffice was missing
    when it was issued, and for letters issued before the files were kept)."""

    model_config = ConfigDict(frozen=True)

    docx: bytes | None
    pdf: bytes | None
    docx_sha256: str
    pdf_sha256: str | None


def _insert_letter(
    session: Session,
    case_id: str,
    letter: IssuedLetter,
    context: dict[str, Any],
    actor: str,
    files: dict[str, Any] | None = None,
) -> int:
    """Insert an issued letter's row; ``files``: docx, pdf, pdf_sha256 and reasoning."""
    row = IssuedLetterRow(
        **(files or {}),
        case_id=case_id,
        kind=letter.kind,
        issued_at=letter.issued_at,
        issued_by=letter.issued_by or actor,
        template_name=letter.template_name,
        template_sha256=letter.template_sha256,
        document_sha256=letter.document_sha256,
        draft=letter.draft,
        context=context,
    )
    session.add(row)
    session.flush()
    return row.id


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


class IssuedLetters:
    """The Store's issued letters (a mixin of ``Store``)."""

    def issue_letter(
        self: Store,
        case: Case,
        expected_version: int,
        context: dict[str, Any],
        actor: str | None = None,
        summary: str = "",
        *,
        docx: bytes | None = None,
        pdf: bytes | None = None,
        reasoning: dict[str, Any] | None = None,
    ) -> int:
        """Save ``case``, whose last issued letter was just issued, storing that letter's render
        ``context`` once in the issued letters table and linking the letter to its row; one
        transaction. Returns the new version. ``docx`` and ``pdf`` are the letter's files exactly
        as issued and ``reasoning`` the case document as it stood; all are kept in the row.

        Raises StaleCase, issuing nothing, when the case moved on from ``expected_version``
        (the letter was drawn from an older case); ValueError when the case's last letter is not
        a new one.
        """
        actor = self._actor(actor)
        if not case.issued_letters or case.issued_letters[-1].record_id is not None:
            raise ValueError("The case has no newly issued letter to record.")
        letter = case.issued_letters[-1]
        letter = letter.model_copy(
            update={"issued_by": letter.issued_by or actor, "issued_at": _aware(letter.issued_at)}
        )
        try:
            with self._writing() as session:
                row = session.get(CaseRow, case.id, with_for_update=True)
                if row is None:
                    raise CaseNotFound(f"There is no case with id {case.id}; nothing was issued.")
                if row.version == expected_version:
                    self._check_unique(session, case, new=False)
                    files = {
                        "docx": docx,
                        "pdf": pdf,
                        "pdf_sha256": None if pdf is None else hashlib.sha256(pdf).hexdigest(),
                        "reasoning": reasoning,
                    }
                    record_id = _insert_letter(session, case.id, letter, context, actor, files)
                    linked = letter.model_copy(update={"record_id": record_id})
                    letters = [*case.issued_letters[:-1], linked]
                    issued = case.model_copy(update={"issued_letters": letters, "export": None})
                    draft = " (DRAFT)" if letter.draft else ""
                    return self._write_version(
                        session,
                        row,
                        issued,
                        actor=actor,
                        action="letter_issued",
                        summary=summary or f"Letter issued: {letter.kind.replace('_', ' ')}{draft}",
                    )
                changed_by, changed_at, current = row.updated_by, row.updated_at, row.version
        except StaleDataError:
            stored = self.load(case.id)
            changed_by, changed_at, current = stored.updated_by, stored.updated_at, stored.version
        raise StaleCase(
            f"This case was changed by {changed_by} since the letter was drawn, so nothing was "
            "issued; look at the letter again and issue it if it is right.",
            case_id=case.id,
            expected_version=expected_version,
            current_version=current,
            changed_by=changed_by,
            changed_at=changed_at,
            conflict_revision=0,
        )

    def issued_letters(self: Store, case_id: str) -> list[IssuedLetterRecord]:
        """Every issued letter of a case with its render context, oldest first."""
        query = (
            select(IssuedLetterRow)
            .where(IssuedLetterRow.case_id == case_id)
            .order_by(IssuedLetterRow.id)
        )
        with self._reading() as session:
            rows = session.scalars(query).all()
        return [IssuedLetterRecord.model_validate(row, from_attributes=True) for row in rows]

    def issued_letter(self: Store, case_id: str, record_id: int | None) -> IssuedLetterRecord:
        """Issued letter ``record_id`` of a case, with the data it was rendered from (to prove or
        reproduce it); CaseNotFound (a LookupError) when the case has no such letter."""
        with self._reading() as session:
            row = session.get(IssuedLetterRow, record_id) if record_id is not None else None
            if row is None or row.case_id != case_id:
                raise CaseNotFound(
                    f"Case {case_id} has no stored issued letter {record_id}; letters issued "
                    "before it was imported from a file without personal data have none."
                )
            return IssuedLetterRecord.model_validate(row, from_attributes=True)

    def issued_files(self: Store, case_id: str, record_id: int | None) -> IssuedFiles:
        """The .docx and PDF of issued letter ``record_id`` exactly as issued, with their
        SHA-256s (never re-rendered); CaseNotFound when the case has no such letter."""
        with self._reading() as session:
            row = session.get(IssuedLetterRow, record_id) if record_id is not None else None
            if row is None or row.case_id != case_id:
                raise CaseNotFound(f"Case {case_id} has no stored issued letter {record_id}.")
            return IssuedFiles(
                docx=row.docx,
                pdf=row.pdf,
                docx_sha256=row.document_sha256,
                pdf_sha256=row.pdf_sha256,
            )

    # -- helpers for the store's other writes ------------------------------------------------

    @staticmethod
    def _file_letters(
        session: Session, case: Case, document: dict[str, Any], actor: str
    ) -> tuple[Case, dict[str, Any]]:
        """For a case just inserted (imported): store the render contexts its file carried (in
        its export marker, by document SHA-256) once each and link its letters to them. Record
        ids from another database are dropped; the marker itself is never stored."""
        contexts = case.export.letter_contexts if case.export is not None else {}
        letters = []
        for letter in case.issued_letters:
            context = contexts.get(letter.document_sha256)
            record_id = None
            if context:
                record_id = _insert_letter(session, case.id, letter, context, actor)
            letters.append(letter.model_copy(update={"record_id": record_id}))
        filed = case.model_copy(update={"issued_letters": letters, "export": None})
        new_document = dump_case(filed)
        if new_document != document:  # a plain UPDATE: the new case stays at version 1
            session.execute(
                update(CaseRow.__table__)
                .where(CaseRow.__table__.c.id == case.id)
                .values(document=new_document)
            )
        return filed, new_document

    @staticmethod
    def _letter_contexts(session: Session, case: Case) -> dict[str, dict[str, Any]]:
        """The render contexts of a case's issued letters, by document SHA-256 (for export)."""
        ids = [letter.record_id for letter in case.issued_letters if letter.record_id is not None]
        if not ids:
            return {}
        query = select(IssuedLetterRow.document_sha256, IssuedLetterRow.context).where(
            IssuedLetterRow.id.in_(ids), IssuedLetterRow.case_id == case.id
        )
        return {sha: context for sha, context in session.execute(query).all()}
