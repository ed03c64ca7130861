"""The trainee's actions: starting an attempt (alone or in a session by its code), submitting it
for feedback (kept as a submission), trying again from their own work, and when the model
answer may be seen."""

from __future__ import annotations

import pytest

from foi_core.models import CaseKind, CaseStatus, Outcome
from foi_core.people import NotAllowed, Person, Role, local_person
from foi_core.storage import Store
from foi_core.training.bank import load_scenarios
from foi_core.training.sessions import (
    TrainingError,
    all_scenarios,
    model_answer_visible,
    retry,
    start_attempt,
    submit_for_feedback,
)
from tests.test_training_store import TRAINER, small_scenario

SCENARIO = "doorbell-footage-first-week"
TOM = Person("tom@force.police.uk", "Tom Trainee", frozenset({Role.TRAINEE}))
ANN = Person("ann@force.police.uk", "Ann Trainee", frozenset({Role.TRAINEE}))


def test_a_solo_attempt_is_a_stored_training_case_with_the_request_only(store: Store) -> None:
    case = start_attempt(store, SCENARIO, TOM)
    stored = store.load(case.id).case
    assert stored.kind is CaseKind.TRAINING and stored.status is CaseStatus.DRAFT
    assert stored.training is not None
    assert (stored.training.scenario_id, stored.training.trainee) == (SCENARIO, TOM.recorded_as)
    assert stored.training.session_id is None and stored.training.attempt == 1
    assert stored.request.items and all(item.outcome is None for item in stored.request.items)
    assert not stored.claims
    assert [a.id for a in store.attempts(trainee=TOM.recorded_as)] == [case.id]


def test_joining_a_session_by_code(store: Store) -> None:
    group = store.create_session("March", [SCENARIO], TRAINER)
    case = start_attempt(store, SCENARIO, TOM, session_code=f" {group.code.lower()} ")
    assert case.training is not None and case.training.session_id == group.id
    assert [a.id for a in store.attempts(session_id=group.id)] == [case.id]
    with pytest.raises(TrainingError, match="No training session has the code 'ZZZZZZ'"):
        start_attempt(store, SCENARIO, TOM, session_code="zzzzzz")
    other = next(sid for sid in load_scenarios() if sid != SCENARIO)
    with pytest.raises(TrainingError, match="does not set this scenario"):
        start_attempt(store, other, TOM, session_code=group.code)
    store.close_session(group.id, TRAINER)
    with pytest.raises(TrainingError, match="closed"):
        start_attempt(store, SCENARIO, TOM, session_code=group.code)


def test_an_unknown_scenario_is_a_plain_error(store: Store) -> None:
    with pytest.raises(TrainingError, match="no training scenario called 'nope'"):
        start_attempt(store, "nope", TOM)


def test_submitting_keeps_the_score_and_mistakes(store: Store) -> None:
    case = start_attempt(store, SCENARIO, TOM)
    result = submit_for_feedback(store, case, TOM)
    assert result.score < 100 and result.mistakes
    (kept,) = store.submissions(case_id=case.id)
    assert kept.score == result.score and kept.trainee == TOM.recorded_as
    assert [m["kind"] for m in kept.mistakes] == [m.kind.value for m in result.mistakes]
    assert kept.case == case


def test_the_model_answer_scores_100(store: Store) -> None:
    case = start_attempt(store, SCENARIO, TOM)
    model = load_scenarios()[SCENARIO].model_answer
    answered = model.model_copy(
        update={"id": case.id, "kind": case.kind, "training": case.training}
    )
    assert submit_for_feedback(store, answered, TOM).score == 100


def test_only_the_trainee_submits_or_retries_their_attempt(store: Store) -> None:
    case = start_attempt(store, SCENARIO, TOM)
    with pytest.raises(NotAllowed, match="another trainee"):
        submit_for_feedback(store, case, ANN)
    with pytest.raises(NotAllowed):
        retry(store, case, ANN)
    with pytest.raises(TrainingError, match="not a training attempt"):
        submit_for_feedback(store, load_scenarios()[SCENARIO].model_answer, TOM)


def test_retry_starts_from_the_trainees_own_work_and_keeps_the_history(store: Store) -> None:
    case = start_attempt(store, SCENARIO, TOM)
    first = case.request.items[0]
    items = [first.model_copy(update={"outcome": Outcome.DISCLOSED, "answer": "Here it is."})]
    worked = case.model_copy(update={"request": case.request.model_copy(update={"items": items})})
    store.save(worked, store.load(case.id).version, actor=TOM.recorded_as)
    submit_for_feedback(store, worked, TOM)
    again = retry(store, worked, TOM)
    assert again.id != case.id and again.request.our_ref != case.request.our_ref
    assert again.training is not None and again.training.attempt == 2
    assert again.request.items[0].outcome is Outcome.DISCLOSED  # their work, to put right
    assert store.load(again.id).case == again and store.load(case.id).case == worked
    third = retry(store, worked, TOM)  # from attempt 1 again: still a new number
    assert third.training is not None and third.training.attempt == 3
    assert len(store.submissions(trainee=TOM.recorded_as)) == 1
    assert [a.attempt for a in store.attempts(trainee=TOM.recorded_as)] == [3, 2, 1]


def test_the_model_answer_shows_after_a_solo_submission(store: Store) -> None:
    case = start_attempt(store, SCENARIO, TOM)
    assert not model_answer_visible(store, case)
    submit_for_feedback(store, case, TOM)
    assert model_answer_visible(store, case)
    assert not model_answer_visible(store, start_attempt(store, SCENARIO, ANN))


def test_in_a_session_the_model_answer_waits_for_the_trainer(store: Store) -> None:
    group = store.create_session("March", [SCENARIO], TRAINER)
    case = start_attempt(store, SCENARIO, TOM, session_code=group.code)
    submit_for_feedback(store, case, TOM)
    assert not model_answer_visible(store, case)
    store.release_models(group.id, TRAINER)
    assert model_answer_visible(store, case)


def test_all_scenarios_adds_the_trainers_own(store: Store) -> None:
    store.save_trainer_scenario(small_scenario("my-own-scenario"), TRAINER)
    store.save_trainer_scenario(small_scenario(SCENARIO, "Not the built-in one"), TRAINER)
    found = all_scenarios(store)
    assert set(load_scenarios()) < set(found) and "my-own-scenario" in found
    assert found[SCENARIO].built_in  # a trainer's scenario never replaces a built-in one
    local = local_person("Pat at the front desk")
    case = start_attempt(store, "my-own-scenario", local)
    assert case.training is not None and case.training.trainee == "Pat at the front desk"


def test_only_a_trainer_opens_releases_or_closes_a_session(tmp_path) -> None:
    from foi_core.storage import Store
    from foi_core.training.bank import load_scenarios
    from foi_core.training.sessions import close_session, open_session, release_answers

    store = Store(f"sqlite:///{tmp_path / 't.db'}")
    trainer = Person(email="tia@example.org", name="Tia Trainer", roles=frozenset({Role.TRAINER}))
    officer = Person(email="olu@example.org", name="Olu Officer", roles=frozenset({Role.OFFICER}))
    scenario_id = next(iter(load_scenarios()))
    with pytest.raises(NotAllowed):
        open_session(store, officer, "Week one", [scenario_id])
    session = open_session(store, trainer, "Week one", [scenario_id])
    for action in (release_answers, close_session):
        with pytest.raises(NotAllowed):
            action(store, officer, session.id)
    assert release_answers(store, trainer, session.id).models_released
    assert close_session(store, trainer, session.id).closed_at is not None
    store.close()
