"""Storage errors: each carries a plain-English message fit to show to the user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from foi_core.models import FieldProblem


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


class DatabaseProblem(StorageError):
    """The database cannot be opened or used: the message names it, says what is wrong and what
    to do (e.g. a read-only file, an unreachable server, a schema from a newer version)."""


class CaseLocked(StorageError):
    """A change to what an issued or closed case says: refused (reopen the case to change it)."""
