"""The disclosure log: an indexed ``published`` column on ``cases`` (an issued request marked
"publish", ``foi_core.disclosure.is_published``, written at every save). Upgrading fills it
from the stored documents, in batches (a document that cannot be read stays unpublished);
downgrading drops it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 500
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
CASES = sa.table(
    "cases",
    sa.column("id", sa.String),
    sa.column("document", JSON_DOCUMENT),
    sa.column("published", sa.Boolean),
)
log = logging.getLogger("alembic.runtime.migration")


def upgrade() -> None:
    op.add_column(
        "cases", sa.Column("published", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.create_index("ix_cases_published", "cases", ["published"])
    _backfill()


def _backfill() -> None:
    """Mark the stored cases already in the log, BATCH documents at a time."""
    from foi_core.disclosure.log import is_published
    from foi_core.storage.documents import parse_stored_case
    from foi_core.storage.errors import StorageError

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
        for case_id, document in rows:
            if not isinstance(document, dict) or "disclosure" not in document:
                continue
            try:
                case = parse_stored_case(document, f"case {case_id}")
            except StorageError as error:
                log.warning("Disclosure log column left empty: %s", error)
                continue
            if is_published(case):
                bind.execute(CASES.update().where(CASES.c.id == case_id).values(published=True))
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_cases_published", "cases")
    # A plain DROP COLUMN: rebuilding the table (a batch) would break foreign keys on SQLite.
    op.execute("ALTER TABLE cases DROP COLUMN published")
