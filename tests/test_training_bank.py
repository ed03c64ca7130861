"""The scenario bank: every built-in scenario loads and is sound, the bank covers the sections,
levels and shapes the issue asks for, a broken file is named with its field, and an attempt
starts from the request as received."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from foi_core.knowledge import KnowledgeError
from foi_core.models import CaseKind, CaseStatus, ClaimMode, Outcome
from foi_core.reasoning import provision_of
from foi_core.training.bank import (
    SCENARIOS_DIR,
    bank_problems,
    load_scenarios,
    load_scenarios_from,
    scenario,
    starting_case,
)
from foi_core.training.scenario import Scenario

SCENARIOS = load_scenarios()
SMALL = "doorbell-footage-first-week"


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_every_scenario_is_sound(scenario_id: str) -> None:
    loaded = SCENARIOS[scenario_id]
    assert loaded.id == scenario_id
    assert (SCENARIOS_DIR / f"{scenario_id}.yaml").is_file()
    assert bank_problems(loaded) == []


def test_at_least_twelve_scenarios() -> None:
    assert len(SCENARIOS) >= 12, sorted(SCENARIOS)


def _ncnd_sections(loaded: Scenario) -> set[str]:
    return {
        provision_of(claim).section
        for claim in loaded.model_answer.claims
        if claim.mode is ClaimMode.NCND
    }


def test_the_bank_covers_the_sections_the_issue_names() -> None:
    covered = {section for loaded in SCENARIOS.values() for section in loaded.sections}
    wanted = {"s12", "s14", "s21", "s22", "s24", "s30", "s31", "s36", "s38", "s40", "s43"}
    assert wanted <= covered, sorted(wanted - covered)
    ncnd = set().union(*(_ncnd_sections(loaded) for loaded in SCENARIOS.values()))
    assert ncnd & {"23", "24"}, "no scenario neither confirms nor denies under s23 or s24"


def test_the_bank_has_ncnd_and_mixed_answers_and_every_level() -> None:
    ncnd = [sid for sid, loaded in SCENARIOS.items() if _ncnd_sections(loaded)]
    assert len(ncnd) >= 2, ncnd
    mixed = [
        sid
        for sid, loaded in SCENARIOS.items()
        if len(loaded.model_answer.request.items) > 1
        and len({item.outcome for item in loaded.model_answer.request.items}) > 1
    ]
    assert len(mixed) >= 3, mixed
    levels = {loaded.level for loaded in SCENARIOS.values()}
    assert len(levels) == 3, levels


def test_sections_listed_are_the_ones_the_model_answer_uses() -> None:
    for loaded in SCENARIOS.values():
        used = {"s" + provision_of(c).section for c in loaded.model_answer.claims}
        assert used <= set(loaded.sections), (loaded.id, used - set(loaded.sections))


def test_scenario_by_id_and_unknown_id() -> None:
    assert scenario(SMALL).id == SMALL
    with pytest.raises(KeyError, match="no training scenario called 'no-such'"):
        scenario("no-such")


def test_load_scenarios_is_cached_but_returns_a_fresh_dict() -> None:
    first = load_scenarios()
    first.clear()
    assert SMALL in load_scenarios()


# --- Broken files ---------------------------------------------------------------------------


def _raw() -> dict:
    return yaml.safe_load((SCENARIOS_DIR / f"{SMALL}.yaml").read_text(encoding="utf-8"))


def _write(folder: Path, name: str, data: object) -> None:
    (folder / f"{name}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")


def test_a_copy_loads_from_another_folder(tmp_path: Path) -> None:
    _write(tmp_path, SMALL, _raw())
    assert list(load_scenarios_from(tmp_path)) == [SMALL]


def test_a_missing_field_names_the_file_and_field(tmp_path: Path) -> None:
    data = _raw()
    del data["rubric"]["items"][0]["outcomes"]
    _write(tmp_path, SMALL, data)
    with pytest.raises(KnowledgeError, match=rf"scenarios/{SMALL}.yaml: rubric.items.0.outcomes"):
        load_scenarios_from(tmp_path)


def test_the_file_name_must_be_the_id(tmp_path: Path) -> None:
    _write(tmp_path, "another-name", _raw())
    with pytest.raises(
        KnowledgeError, match=r"another-name\.yaml: id: .* must equal the file name"
    ):
        load_scenarios_from(tmp_path)


def test_not_a_mapping_and_not_yaml(tmp_path: Path) -> None:
    (tmp_path / "a-list.yaml").write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"a-list\.yaml: expected a mapping"):
        load_scenarios_from(tmp_path)
    (tmp_path / "a-list.yaml").write_text("key: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"a-list\.yaml: not valid YAML"):
        load_scenarios_from(tmp_path)


def test_an_unknown_citation_is_a_problem(tmp_path: Path) -> None:
    data = _raw()
    data["rubric"]["items"][0]["needs"][0]["any_of"].append("s31(9)(z)")
    data["rubric"]["items"][0]["wrong"].append({"citation": "s99", "why": "No such section."})
    _write(tmp_path, SMALL, data)
    with pytest.raises(KnowledgeError) as caught:
        load_scenarios_from(tmp_path)
    assert "s31(9)(z)" in str(caught.value) and "'s99'" in str(caught.value)


def test_a_whole_section_may_be_wrong() -> None:
    data = _raw()
    data["rubric"]["items"][0]["wrong"].append({"citation": "s38", "why": "No one is at risk."})
    assert bank_problems(Scenario.model_validate(data)) == []


def test_a_mode_the_model_does_not_use_is_a_problem() -> None:
    data = _raw()
    data["rubric"]["items"][0]["needs"][0]["mode"] = "ncnd"
    problems = bank_problems(Scenario.model_validate(data))
    assert any("in the mode 'ncnd'" in p for p in problems), problems


def test_a_model_answer_the_check_refuses_is_a_problem() -> None:
    data = _raw()
    data["model_answer"]["claims"][0]["pit"]["factors"] = []
    problems = bank_problems(Scenario.model_validate(data))
    assert any("qualified-without-factors-both-sides" in p for p in problems), problems


def test_an_outcome_outside_the_rubric_is_a_problem() -> None:
    data = _raw()
    data["rubric"]["items"][0]["outcomes"] = ["disclosed"]
    problems = bank_problems(Scenario.model_validate(data))
    assert any("outcome exempt is not among" in p for p in problems), problems


# --- Starting an attempt --------------------------------------------------------------------


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_an_attempt_starts_from_the_request_as_received(scenario_id: str) -> None:
    loaded = SCENARIOS[scenario_id]
    model = loaded.model_answer
    case = starting_case(loaded, "Trainee One", attempt=2, session_id="sess-1")
    assert case.kind is CaseKind.TRAINING and case.status is CaseStatus.DRAFT
    assert case.training is not None
    assert case.training.scenario_id == scenario_id
    assert (case.training.trainee, case.training.attempt) == ("Trainee One", 2)
    assert case.training.session_id == "sess-1"
    assert case.id != model.id and case.request.our_ref == f"TR-{case.id[:8].upper()}"
    assert case.title == model.title and case.request.received == model.request.received
    assert case.request.text == model.request.text
    assert case.requester == model.requester
    assert [(i.number, i.label, i.text) for i in case.request.items] == [
        (i.number, i.label, i.text) for i in model.request.items
    ]
    assert all(i.outcome is None and not i.answer and not i.searches for i in case.request.items)
    assert case.claims == [] and case.aggregate_balances == [] and not case.request.searches
    assert case.cost_estimate is None and case.response_date is None


def test_two_attempts_get_different_references() -> None:
    loaded = SCENARIOS[SMALL]
    first, second = starting_case(loaded, "A"), starting_case(loaded, "A", attempt=2)
    assert first.id != second.id and first.request.our_ref != second.request.our_ref


def test_the_starting_case_round_trips_as_json() -> None:
    case = starting_case(SCENARIOS[SMALL], "A")
    assert type(case).from_json(case.to_json()) == case
    assert Outcome.EXEMPT not in {i.outcome for i in case.request.items}
