"""Issued letters in their own table; case revisions and issued letters append-only.

Each issued letter's render context (55 KiB, requester included) used to be embedded in the case
document, so every later revision carried it. It now lives once in ``issued_letters``; the case
keeps the letter's metadata and ``record_id``. Upgrading moves embedded contexts out of stored
cases and revisions (documents become schema version 2) before the triggers that make
``case_revisions`` and ``issued_letters`` append-only are created.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the column types as they were at this revision.
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
UTC_TIMESTAMP = sa.DateTime(timezone=True)
APPEND_ONLY = {
    "case_revisions": "case revisions are append-only: they cannot be changed or deleted",
    "issued_letters": "issued letters are append-only: they cannot be changed or deleted",
}

CASES = sa.table(
    "cases",
    sa.column("id", sa.String),
    sa.column("schema_version", sa.Integer),
    sa.column("document", JSON_DOCUMENT),
)
REVISIONS = sa.table(
    "case_revisions",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.String),
    sa.column("document", JSON_DOCUMENT),
)
LETTERS = sa.Table(
    "issued_letters",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("case_id", sa.String),
    sa.Column("kind", sa.String),
    sa.Column("issued_at", UTC_TIMESTAMP),
    sa.Column("issued_by", sa.String),
    sa.Column("template_name", sa.Text),
    sa.Column("template_sha256", sa.String),
    sa.Column("document_sha256", sa.String),
    sa.Column("draft", sa.Boolean),
    sa.Column("context", JSON_DOCUMENT),
)


def upgrade() -> None:
    op.create_table(
        "issued_letters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("issued_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("issued_by", sa.String(length=200), nullable=False),
        sa.Column("template_name", sa.Text(), nullable=False),
        sa.Column("template_sha256", sa.String(length=64), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column("draft", sa.Boolean(), nullable=False),
        sa.Column("context", JSON_DOCUMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_issued_letters_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_letters")),
    )
    with op.batch_alter_table("issued_letters") as batch_op:
        batch_op.create_index(batch_op.f("ix_issued_letters_case_id"), ["case_id"], unique=False)
    _move_contexts_out()
    _create_append_only_triggers()


def downgrade() -> None:
    _drop_append_only_triggers()
    _move_contexts_back()
    with op.batch_alter_table("issued_letters") as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_letters_case_id"))
    op.drop_table("issued_letters")


# --- Moving contexts ------------------------------------------------------------------------------


def _timestamp(value: Any) -> dt.datetime:
    """A stored ISO timestamp as the column wants it (naive UTC on SQLite)."""
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        moment = dt.datetime(1970, 1, 1)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    moment = moment.astimezone(dt.UTC)
    return moment.replace(tzinfo=None) if op.get_bind().dialect.name == "sqlite" else moment


def _documents(table: sa.TableClause, word: str | None = None) -> list[tuple[Any, ...]]:
    """(id, case id, document) of the rows (only those whose document text has ``word``)."""
    case_id = table.c.case_id if "case_id" in table.c else table.c.id
    query = sa.select(table.c.id, case_id, table.c.document)
    if word is not None:
        query = query.where(sa.cast(table.c.document, sa.Text).like(f'%"{word}"%'))
    return list(op.get_bind().execute(query).all())


def _move_contexts_out() -> None:
    """Store each embedded context once (per case, document hash and time) and link it."""
    bind = op.get_bind()
    stored: dict[tuple[str, str, str], int] = {}

    def strip(case_id: str, document: dict[str, Any]) -> dict[str, Any] | None:
        letters = document.get("issued_letters")
        if not isinstance(letters, list):
            return None
        changed = False
        for letter in letters:
            if not isinstance(letter, dict) or "context" not in letter:
                continue
            context = letter.pop("context")
            key = (case_id, str(letter.get("document_sha256")), str(letter.get("issued_at")))
            if key not in stored:
                result = bind.execute(
                    LETTERS.insert().values(
                        case_id=case_id,
                        kind=str(letter.get("kind", "response")),
                        issued_at=_timestamp(letter.get("issued_at")),
                        issued_by="",
                        template_name=str(letter.get("template_name", "")),
                        template_sha256=str(letter.get("template_sha256", "")),
                        document_sha256=str(letter.get("document_sha256", "")),
                        draft=bool(letter.get("draft", False)),
                        context=context if isinstance(context, dict) else {},
                    )
                )
                stored[key] = result.inserted_primary_key[0]
            letter["record_id"] = stored[key]
            changed = True
        if not changed:
            return None
        document["schema_version"] = 2
        return document

    for case_id, _same, document in _documents(CASES, "context"):
        if (new := strip(case_id, document)) is not None:
            bind.execute(
                CASES.update().where(CASES.c.id == case_id).values(document=new, schema_version=2)
            )
    for row_id, case_id, document in _documents(REVISIONS, "context"):
        if (new := strip(case_id, document)) is not None:
            bind.execute(REVISIONS.update().where(REVISIONS.c.id == row_id).values(document=new))


def _move_contexts_back() -> None:
    """Put each context back into the letters that name its row; every schema-2 document
    becomes schema 1 (the only difference: where letters' contexts live)."""
    bind = op.get_bind()
    contexts = dict(bind.execute(sa.select(LETTERS.c.id, LETTERS.c.context)).all())

    def embed(document: dict[str, Any]) -> dict[str, Any] | None:
        if document.get("schema_version") != 2:
            return None
        letters = document.get("issued_letters")
        for letter in letters if isinstance(letters, list) else []:
            if isinstance(letter, dict):
                record_id = letter.pop("record_id", None)
                letter.pop("issued_by", None)
                letter["context"] = contexts.get(record_id, {})
        document.pop("export", None)
        document["schema_version"] = 1
        return document

    for case_id, _same, document in _documents(CASES):
        if (old := embed(document)) is not None:
            bind.execute(
                CASES.update().where(CASES.c.id == case_id).values(document=old, schema_version=1)
            )
    for row_id, _case_id, document in _documents(REVISIONS):
        if (old := embed(document)) is not None:
            bind.execute(REVISIONS.update().where(REVISIONS.c.id == row_id).values(document=old))


# --- Append-only triggers -------------------------------------------------------------------------


def _create_append_only_triggers() -> None:
    """Refuse UPDATE and DELETE on case_revisions and issued_letters in the database itself."""
    dialect = op.get_bind().dialect.name
    for table, message in APPEND_ONLY.items():
        if dialect == "sqlite":
            for verb in ("update", "delete"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )
        elif dialect == "postgresql":
            op.execute(
                f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
            )
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
            )


def _drop_append_only_triggers() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")
