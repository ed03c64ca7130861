"""The SQLAlchemy tables: cases, their revisions, the audit log, issued letters and the
organisation profile. Revisions, audit events and issued letters are append-only (database
triggers, see the migrations)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and always read back as an aware UTC datetime."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


JSONDocument = JSON().with_variant(JSONB(), "postgresql")

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- Tables ------------------------------------------------------------------------------------


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CaseRow(Base):
    """One case: the document plus the columns lists filter and sort on."""

    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ref: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True, server_default="request")
    assigned_to: Mapped[str | None] = mapped_column(String(400), index=True)
    linked_case: Mapped[str | None] = mapped_column(String(64), index=True)
    received: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # The register's columns (foi_core.register.case_facts, stored at every save).
    due_working_day: Mapped[int | None] = mapped_column(Integer, index=True)
    response_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    processed: Mapped[bool] = mapped_column(Boolean, index=True, server_default=false())
    category: Mapped[str | None] = mapped_column(String(20), index=True)
    in_time: Mapped[bool] = mapped_column(Boolean, index=True, server_default=false())
    extended: Mapped[bool] = mapped_column(Boolean, index=True, server_default=false())
    # In the disclosure log (foi_core.disclosure.is_published, stored at every save).
    published: Mapped[bool] = mapped_column(Boolean, index=True, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    updated_by: Mapped[str] = mapped_column(String(200))  # shortened; revisions keep it whole
    schema_version: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)

    __table_args__ = (
        Index(None, "ref", unique=True),
        Index(None, "received"),
        # Covering indexes: the register's counts, and its pages soonest due first.
        Index(None, "status", "kind", "due_date", "due_working_day"),
        Index(None, "kind", "due_date", "ref", "id"),
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own protocol)


class CaseSectionRow(Base):
    """A section a case relies on ("s31"), one row each, for the register's "exemption used"
    filter and the statistics (written with the case row at every save)."""

    __tablename__ = "case_sections"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    section: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)


class CaseTermRow(Base):
    """A search term of a case (``foi_core.precedents.precedent_terms``: a word stem, or a
    theme or provision with its prefix), one row each, for the precedent search (written with
    the case row at every save), with what the ranking orders by after the terms (finished,
    received), so a search reads this table's index alone."""

    __tablename__ = "case_terms"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    term: Mapped[str] = mapped_column(String(100), primary_key=True)
    finished: Mapped[bool] = mapped_column(Boolean, server_default=false())
    received: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (Index(None, "term", "case_id", "finished", "received"),)


class RevisionRow(Base):
    """A copy of the document as saved (kind "saved") or as a refused stale edit ("conflict");
    append-only (database triggers refuse UPDATE and DELETE)."""

    __tablename__ = "case_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    saved_by: Mapped[str] = mapped_column(String(400))
    summary: Mapped[str] = mapped_column(Text, default="")
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)

    __table_args__ = (UniqueConstraint("case_id", "number"),)


class AuditRow(Base):
    """One append-only audit event (database triggers refuse UPDATE and DELETE)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(400))
    action: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text, default="")
    case_version: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument)

    __table_args__ = (Index(None, "action", "actor"),)


class IssuedLetterRow(Base):
    """An issued letter and the data it was rendered from (its context, requester included),
    stored once; the case keeps the letter's metadata and this row's id. Append-only."""

    __tablename__ = "issued_letters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    issued_by: Mapped[str] = mapped_column(String(400))
    template_name: Mapped[str] = mapped_column(Text)
    template_sha256: Mapped[str] = mapped_column(String(64))
    document_sha256: Mapped[str] = mapped_column(String(64))
    draft: Mapped[bool] = mapped_column(Boolean)
    context: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    # The letter exactly as issued (schema 4 on; earlier rows hold None).
    docx: Mapped[bytes | None] = mapped_column(LargeBinary)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    # The case document (the reasoning) as it stood when the letter was issued.
    reasoning: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)


class ProfileRow(Base):
    """The organisation profile: a single row (id 1)."""

    __tablename__ = "organisation_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(400))


class PersonRow(Base):
    """Someone who has signed in or been granted a role: e-mail address, display name, when
    first known and when last signed in (None if never)."""

    __tablename__ = "people"

    email: Mapped[str] = mapped_column(String(254), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), server_default="")
    first_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime)  # first known (granted or seen)
    last_seen: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # last sign-in, if any


class PersonRoleRow(Base):
    """One role held by one person, who granted it and when (revoking deletes the row; the
    audit log keeps both events)."""

    __tablename__ = "person_roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(ForeignKey("people.email"))
    role: Mapped[str] = mapped_column(String(20))
    granted_by: Mapped[str] = mapped_column(String(400), server_default="")
    granted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("email", "role"),)


PROFILE_ROW_ID = 1


# --- Training (foi_core.training) --------------------------------------------------------------


class TrainingSessionRow(Base):
    """A training session a trainer runs: its join code and the scenarios it sets."""

    __tablename__ = "training_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(200))
    trainer: Mapped[str] = mapped_column(String(400))
    scenario_ids: Mapped[list[str]] = mapped_column(JSONDocument)
    models_released: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index(None, "code", unique=True),)


class TrainingSubmissionRow(Base):
    """One "Submit for feedback" of a trainee's attempt: the case as submitted, its score and
    mistakes. Append-only (database triggers refuse UPDATE and DELETE)."""

    __tablename__ = "training_submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(64), index=True)
    session_id: Mapped[str | None] = mapped_column(String(64), index=True)
    scenario_id: Mapped[str] = mapped_column(String(100))
    trainee: Mapped[str] = mapped_column(String(400), index=True)
    attempt: Mapped[int] = mapped_column(Integer)
    submitted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    score: Mapped[int] = mapped_column(Integer)
    mistakes: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument)
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)


class TrainerScenarioRow(Base):
    """A trainer's own scenario (the Scenario as JSON), beside the built-in ones."""

    __tablename__ = "trainer_scenarios"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    created_by: Mapped[str] = mapped_column(String(400))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
