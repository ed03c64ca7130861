"""The case store: SQLAlchemy tables, revisions, an append-only audit log, optimistic locking.

Modules: ``errors`` (plain-English exceptions), ``tables`` (ORM rows), ``records`` (what the
store hands back), ``documents`` (schema upgrades and field diffs), ``engine`` (engines and
Alembic migrations) and ``store`` (the ``Store`` itself), whose parts are ``writing``
(revisions and audit events), ``reading``, ``importing`` (case files, demo cases), ``profile``,
``issued`` (issued letters), ``people`` and ``training`` (training sessions, submissions and
trainers' scenarios).

Usage::

    store = Store()                       # FOI_DATABASE_URL, or data/foi.db
    version = store.add(case, actor="a.officer")
    stored = store.load(case.id)          # stored.case, stored.version, stored.updated_at
    store.save(edited, expected_version=stored.version, actor="a.officer")
"""

from .documents import (
    DOCUMENT_UPGRADES,
    describe_changes,
    diff_documents,
    dump_case,
    parse_stored_case,
    upgrade_document,
)
from .engine import (
    MIGRATIONS_DIR,
    _migrated_urls,
    alembic_config,
    create_store_engine,
    upgrade_to_head,
)
from .errors import (
    CaseImportError,
    CaseLocked,
    CaseNotFound,
    DuplicateCase,
    StaleCase,
    StorageError,
)
from .issued import IssuedFiles, IssuedLetterRecord
from .records import (
    AuditEvent,
    CaseSummary,
    Revision,
    RevisionInfo,
    RevisionKind,
    StoredCase,
)
from .store import Store
from .tables import (
    PROFILE_ROW_ID,
    AuditRow,
    Base,
    CaseRow,
    IssuedLetterRow,
    JSONDocument,
    ProfileRow,
    RevisionRow,
    TrainerScenarioRow,
    TrainingSessionRow,
    TrainingSubmissionRow,
    UTCDateTime,
)

__all__ = [
    "DOCUMENT_UPGRADES",
    "MIGRATIONS_DIR",
    "PROFILE_ROW_ID",
    "AuditEvent",
    "AuditRow",
    "Base",
    "CaseImportError",
    "CaseLocked",
    "CaseNotFound",
    "CaseRow",
    "CaseSummary",
    "DuplicateCase",
    "IssuedFiles",
    "IssuedLetterRecord",
    "IssuedLetterRow",
    "JSONDocument",
    "ProfileRow",
    "Revision",
    "RevisionInfo",
    "RevisionKind",
    "RevisionRow",
    "StaleCase",
    "StorageError",
    "Store",
    "StoredCase",
    "TrainerScenarioRow",
    "TrainingSessionRow",
    "TrainingSubmissionRow",
    "UTCDateTime",
    "_migrated_urls",
    "alembic_config",
    "create_store_engine",
    "describe_changes",
    "diff_documents",
    "dump_case",
    "parse_stored_case",
    "upgrade_document",
    "upgrade_to_head",
]
