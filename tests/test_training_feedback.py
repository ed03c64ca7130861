"""Training feedback: every scenario's model answer scores 100 with no mistakes; every mistake
that can be seeded into a model answer is named with its kind and item and lowers the score;
the score stays within 0..100 and never rises as mistakes are added; mistakes.yaml is
validated at load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_core.knowledge import KnowledgeError
from foi_core.steps import STEP_KEYS
from foi_core.training import MistakeKind, load_mistakes, side_by_side, starting_case
from foi_core.training.bank import load_scenarios
from foi_core.training.feedback import feedback
from foi_core.training.mistakes import MISTAKES_PATH, kind_for_rule, load_mistakes_from
from tests.case_strategies import valid_cases
from tests.training_mutations import Seeded, attempt, seeded

SCENARIOS = load_scenarios()
SEEDED = [(sid, mutation) for sid in sorted(SCENARIOS) for mutation in seeded(SCENARIOS[sid])]


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_the_model_answer_scores_100(scenario_id: str) -> None:
    loaded = SCENARIOS[scenario_id]
    result = feedback(loaded, loaded.model_answer)
    assert (result.score, result.mistakes) == (100, [])
    assert result.done_well
    rows = side_by_side(loaded, loaded.model_answer)
    assert [row.item for row in rows] == [i.number for i in loaded.model_answer.request.items]
    assert all(row.outcome_right for row in rows)
    assert all(row.model_provisions == row.attempt_provisions for row in rows)


@pytest.mark.parametrize(
    ("scenario_id", "mutation"), SEEDED, ids=[f"{sid}: {m.name}" for sid, m in SEEDED]
)
def test_each_seeded_mistake_is_named(scenario_id: str, mutation: Seeded) -> None:
    loaded = SCENARIOS[scenario_id]
    result = feedback(loaded, attempt(loaded, [mutation]))
    named = [(m.kind, m.item) for m in result.mistakes]
    assert any(
        kind is mutation.kind and (mutation.item is None or item == mutation.item)
        for kind, item in named
    ), named
    assert result.score < 100
    for mistake in result.mistakes:
        assert mistake.message and mistake.why_it_matters and mistake.step in STEP_KEYS


def test_every_kind_can_be_seeded_somewhere_in_the_bank() -> None:
    kinds = {mutation.kind for _sid, mutation in SEEDED}
    assert kinds == set(MistakeKind), sorted(set(MistakeKind) - kinds)


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_a_fresh_attempt_is_marked_down_in_order(scenario_id: str) -> None:
    loaded = SCENARIOS[scenario_id]
    fresh = starting_case(loaded, "Trainee")
    result = feedback(loaded, fresh)
    assert result.score < 100
    wrong = {m.item for m in result.mistakes if m.kind is MistakeKind.WRONG_OUTCOME}
    assert wrong == {i.number for i in fresh.request.items}
    order = [
        (m.item if m.item is not None else 10**6, STEP_KEYS.index(m.step)) for m in result.mistakes
    ]
    assert order == sorted(order)
    assert feedback(loaded, fresh) == result  # deterministic


def test_the_json_shape_and_the_comparison() -> None:
    loaded = SCENARIOS["doorbell-footage-first-week"]
    mutation = next(m for m in seeded(loaded) if m.kind is MistakeKind.WRONG_BALANCE)
    tried = attempt(loaded, [mutation])
    data = feedback(loaded, tried).as_json()
    assert set(data) == {"scenario", "score", "mistakes"}
    assert data["scenario"] == loaded.id and 0 <= data["score"] < 100
    first = next(m for m in data["mistakes"] if m["kind"] == "wrong_balance")
    assert set(first) == {"kind", "message", "item", "citation", "provision"}
    assert (first["item"], first["citation"], first["provision"]) == (1, "s31(1)(a)", "s31")
    assert "Question 1" in first["message"] and "s31(1)(a)" in first["message"]
    (row,) = side_by_side(loaded, tried)
    assert row.model_balance == "s31(1)(a): maintain the exemption"
    assert row.attempt_balance == "s31(1)(a): disclose"


def test_done_well_names_what_was_right() -> None:
    loaded = SCENARIOS["doorbell-footage-first-week"]
    good = feedback(loaded, loaded.model_answer).done_well
    assert "Question 1: the right answer (Withheld under an exemption)." in good
    assert any("s31(1)(a), used to withhold, is the right exemption" in line for line in good)
    assert any(line.startswith("You made a key point: ") for line in good)


def test_done_well_gives_no_credit_for_exemptions_on_a_wrong_answer() -> None:
    loaded = SCENARIOS["doorbell-footage-first-week"]
    mutation = next(m for m in seeded(loaded) if m.kind is MistakeKind.WRONG_OUTCOME)
    result = feedback(loaded, attempt(loaded, [mutation]))
    assert not any("right exemption" in line or "right answer" in line for line in result.done_well)
    assert [m.kind for m in result.mistakes] == [MistakeKind.WRONG_OUTCOME]


def test_a_wrong_claim_listed_in_the_rubric_gives_its_reason() -> None:
    loaded = SCENARIOS["doorbell-footage-first-week"]
    doc = loaded.model_answer.model_dump(mode="json")
    doc["claims"].append({"id": "extra", "citation": "s22", "items": [1]})
    tried = type(loaded.model_answer).model_validate(doc)
    mistake = next(
        m for m in feedback(loaded, tried).mistakes if m.kind is MistakeKind.UNSUPPORTED_EXEMPTION
    )
    assert "no settled intention to publish" in mistake.message


# --- The score as mistakes pile up ---------------------------------------------------------------


def _disjoint(mutations: list[Seeded]) -> list[Seeded]:
    chosen: list[Seeded] = []
    touched: set[int] = set()
    for mutation in mutations:
        if not (mutation.touches & touched):
            chosen.append(mutation)
            touched |= mutation.touches
    return chosen


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_score_stays_in_range_and_never_rises(data: st.DataObject) -> None:
    scenario_id = data.draw(st.sampled_from(sorted(SCENARIOS)))
    loaded = SCENARIOS[scenario_id]
    pool = seeded(loaded)
    picked = data.draw(st.lists(st.sampled_from(pool), max_size=4, unique_by=lambda m: m.name))
    chosen = _disjoint(picked)
    previous = 100
    for count in range(1, len(chosen) + 1):
        score = feedback(loaded, attempt(loaded, chosen[:count])).score
        assert 0 <= score <= previous, [m.name for m in chosen[:count]]
        previous = score


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(case=st.data())
def test_any_valid_case_gets_feedback(case: st.DataObject) -> None:
    """An attempt may be anything the pages let a trainee save: feedback never fails on it."""
    loaded = SCENARIOS[case.draw(st.sampled_from(sorted(SCENARIOS)))]
    tried = case.draw(valid_cases())
    result = feedback(loaded, tried)
    assert 0 <= result.score <= 100
    assert [row.item for row in side_by_side(loaded, tried)] == [
        entry.item for entry in loaded.rubric.items
    ]


# --- mistakes.yaml -------------------------------------------------------------------------------


def _raw() -> dict:
    return yaml.safe_load(MISTAKES_PATH.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "mistakes.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_the_vocabulary_is_complete_and_maps_the_checker_rules() -> None:
    book = load_mistakes()
    assert set(book.kinds) == set(MistakeKind)
    assert kind_for_rule("ncnd-searches-listed") is MistakeKind.NCND_LEAK
    assert kind_for_rule("irrelevant-factor-used") is MistakeKind.IRRELEVANT_FACTOR
    assert kind_for_rule("no-ico-rights") is MistakeKind.S17_DEFECT


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["mistakes"].pop(), r"no entry for \['s17_defect'\]"),
        (lambda d: d["mistakes"][0]["rules"].append("no-such-rule"), "'no-such-rule' is not a"),
        (
            lambda d: d["mistakes"][1]["rules"].append("item-without-outcome"),
            "already counts as wrong_outcome",
        ),
        (lambda d: d["mistakes"][0].update(step="nowhere"), "step: 'nowhere'"),
        (lambda d: d["mistakes"][0].update(penalty=0), "entry 1: penalty"),
        (lambda d: d["mistakes"].append(dict(d["mistakes"][0])), "listed twice"),
    ],
)
def test_a_broken_mistakes_file_is_named(tmp_path: Path, change, message: str) -> None:
    data = _raw()
    change(data)
    with pytest.raises(KnowledgeError, match=message):
        load_mistakes_from(_write(tmp_path, data))


def test_a_provision_the_rubric_also_accepts_is_not_marked() -> None:
    """The firearms scenario accepts s40(2) beside s38 and s31 for the streets (item 2); a
    provision it neither needs nor accepts (s43(2)) is marked unsupported."""
    from foi_core.models import ExemptionClaim

    scenario = SCENARIOS["firearms-licence-holders-s38"]
    model = scenario.model_answer
    for extra, marked in (("s40(2)", False), ("s43(2)", True)):
        claims = [*model.claims, ExemptionClaim(citation=extra, items=[2])]
        result = feedback(scenario, model.model_copy(update={"claims": claims}))
        unsupported = [m for m in result.mistakes if m.kind is MistakeKind.UNSUPPORTED_EXEMPTION]
        assert bool(unsupported) is marked, (extra, [m.message for m in result.mistakes])
