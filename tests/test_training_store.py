"""The training store: sessions with unique join codes, append-only submissions, attempts, and
trainers' own scenarios, every change audited (SQLite and PostgreSQL)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import text

from foi_core.models import Case, CaseKind, TrainingLink
from foi_core.storage import Store
from foi_core.training import CaseFileEntry, ItemRubric, Level, Rubric, Scenario
from foi_core.training.sessions import CODE_ALPHABET, CODE_LENGTH, TrainingError
from tests.conftest import example_case

TRAINER = "Tess Trainer <tess@force.police.uk>"
TRAINEE = "Tom Trainee <tom@force.police.uk>"


def attempt_case(trainee: str = TRAINEE, session_id: str | None = None, n: int = 1) -> Case:
    """A training attempt (the doorbell example re-labelled)."""
    case = example_case("doorbell-camera-ncnd")
    request = case.request.model_copy(update={"our_ref": f"TR-{trainee[:3]}-{n}-{session_id}"})
    return case.model_copy(
        update={
            "id": f"attempt{n}{trainee[:3].lower()}{(session_id or '')[:6]}",
            "kind": CaseKind.TRAINING,
            "request": request,
            "training": TrainingLink(
                scenario_id="doorbell", session_id=session_id, trainee=trainee, attempt=n
            ),
        }
    )


def fake_feedback(score: int, *kinds: str) -> SimpleNamespace:
    mistakes = [
        SimpleNamespace(
            kind=kind,
            message=f"A {kind}",
            item=1,
            citation="s31(1)(a)",
            provision="s31",
            step="harm",
            why_it_matters="Because.",
        )
        for kind in kinds
    ]
    return SimpleNamespace(score=score, mistakes=mistakes, done_well=[])


def test_a_session_has_a_unique_six_character_code_without_look_alikes(store: Store) -> None:
    made = [store.create_session(f"Group {n}", ["doorbell"], TRAINER) for n in range(15)]
    codes = [s.code for s in made]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("IL O01")
    first = made[0]
    assert store.session_by_code(f" {first.code.lower()} ") == first
    assert store.session_by_code("ZZZZZZZ") is None and store.session_by_code("") is None
    assert store.session(first.id) == first
    assert [s.id for s in store.sessions()] == [s.id for s in reversed(made)]
    assert first.open and not first.models_released and first.scenario_ids == ("doorbell",)


def test_sessions_refuse_an_empty_title_or_no_scenarios(store: Store) -> None:
    with pytest.raises(TrainingError, match="title"):
        store.create_session("  ", ["doorbell"], TRAINER)
    with pytest.raises(TrainingError, match="at least one scenario"):
        store.create_session("March", [" "], TRAINER)
    with pytest.raises(TrainingError, match="no training session"):
        store.session("nope")
    assert store.sessions() == []


def test_releasing_and_closing_are_audited_with_the_person(store: Store) -> None:
    made = store.create_session("March intake", ["doorbell", "anpr"], TRAINER)
    other = store.create_session("April intake", ["anpr"], "Other <o@force.police.uk>")
    assert store.release_models(made.id, TRAINER).models_released
    closed = store.close_session(made.id, TRAINER)
    assert not closed.open and closed.closed_at is not None
    assert store.close_session(made.id, TRAINER).closed_at == closed.closed_at  # once
    assert [s.id for s in store.sessions(trainer=TRAINER)] == [made.id]
    assert not store.session(other.id).models_released
    events = [(e.actor, e.action) for e in store.audit() if e.action.startswith("training")]
    assert events == [
        (TRAINER, "training_session_created"),
        ("Other <o@force.police.uk>", "training_session_created"),
        (TRAINER, "training_models_released"),
        (TRAINER, "training_session_closed"),
    ]
    with pytest.raises(TrainingError):
        store.release_models("nope", TRAINER)


def test_submissions_are_kept_oldest_first_and_filtered(store: Store) -> None:
    group = store.create_session("March", ["doorbell"], TRAINER)
    first = attempt_case(session_id=group.id)
    store.add(first, actor=TRAINEE)
    store.add_submission(first, fake_feedback(40, "missed_exemption", "pit_one_sided"), TRAINEE)
    second = attempt_case(session_id=group.id, n=2)
    store.add(second, actor=TRAINEE)
    kept = store.add_submission(second, fake_feedback(90), TRAINEE)
    solo = attempt_case(trainee="Sam Solo")
    store.add(solo, actor="Sam Solo")
    store.add_submission(solo, fake_feedback(70, "wrong_outcome"), "Sam Solo")

    assert kept.score == 90 and kept.attempt == 2 and kept.case == second
    everything = store.submissions()
    assert [s.score for s in everything] == [40, 90, 70]
    assert [s.score for s in store.submissions(session_id=group.id)] == [40, 90]
    assert [s.score for s in store.submissions(trainee="Sam Solo")] == [70]
    (only,) = store.submissions(case_id=first.id)
    assert [m["kind"] for m in only.mistakes] == ["missed_exemption", "pit_one_sided"]
    assert only.mistakes[0] == {
        "kind": "missed_exemption",
        "message": "A missed_exemption",
        "item": 1,
        "citation": "s31(1)(a)",
        "provision": "s31",
        "step": "harm",
        "why_it_matters": "Because.",
    }
    audited = [e for e in store.audit(first.id) if e.action == "training_submitted"]
    assert audited and audited[0].actor == TRAINEE and "40 out of 100" in audited[0].summary


def test_submissions_are_append_only(store: Store) -> None:
    case = attempt_case()
    store.add(case, actor=TRAINEE)
    store.add_submission(case, fake_feedback(50), TRAINEE)
    for statement in (
        "UPDATE training_submissions SET score = 100",
        "DELETE FROM training_submissions",
    ):
        with pytest.raises(Exception, match="append-only"), store.engine.begin() as connection:
            connection.execute(text(statement))
    assert [s.score for s in store.submissions()] == [50]


def test_only_a_training_case_can_be_submitted(store: Store) -> None:
    with pytest.raises(TrainingError):
        store.add_submission(example_case("doorbell-camera-ncnd"), fake_feedback(1), TRAINEE)


def test_attempts_list_only_training_cases_by_session_and_trainee(store: Store) -> None:
    group = store.create_session("March", ["doorbell"], TRAINER)
    store.add(example_case("doorbell-camera-ncnd"), actor="officer")  # live: never an attempt
    mine = attempt_case(session_id=group.id)
    theirs = attempt_case(trainee="Sam Solo")
    store.add(mine, actor=TRAINEE)
    store.add(theirs, actor="Sam Solo")
    everyone = store.attempts()
    assert {a.id for a in everyone} == {mine.id, theirs.id}
    (in_group,) = store.attempts(session_id=group.id)
    assert (in_group.id, in_group.trainee, in_group.attempt) == (mine.id, TRAINEE, 1)
    assert in_group.scenario_id == "doorbell" and in_group.status.value == mine.status.value
    assert [a.id for a in store.attempts(trainee="Sam Solo")] == [theirs.id]


def small_scenario(scenario_id: str = "my-own-scenario", title: str = "My own") -> Scenario:
    """A scenario whose model answer is the doorbell example (one rubric entry per item)."""
    model = example_case("doorbell-camera-ncnd")
    rubric = Rubric(
        items=[ItemRubric(item=i.number, outcomes=[i.outcome]) for i in model.request.items]
    )
    return Scenario(
        id=scenario_id,
        title=title,
        level=Level.FIRST_WEEK,
        sections=["s31"],
        summary="A request for doorbell footage.",
        learning_objectives=["Neither confirm nor deny where confirming would harm."],
        case_file=[CaseFileEntry(title="What is held", text="Nothing is said here.")],
        model_answer=model,
        rubric=rubric,
    )


def test_trainer_scenarios_are_saved_replaced_and_deleted(store: Store) -> None:
    own = small_scenario()
    store.save_trainer_scenario(own, TRAINER)
    store.save_trainer_scenario(own.model_copy(update={"title": "My own, better"}), TRAINER)
    (kept,) = store.trainer_scenarios()
    assert kept.id == "my-own-scenario" and kept.title == "My own, better" and not kept.built_in
    store.delete_trainer_scenario("my-own-scenario", TRAINER)
    assert store.trainer_scenarios() == []
    with pytest.raises(TrainingError):
        store.delete_trainer_scenario("my-own-scenario", TRAINER)
    actions = [e.action for e in store.audit() if e.actor == TRAINER]
    assert actions == [
        "training_scenario_added",
        "training_scenario_changed",
        "training_scenario_deleted",
    ]
