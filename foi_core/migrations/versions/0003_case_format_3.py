"""Case documents of format 3: claims with further limbs, records and a s22 publication plan;
items with the requester's label, another holder, a transfer date and a discretionary disclosure.

No table changes. Stored format-2 documents read unchanged (every new field has a default, and
``foi_core.storage.documents`` upgrades them on read), so upgrading rewrites nothing.
Downgrading turns format-3 documents back into format 2 by dropping the new fields, so that
0002's downgrade (which reads format 2) can run after it; the new fields' contents are lost.

Revision ID: 0003
Revises: 0002
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

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
CASES = sa.table(
    "cases",
    sa.column("id", sa.String),
    sa.column("schema_version", sa.Integer),
    sa.column("document", JSON_DOCUMENT),
)
REVISIONS = sa.table(
    "case_revisions", sa.column("id", sa.Integer), sa.column("document", JSON_DOCUMENT)
)
NEW_CLAIM_FIELDS = ("further_limbs", "publication", "records")
NEW_ITEM_FIELDS = ("label", "held_by", "transferred_on", "discretionary")


def upgrade() -> None:
    """Nothing to rewrite: format-2 documents are read as format 3."""


def downgrade() -> None:
    previous = _revision_0002()
    previous._drop_append_only_triggers()
    bind = op.get_bind()
    for row_id, document in bind.execute(sa.select(CASES.c.id, CASES.c.document)).all():
        if (old := _as_format_2(document)) is not None:
            bind.execute(
                CASES.update().where(CASES.c.id == row_id).values(document=old, schema_version=2)
            )
    for row_id, document in bind.execute(sa.select(REVISIONS.c.id, REVISIONS.c.document)).all():
        if (old := _as_format_2(document)) is not None:
            bind.execute(REVISIONS.update().where(REVISIONS.c.id == row_id).values(document=old))
    previous._create_append_only_triggers()


def _as_format_2(document: dict[str, Any]) -> dict[str, Any] | None:
    """The format-2 form of a format-3 document (None for any other document)."""
    if not isinstance(document, dict) or document.get("schema_version") != 3:
        return None
    for claim in document.get("claims") or []:
        for name in NEW_CLAIM_FIELDS:
            claim.pop(name, None)
    for item in (document.get("request") or {}).get("items") or []:
        for name in NEW_ITEM_FIELDS:
            item.pop(name, None)
    document["schema_version"] = 2
    return document


def _revision_0002() -> Any:
    """Revision 0002's module, whose trigger helpers this downgrade reuses."""
    path = Path(__file__).with_name("0002_issued_letters_append_only.py")
    spec = importlib.util.spec_from_file_location("foi_migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
