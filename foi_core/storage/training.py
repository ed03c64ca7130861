"""Training: the sessions trainers run, trainees' submitted attempts (append-only) and trainers'
own scenarios (a part of ``Store``, a mixin). Every change writes an audit event naming the
person; a trainee's attempt itself is an ordinary case of kind "training".
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from foi_core.models import Case, CaseKind, CaseStatus
from foi_core.training.sessions import (
    TITLE_MAX,
    AttemptSummary,
    Submission,
    TrainingError,
    TrainingSession,
    clean_code,
    mistake_dict,
    new_code,
)

from .documents import dump_case
from .tables import (
    CaseRow,
    TrainerScenarioRow,
    TrainingSessionRow,
    TrainingSubmissionRow,
    _utcnow,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from foi_core.training.scenario import Scenario

    from .store import Store


def _session_record(row: TrainingSessionRow) -> TrainingSession:
    return TrainingSession(
        id=row.id,
        code=row.code,
        title=row.title,
        trainer=row.trainer,
        scenario_ids=tuple(row.scenario_ids or ()),
        models_released=bool(row.models_released),
        created_at=row.created_at,
        closed_at=row.closed_at,
    )


def _submission_record(row: TrainingSubmissionRow) -> Submission:
    return Submission(
        id=row.id,
        case_id=row.case_id,
        session_id=row.session_id,
        scenario_id=row.scenario_id,
        trainee=row.trainee,
        attempt=row.attempt,
        submitted_at=row.submitted_at,
        score=row.score,
        mistakes=list(row.mistakes or []),
        document=dict(row.document or {}),
    )


class TrainingStore:
    """The Store's training sessions, submissions and trainers' scenarios (a mixin of ``Store``)."""

    # -- sessions -------------------------------------------------------------------------------

    def create_session(
        self: Store, title: str, scenario_ids: list[str], trainer: str | None = None
    ) -> TrainingSession:
        """A new open session with a fresh unique join code; TrainingError for an empty title
        or no scenarios."""
        title = " ".join((title or "").split())
        if not title:
            raise TrainingError("Give the session a title, such as 'New starters, March'.")
        if len(title) > TITLE_MAX:
            raise TrainingError(f"Keep the session's title under {TITLE_MAX} characters.")
        chosen = list(dict.fromkeys(s.strip() for s in scenario_ids if s and s.strip()))
        if not chosen:
            raise TrainingError("Choose at least one scenario for the session.")
        trainer = self._actor(trainer)
        for _ in range(20):  # a clash of random codes is rare: try another
            try:
                with self._writing() as session:
                    return self._insert_session(session, title, chosen, trainer)
            except IntegrityError:
                continue
        raise TrainingError("No free join code could be found; try again.")

    def _insert_session(
        self: Store, session: Session, title: str, chosen: list[str], trainer: str
    ) -> TrainingSession:
        code = new_code()
        if session.scalar(select(TrainingSessionRow.id).where(TrainingSessionRow.code == code)):
            raise IntegrityError("code taken", None, Exception(code))
        at = _utcnow()
        row = TrainingSessionRow(
            id=uuid.uuid4().hex,
            code=code,
            title=title,
            trainer=trainer,
            scenario_ids=chosen,
            models_released=False,
            created_at=at,
            closed_at=None,
        )
        session.add(row)
        self._training_audit(
            session,
            trainer,
            "training_session_created",
            f"Opened training session '{title}' (code {code}) with {len(chosen)} scenario(s)",
        )
        return _session_record(row)

    def session(self: Store, session_id: str) -> TrainingSession:
        """The session with this id; TrainingError if there is none."""
        with self._reading() as session:
            row = session.get(TrainingSessionRow, session_id)
            if row is None:
                raise TrainingError(f"There is no training session with id {session_id}.")
            return _session_record(row)

    def session_by_code(self: Store, code: str) -> TrainingSession | None:
        """The session with this join code (any case, spaces ignored), or None."""
        cleaned = clean_code(code)
        if not cleaned:
            return None
        with self._reading() as session:
            row = session.scalar(
                select(TrainingSessionRow).where(TrainingSessionRow.code == cleaned)
            )
            return None if row is None else _session_record(row)

    def sessions(self: Store, trainer: str | None = None) -> list[TrainingSession]:
        """Every session (or one trainer's), newest first."""
        query = select(TrainingSessionRow).order_by(
            TrainingSessionRow.created_at.desc(), TrainingSessionRow.id
        )
        if trainer is not None:
            query = query.where(TrainingSessionRow.trainer == trainer)
        with self._reading() as session:
            return [_session_record(row) for row in session.scalars(query).all()]

    def release_models(self: Store, session_id: str, actor: str | None = None) -> TrainingSession:
        """Let the session's trainees see the model answers."""
        return self._change_session(session_id, actor, release=True)

    def close_session(self: Store, session_id: str, actor: str | None = None) -> TrainingSession:
        """Close the session: nobody joins or starts an attempt in it any more (kept as it is)."""
        return self._change_session(session_id, actor, close=True)

    def _change_session(
        self: Store, session_id: str, actor: str | None, release: bool = False, close: bool = False
    ) -> TrainingSession:
        actor = self._actor(actor)
        with self._writing() as session:
            row = session.get(TrainingSessionRow, session_id, with_for_update=True)
            if row is None:
                raise TrainingError(f"There is no training session with id {session_id}.")
            if release and not row.models_released:
                row.models_released = True
                action, summary = "training_models_released", "Released the model answers"
            elif close and row.closed_at is None:
                row.closed_at = _utcnow()
                action, summary = "training_session_closed", "Closed the session"
            else:
                return _session_record(row)
            self._training_audit(
                session, actor, action, f"{summary} of training session '{row.title}'"
            )
            return _session_record(row)

    # -- submissions ----------------------------------------------------------------------------

    def add_submission(
        self: Store, case: Case, feedback: Any, actor: str | None = None
    ) -> Submission:
        """Keep a "Submit for feedback": the attempt as it stands, the feedback's score and
        mistakes (append-only). TrainingError for a case that is not a training attempt."""
        link = case.training
        if case.kind is not CaseKind.TRAINING or link is None:
            raise TrainingError("Only a training attempt can be submitted for feedback.")
        actor = self._actor(actor)
        mistakes = [mistake_dict(mistake) for mistake in getattr(feedback, "mistakes", [])]
        score = int(getattr(feedback, "score", 0))
        with self._writing() as session:
            row = TrainingSubmissionRow(
                case_id=case.id,
                session_id=link.session_id,
                scenario_id=link.scenario_id,
                trainee=link.trainee,
                attempt=link.attempt,
                submitted_at=_utcnow(),
                score=score,
                mistakes=mistakes,
                document=dump_case(case),
            )
            session.add(row)
            session.flush()
            self._training_audit(
                session,
                actor,
                "training_submitted",
                f"Submitted training attempt {link.attempt} at '{link.scenario_id}' for "
                f"feedback: {score} out of 100, {len(mistakes)} mistake(s)",
                case_id=case.id if session.get(CaseRow, case.id) is not None else None,
            )
            return _submission_record(row)

    def submissions(
        self: Store,
        session_id: str | None = None,
        trainee: str | None = None,
        case_id: str | None = None,
    ) -> list[Submission]:
        """Submitted attempts, oldest first (in one session, by one trainee, of one case)."""
        query = select(TrainingSubmissionRow).order_by(
            TrainingSubmissionRow.submitted_at, TrainingSubmissionRow.id
        )
        if session_id is not None:
            query = query.where(TrainingSubmissionRow.session_id == session_id)
        if trainee is not None:
            query = query.where(TrainingSubmissionRow.trainee == trainee)
        if case_id is not None:
            query = query.where(TrainingSubmissionRow.case_id == case_id)
        with self._reading() as session:
            return [_submission_record(row) for row in session.scalars(query).all()]

    def attempts(
        self: Store, session_id: str | None = None, trainee: str | None = None
    ) -> list[AttemptSummary]:
        """The training cases (in one session, by one trainee), most recently updated first,
        read without parsing the case documents."""
        columns = (
            CaseRow.id,
            CaseRow.ref,
            CaseRow.title,
            CaseRow.status,
            CaseRow.updated_at,
            CaseRow.document["training"],
        )
        query = (
            select(*columns)
            .where(CaseRow.kind == CaseKind.TRAINING.value)
            .order_by(CaseRow.updated_at.desc(), CaseRow.id)
        )
        with self._reading() as session:
            rows = session.execute(query).all()
        found = []
        for case_id, ref, title, status, updated_at, link in rows:
            link = link if isinstance(link, dict) else {}
            summary = AttemptSummary(
                id=case_id,
                ref=ref,
                title=title,
                scenario_id=str(link.get("scenario_id") or ""),
                session_id=link.get("session_id") or None,
                trainee=str(link.get("trainee") or ""),
                attempt=int(link.get("attempt") or 1),
                status=CaseStatus(status),
                updated_at=updated_at,
            )
            if session_id is not None and summary.session_id != session_id:
                continue
            if trainee is not None and summary.trainee != trainee:
                continue
            found.append(summary)
        return found

    # -- trainers' own scenarios ------------------------------------------------------------------

    def save_trainer_scenario(self: Store, scenario: Scenario, actor: str | None = None) -> None:
        """Add or replace a trainer's own scenario (stored with ``built_in`` false)."""
        actor = self._actor(actor)
        document = scenario.model_copy(update={"built_in": False}).model_dump(mode="json")
        at = _utcnow()
        with self._writing() as session:
            row = session.get(TrainerScenarioRow, scenario.id, with_for_update=True)
            action = "training_scenario_changed" if row is not None else "training_scenario_added"
            if row is None:
                row = TrainerScenarioRow(id=scenario.id, created_by=actor, created_at=at)
                session.add(row)
            row.document = document
            row.updated_at = at
            self._training_audit(
                session, actor, action, f"Saved training scenario '{scenario.title}'"
            )

    def trainer_scenarios(self: Store) -> list[Scenario]:
        """The trainers' own scenarios, by id; one that no longer validates is left out."""
        from foi_core.training.scenario import Scenario

        with self._reading() as session:
            rows = session.scalars(select(TrainerScenarioRow).order_by(TrainerScenarioRow.id))
            documents = [row.document for row in rows.all()]
        found = []
        for document in documents:
            try:
                found.append(Scenario.model_validate({**document, "built_in": False}))
            except ValidationError:
                continue
        return found

    def delete_trainer_scenario(self: Store, scenario_id: str, actor: str | None = None) -> None:
        """Remove a trainer's own scenario (attempts at it and their submissions are kept)."""
        actor = self._actor(actor)
        with self._writing() as session:
            row = session.get(TrainerScenarioRow, scenario_id, with_for_update=True)
            if row is None:
                raise TrainingError(f"There is no trainer's scenario called '{scenario_id}'.")
            title = str((row.document or {}).get("title") or scenario_id)
            session.delete(row)
            self._training_audit(
                session, actor, "training_scenario_deleted", f"Deleted training scenario '{title}'"
            )

    def _training_audit(
        self: Store,
        session: Session,
        actor: str,
        action: str,
        summary: str,
        case_id: str | None = None,
    ) -> None:
        """An audit event of a training change (no field changes: the summary says it all)."""
        self._write_audit(
            session,
            case_id=case_id,
            at=_utcnow(),
            actor=actor,
            action=action,
            summary=summary,
            case_version=None,
            changes=[],
        )
