"""What the store hands back: frozen pydantic records, apart from the ORM rows."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from foi_core.models import Case, CaseStatus

from .documents import parse_stored_case


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
    assigned_to: str | None = None  # the assigned officer's mailbox


_SUMMARY_FIELDS = tuple(CaseSummary.model_fields)

RevisionKind = Literal["saved", "conflict"]


class RevisionInfo(_Record):
    """A revision without its document, for listing a case's history."""

    case_id: str
    number: int
    version: int
    kind: RevisionKind
    saved_at: dt.datetime
    saved_by: str
    summary: str


class Revision(RevisionInfo):
    """A stored copy of a case document; ``number`` counts 1, 2, 3 ... per case."""

    document: dict[str, Any]

    @property
    def case(self) -> Case:
        """The revision's document as a Case."""
        return parse_stored_case(self.document, f"revision {self.number} of case {self.case_id}")


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
