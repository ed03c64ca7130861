"""The register: the columns the Cases page filters, sorts and counts on, and statistics read.

Adds to ``cases`` the register's columns (``foi_core.register.case_facts``, written at every
save): ``due_working_day`` (the due date as a working-day ordinal, so working days left is a
subtraction in SQL), ``response_date``, ``processed``, ``category``, ``in_time`` and
``extended``, each indexed, an index on ``received`` and two covering indexes (the register's
counts, and its pages by due date); and a table ``case_sections`` (one row
per section a case relies on), and an index on the audit log's action and actor (the register
reads the removed demo cases by it, the Cases page the demo cases). Upgrading fills them from
the stored documents, in batches; a document that cannot be read keeps the defaults (it is
reported when the case is opened) and the due date of a request with a public interest
extension becomes the extension's date. Downgrading drops them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 500
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
INDEXED_COLUMNS = (
    ("due_working_day", sa.Integer(), True),
    ("response_date", sa.Date(), True),
    ("processed", sa.Boolean(), False),
    ("category", sa.String(20), True),
    ("in_time", sa.Boolean(), False),
    ("extended", sa.Boolean(), False),
)
# Covering indexes: the register's counts, and its pages soonest due first.
COVERING = (("status", "kind", "due_date", "due_working_day"), ("kind", "due_date", "ref", "id"))
CASES = sa.table(
    "cases",
    sa.column("id", sa.String),
    sa.column("document", JSON_DOCUMENT),
    sa.column("due_date", sa.Date),
    *(sa.column(name, kind) for name, kind, _ in INDEXED_COLUMNS),
)
SECTIONS = sa.table("case_sections", sa.column("case_id", sa.String), sa.column("section"))
log = logging.getLogger("alembic.runtime.migration")


def upgrade() -> None:
    for name, kind, nullable in INDEXED_COLUMNS:
        default = None if nullable else sa.false()
        op.add_column("cases", sa.Column(name, kind, nullable=nullable, server_default=default))
        op.create_index(f"ix_cases_{name}", "cases", [name])
    op.create_index("ix_cases_received", "cases", ["received"])
    for columns in COVERING:
        op.create_index(f"ix_cases_{'_'.join(columns)}", "cases", list(columns))
    op.create_table(
        "case_sections",
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("section", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("case_id", "section", name="pk_case_sections"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_sections_case_id_cases"),
    )
    op.create_index("ix_case_sections_section", "case_sections", ["section"])
    op.create_index("ix_audit_events_action_actor", "audit_events", ["action", "actor"])
    _backfill()


def _backfill() -> None:
    """Fill the new columns and ``case_sections`` from every stored document, BATCH at a time."""
    from foi_core.storage.documents import parse_stored_case
    from foi_core.storage.errors import StorageError
    from foi_core.storage.writing import register_columns, section_rows

    bind = op.get_bind()
    last = ""
    while True:
        query = (
            sa.select(CASES.c.id, CASES.c.document)
            .where(CASES.c.id > last)
            .order_by(CASES.c.id)
            .limit(BATCH)
        )
        rows = bind.execute(query).all()
        if not rows:
            return
        sections: list[dict[str, str]] = []
        for case_id, document in rows:
            try:
                case = parse_stored_case(document, f"case {case_id}")
            except StorageError as error:
                log.warning("Register columns left empty: %s", error)
                continue
            columns, facts = register_columns(case)
            bind.execute(CASES.update().where(CASES.c.id == case_id).values(**columns))
            sections += section_rows(case_id, facts)
        if sections:
            bind.execute(SECTIONS.insert(), sections)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_audit_events_action_actor", "audit_events")
    op.drop_index("ix_case_sections_section", "case_sections")
    op.drop_table("case_sections")
    for columns in COVERING:
        op.drop_index(f"ix_cases_{'_'.join(columns)}", "cases")
    op.drop_index("ix_cases_received", "cases")
    for name, _, _ in reversed(INDEXED_COLUMNS):
        op.drop_index(f"ix_cases_{name}", "cases")
        # A plain DROP COLUMN: rebuilding the table (a batch) would break the revisions' and
        # audit events' foreign keys to it on SQLite.
        op.execute(f"ALTER TABLE cases DROP COLUMN {name}")
