"""The precedent search's terms: a table ``case_terms`` (one row per search term of a case,
``foi_core.precedents.precedent_terms``: word stems, "theme:", "cite:" and "sect:" terms,
written at every save, with whether the case is finished and when it was received), indexed
by term (covering what a search reads). Upgrading fills it from the stored documents, in
batches (as ``Store.case_digests`` reads them: no document is parsed); downgrading drops it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 500
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
CASES = sa.table(
    "cases",
    sa.column("id", sa.String),
    sa.column("title", sa.String),
    sa.column("kind", sa.String),
    sa.column("status", sa.String),
    sa.column("received", sa.Date),
    sa.column("document", JSON_DOCUMENT),
)
TERMS = sa.table(
    "case_terms",
    sa.column("case_id", sa.String),
    sa.column("term", sa.String),
    sa.column("finished", sa.Boolean),
    sa.column("received", sa.Date),
)
COLUMNS = ("title", "kind", "status", "received")  # what term_rows reads of the row
INDEX = ("term", "case_id", "finished", "received")


def upgrade() -> None:
    op.create_table(
        "case_terms",
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("term", sa.String(100), nullable=False),
        sa.Column("finished", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("received", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("case_id", "term", name="pk_case_terms"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_terms_case_id_cases"),
    )
    op.create_index(f"ix_case_terms_{'_'.join(INDEX)}", "case_terms", list(INDEX))
    _backfill()


def _backfill() -> None:
    """Fill ``case_terms`` from every stored document, BATCH at a time."""
    from foi_core.storage.writing import term_rows

    bind = op.get_bind()
    last = ""
    while True:
        query = (
            sa.select(CASES.c.id, CASES.c.document, *(CASES.c[n] for n in COLUMNS))
            .where(CASES.c.id > last)
            .order_by(CASES.c.id)
            .limit(BATCH)
        )
        rows = bind.execute(query).all()
        if not rows:
            return
        terms: list[dict[str, object]] = []
        for case_id, document, *values in rows:
            if isinstance(document, dict):
                terms += term_rows(case_id, dict(zip(COLUMNS, values, strict=True)), document)
        if terms:
            bind.execute(TERMS.insert(), terms)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index(f"ix_case_terms_{'_'.join(INDEX)}", "case_terms")
    op.drop_table("case_terms")
