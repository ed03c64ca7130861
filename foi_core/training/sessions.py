"""Training sessions and attempts: what the store keeps (sessions, submissions, attempts) and the
trainee's actions (start an attempt, submit it for feedback, try again). No Streamlit.

A trainee practises alone (solo) or in a session a trainer runs, joined by its six-character
code. Every attempt is a training Case in the store; each "Submit for feedback" is kept as a
submission (append-only), so the history of attempts survives every retry.

Usage::

    case = start_attempt(store, "doorbell-footage-first-week", trainee, session_code="K7QX2M")
    ...  # the trainee works through the step pages, which save the case
    result = submit_for_feedback(store, case, trainee)   # result.score, result.mistakes
    again = retry(store, case, trainee)                  # attempt 2, from their own work
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import TYPE_CHECKING, Any

from foi_core.models import Case, CaseKind, CaseStatus

if TYPE_CHECKING:
    from foi_core.people import Person
    from foi_core.storage import Store

    from .feedback import Feedback
    from .scenario import Scenario

# Join codes: six characters with no look-alikes (no I, L, O, 0 or 1).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
TITLE_MAX = 200


class TrainingError(ValueError):
    """A training action that cannot be done; the message is one plain sentence."""


def new_code() -> str:
    """A random join code (six characters, no look-alike letters or digits)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(text: str) -> str:
    """A join code as typed, upper-cased with spaces and dashes taken out."""
    return "".join(ch for ch in (text or "").upper() if ch not in " -\t")


@dataclass(frozen=True)
class TrainingSession:
    """A session a trainer runs: its join code, the scenarios it sets, and whether the model
    answers have been released to the trainees."""

    id: str
    code: str
    title: str
    trainer: str
    scenario_ids: tuple[str, ...]
    models_released: bool
    created_at: dt.datetime
    closed_at: dt.datetime | None = None

    @property
    def open(self) -> bool:
        """Whether trainees may still join and start attempts."""
        return self.closed_at is None


@dataclass(frozen=True)
class Submission:
    """One "Submit for feedback": the attempt as submitted, its score and its mistakes (each a
    dict: kind, message, item, citation, provision, step, why_it_matters)."""

    id: int
    case_id: str
    session_id: str | None
    scenario_id: str
    trainee: str
    attempt: int
    submitted_at: dt.datetime
    score: int
    mistakes: list[dict[str, Any]] = field(default_factory=list)
    document: dict[str, Any] = field(default_factory=dict)

    @property
    def case(self) -> Case:
        """The attempt as it was submitted (an older document format upgraded as it is read)."""
        from foi_core.storage.documents import parse_stored_case

        return parse_stored_case(self.document, f"submission {self.id} of case {self.case_id}")


@dataclass(frozen=True)
class AttemptSummary:
    """A training case in a list (its document's training link, without parsing the case)."""

    id: str
    ref: str
    title: str
    scenario_id: str
    session_id: str | None
    trainee: str
    attempt: int
    status: CaseStatus
    updated_at: dt.datetime

    @property
    def scenario(self) -> str:
        return self.scenario_id


def mistake_dict(mistake: Any) -> dict[str, Any]:
    """A feedback mistake as a plain dict (for storing with a submission)."""
    if isinstance(mistake, dict):
        return dict(mistake)
    if hasattr(mistake, "model_dump"):
        return mistake.model_dump(mode="json")
    if is_dataclass(mistake) and not isinstance(mistake, type):
        return {key: _plain(value) for key, value in asdict(mistake).items()}
    names = ("kind", "message", "item", "citation", "provision", "step", "why_it_matters")
    return {name: _plain(getattr(mistake, name, None)) for name in names}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [_plain(entry) for entry in value]
    return str(getattr(value, "value", value))


# --- The trainee's actions -----------------------------------------------------------------------


def all_scenarios(store: Store) -> dict[str, Scenario]:
    """Every scenario a trainee may pick: the built-in ones, then the trainers' own (a trainer's
    scenario never replaces a built-in one with the same id)."""
    from .bank import load_scenarios

    found = load_scenarios()
    for own in store.trainer_scenarios():
        found.setdefault(own.id, own)
    return found


def find_scenario(store: Store, scenario_id: str) -> Scenario:
    """The scenario with this id (built in or a trainer's); TrainingError if there is none."""
    found = all_scenarios(store).get(scenario_id)
    if found is None:
        raise TrainingError(f"There is no training scenario called '{scenario_id}'.")
    return found


def trainee_of(person: Person) -> str:
    """How an attempt records its trainee: the signed-in person's mailbox, or the display name."""
    return person.recorded_as


def start_attempt(
    store: Store, scenario_id: str, person: Person, session_code: str | None = None
) -> Case:
    """A first attempt at a scenario, stored (in the session of ``session_code`` if given).

    TrainingError when the code names no session, the session is closed or does not set this
    scenario, or the scenario does not exist.
    """
    from .bank import starting_case

    session_id = None
    if session_code:
        joined = join_session(store, session_code)
        if scenario_id not in joined.scenario_ids:
            raise TrainingError(f"The session '{joined.title}' does not set this scenario.")
        session_id = joined.id
    scenario = find_scenario(store, scenario_id)
    trainee = trainee_of(person)
    case = starting_case(scenario, trainee, attempt=1, session_id=session_id)
    store.add(case, actor=trainee, summary=f"Started a training attempt at '{scenario.title}'")
    return case


def join_session(store: Store, code: str) -> TrainingSession:
    """The open session with this join code; TrainingError in plain words otherwise."""
    cleaned = clean_code(code)
    if not cleaned:
        raise TrainingError("Type the six-character code your trainer gave you.")
    found = store.session_by_code(cleaned)
    if found is None:
        raise TrainingError(
            f"No training session has the code '{cleaned}': check it with your trainer."
        )
    if not found.open:
        raise TrainingError(f"The session '{found.title}' has been closed by its trainer.")
    return found


def _own_attempt(case: Case, person: Person) -> None:
    from foi_core.people import can_edit

    if case.kind is not CaseKind.TRAINING or case.training is None:
        raise TrainingError("This case is not a training attempt.")
    can_edit(person, case).enforce()


def submit_for_feedback(store: Store, case: Case, person: Person) -> Feedback:
    """Mark the attempt against its scenario and keep the submission; the feedback."""
    from .feedback import feedback

    _own_attempt(case, person)
    assert case.training is not None
    scenario = find_scenario(store, case.training.scenario_id)
    result = feedback(scenario, case)
    store.add_submission(case, result, actor=person.recorded_as)
    return result


def retry(store: Store, case: Case, person: Person) -> Case:
    """The next attempt, stored: a copy of the trainee's work on ``case`` (so they can put their
    mistakes right) with a new id and reference; the earlier attempt and its submissions stay."""
    from foi_core.models.base import new_id

    _own_attempt(case, person)
    assert case.training is not None
    case_id = new_id()
    request = case.request.model_copy(update={"our_ref": f"TR-{case_id[:8].upper()}"})
    link = case.training.model_copy(update={"attempt": _next_attempt(store, case)})
    again = case.model_copy(
        update={
            "id": case_id,
            "status": CaseStatus.DRAFT,
            "request": request,
            "training": link,
            "life": [],
            "issued_letters": [],
        },
        deep=True,
    )
    again = Case.model_validate(again.model_dump(mode="json"))
    store.add(
        again,
        actor=person.recorded_as,
        summary=f"Training attempt {link.attempt}, started from attempt {case.training.attempt}",
    )
    return again


def _next_attempt(store: Store, case: Case) -> int:
    assert case.training is not None
    link = case.training
    same = [
        summary.attempt
        for summary in store.attempts(session_id=link.session_id, trainee=link.trainee)
        if summary.scenario_id == link.scenario_id and summary.session_id == link.session_id
    ]
    return max([link.attempt, *same]) + 1


def model_answer_visible(store: Store, case: Case) -> bool:
    """Whether the trainee may see the model answer: practising alone, once they submitted the
    scenario at least once; in a session, only once the trainer released the answers."""
    link = case.training
    if link is None:
        return False
    if link.session_id:
        try:
            return store.session(link.session_id).models_released
        except TrainingError:
            return False
    return any(
        sub.scenario_id == link.scenario_id and sub.session_id is None
        for sub in store.submissions(trainee=link.trainee)
    )


# --- The trainer's actions (each checks who may run training: the one home of that rule) ----------


def _trainer(person: Person) -> None:
    from foi_core.people import can_run_training

    can_run_training(person).enforce()


def open_session(
    store: Store, person: Person, title: str, scenario_ids: list[str]
) -> TrainingSession:
    """A new session with its join code (raises NotAllowed for anyone but a trainer or an
    admin, TrainingError for a bad title or scenario list)."""
    _trainer(person)
    return store.create_session(title, scenario_ids, trainer=person.recorded_as)


def release_answers(store: Store, person: Person, session_id: str) -> TrainingSession:
    """Let the session's trainees see the model answers beside their attempts."""
    _trainer(person)
    return store.release_models(session_id, person.recorded_as)


def close_session(store: Store, person: Person, session_id: str) -> TrainingSession:
    """Nobody joins or starts an attempt in the session any more; everything is kept."""
    _trainer(person)
    return store.close_session(session_id, person.recorded_as)
