"""A team: people and their roles, a case's kind, link and assigned officer, and issued letters
kept exactly (the .docx, the PDF and the reasoning as it stood).

Case documents of format 4 add a kind, a linked case, an assigned officer, life events and an
internal review or ICO complaint record; every new field has a default, so format-3 documents
read unchanged and upgrading rewrites nothing. Downgrading turns format-4 documents back into
format 3 by dropping those fields (their contents are lost; submitted, returned and approved
cases become drafts) and drops the new tables and columns.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
UTC_TIMESTAMP = sa.DateTime(timezone=True)
CASES = sa.table(
    "cases",
    sa.column("id", sa.String),
    sa.column("status", sa.String),
    sa.column("schema_version", sa.Integer),
    sa.column("document", JSON_DOCUMENT),
)
REVISIONS = sa.table(
    "case_revisions", sa.column("id", sa.Integer), sa.column("document", JSON_DOCUMENT)
)
NEW_CASE_FIELDS = ("kind", "linked_case", "assigned_to", "life", "review", "ico")
NEW_STATUSES = {"submitted": "draft", "returned": "draft", "approved": "draft"}
# Columns naming a person hold a mailbox ("Name <email>") from now on.
# (``cases.updated_by`` keeps 200 characters: rebuilding that table on SQLite would break the
# foreign keys to it; the store shortens a long mailbox there, and keeps it whole elsewhere.)
ACTOR_COLUMNS = (
    ("case_revisions", "saved_by"),
    ("audit_events", "actor"),
    ("issued_letters", "issued_by"),
    ("organisation_profile", "updated_by"),
)


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("name", sa.String(200), nullable=False, server_default=""),
        sa.Column("first_seen", UTC_TIMESTAMP, nullable=False),
        sa.Column("last_seen", UTC_TIMESTAMP, nullable=True),  # None until they first sign in
        sa.PrimaryKeyConstraint("email", name="pk_people"),
    )
    op.create_table(
        "person_roles",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("granted_by", sa.String(400), nullable=False, server_default=""),
        sa.Column("granted_at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person_roles"),
        sa.ForeignKeyConstraint(["email"], ["people.email"], name="fk_person_roles_email_people"),
        sa.UniqueConstraint("email", "role", name="uq_person_roles_email_role"),
    )
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="request"))
        batch.add_column(sa.Column("assigned_to", sa.String(400), nullable=True))
        batch.add_column(sa.Column("linked_case", sa.String(64), nullable=True))
    op.create_index("ix_cases_kind", "cases", ["kind"])
    op.create_index("ix_cases_assigned_to", "cases", ["assigned_to"])
    op.create_index("ix_cases_linked_case", "cases", ["linked_case"])
    op.add_column("issued_letters", sa.Column("docx", sa.LargeBinary, nullable=True))
    op.add_column("issued_letters", sa.Column("pdf", sa.LargeBinary, nullable=True))
    op.add_column("issued_letters", sa.Column("pdf_sha256", sa.String(64), nullable=True))
    op.add_column("issued_letters", sa.Column("reasoning", JSON_DOCUMENT, nullable=True))
    _resize_actor_columns(400, 200)


def _resize_actor_columns(new: int, old: int) -> None:
    """Columns naming a person resized; on SQLite a batch rebuilds each table, which drops its
    triggers, so the append-only triggers are made again afterwards."""
    triggers = [
        _revision("0001_initial_schema.py"),  # audit events
        _revision("0002_issued_letters_append_only.py"),  # revisions and issued letters
    ]
    for module in triggers:
        module._drop_append_only_triggers()
    for table, column in ACTOR_COLUMNS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.String(new), existing_type=sa.String(old))
    for module in triggers:
        module._create_append_only_triggers()


def downgrade() -> None:
    _resize_actor_columns(200, 400)
    previous = _revision("0002_issued_letters_append_only.py")
    previous._drop_append_only_triggers()
    bind = op.get_bind()
    for row_id, document in bind.execute(sa.select(CASES.c.id, CASES.c.document)).all():
        if (old := _as_format_3(document)) is not None:
            bind.execute(
                CASES.update()
                .where(CASES.c.id == row_id)
                .values(document=old, schema_version=3, status=old["status"])
            )
    for row_id, document in bind.execute(sa.select(REVISIONS.c.id, REVISIONS.c.document)).all():
        if (old := _as_format_3(document)) is not None:
            bind.execute(REVISIONS.update().where(REVISIONS.c.id == row_id).values(document=old))
    for name in ("docx", "pdf", "pdf_sha256", "reasoning"):
        op.execute(f"ALTER TABLE issued_letters DROP COLUMN {name}")
    op.drop_index("ix_cases_linked_case", "cases")
    op.drop_index("ix_cases_assigned_to", "cases")
    op.drop_index("ix_cases_kind", "cases")
    for name in ("linked_case", "assigned_to", "kind"):
        # A plain DROP COLUMN: rebuilding the table (a batch) would break the revisions' and
        # audit events' foreign keys to it on SQLite.
        op.execute(f"ALTER TABLE cases DROP COLUMN {name}")
    op.drop_table("person_roles")
    op.drop_table("people")
    previous._create_append_only_triggers()


def _as_format_3(document: dict[str, Any]) -> dict[str, Any] | None:
    """The format-3 form of a format-4 document (None for any other document)."""
    if not isinstance(document, dict) or document.get("schema_version") != 4:
        return None
    for name in NEW_CASE_FIELDS:
        document.pop(name, None)
    document["status"] = NEW_STATUSES.get(document.get("status", "draft"), document.get("status"))
    document["schema_version"] = 3
    return document


def _revision(filename: str) -> Any:
    """An earlier revision's module, whose trigger helpers this downgrade reuses."""
    path = Path(__file__).with_name(filename)
    spec = importlib.util.spec_from_file_location(f"foi_migration_{filename[:4]}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
