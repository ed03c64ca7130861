"""Training: sessions, trainees' submitted attempts and trainers' own scenarios.

``training_sessions`` holds a session a trainer runs (its unique join code, the scenarios it
sets, whether the model answers are released); ``training_submissions`` every "Submit for
feedback" (append-only: database triggers refuse UPDATE and DELETE); ``trainer_scenarios`` the
scenarios trainers wrote in the app. A trainee's attempt itself is an ordinary case of kind
"training" (case documents are unchanged: ``Case.training`` has a default). Downgrading drops
the three tables.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
UTC_TIMESTAMP = sa.DateTime(timezone=True)
SUBMISSIONS = "training_submissions"
MESSAGE = "training submissions are append-only: they cannot be changed or deleted"


def upgrade() -> None:
    op.create_table(
        "training_sessions",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("trainer", sa.String(400), nullable=False),
        sa.Column("scenario_ids", JSON_DOCUMENT, nullable=False),
        sa.Column("models_released", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("closed_at", UTC_TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_training_sessions"),
    )
    op.create_index("ix_training_sessions_code", "training_sessions", ["code"], unique=True)
    op.create_table(
        SUBMISSIONS,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("session_id", sa.String(64), nullable=True),
        sa.Column("scenario_id", sa.String(100), nullable=False),
        sa.Column("trainee", sa.String(400), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("submitted_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("mistakes", JSON_DOCUMENT, nullable=False),
        sa.Column("document", JSON_DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_training_submissions"),
    )
    for column in ("case_id", "session_id", "trainee"):
        op.create_index(f"ix_{SUBMISSIONS}_{column}", SUBMISSIONS, [column])
    op.create_table(
        "trainer_scenarios",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("document", JSON_DOCUMENT, nullable=False),
        sa.Column("created_by", sa.String(400), nullable=False),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("updated_at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_trainer_scenarios"),
    )
    _create_append_only_triggers()


def downgrade() -> None:
    _drop_append_only_triggers()
    op.drop_table("trainer_scenarios")
    for column in ("trainee", "session_id", "case_id"):
        op.drop_index(f"ix_{SUBMISSIONS}_{column}", SUBMISSIONS)
    op.drop_table(SUBMISSIONS)
    op.drop_index("ix_training_sessions_code", "training_sessions")
    op.drop_table("training_sessions")


def _create_append_only_triggers() -> None:
    """Refuse UPDATE and DELETE on training_submissions in the database itself."""
    _append_only_helpers()._create_append_only_triggers()


def _drop_append_only_triggers() -> None:
    _append_only_helpers()._drop_append_only_triggers()


def _append_only_helpers() -> Any:
    """Revision 0002's trigger helpers (a fresh copy of that module), set to this table."""
    path = Path(__file__).with_name("0002_issued_letters_append_only.py")
    spec = importlib.util.spec_from_file_location("foi_migration_0002_for_0005", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.APPEND_ONLY = {SUBMISSIONS: MESSAGE}
    return module
