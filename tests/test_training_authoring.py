"""A trainer's scenario drafted from an issued case, and its rubric edited
(foi_core.training.authoring)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foi_core.models import Case, CaseKind, CaseStatus, Outcome
from foi_core.people import NotAllowed, Person, Role
from foi_core.personal_data import map_free_text
from foi_core.training import ConsiderationStep, Level, Scenario
from foi_core.training.authoring import (
    FICTIONAL_REQUESTER,
    AuthoringError,
    add_alternative,
    add_key_consideration,
    add_outcome,
    add_wrong_claim,
    remove_alternative,
    remove_key_consideration,
    remove_outcome,
    remove_wrong_claim,
    scenario_from_case,
    set_details,
)
from foi_core.training.bank import bank_problems

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TRAINER = Person(email="tina@force.police.uk", name="Tina Trainer", roles=frozenset({Role.TRAINER}))
NAME, EMAIL, PHONE = "Zebedee Quartermain", "zeb.q@example.org", "07700 900123"
STREET, TOWN = "12 Quince Lane", "Lowtown-on-Sea"
SECRETS = (NAME, EMAIL, PHONE, STREET, TOWN)


def issued(example: str = "999-calls-partial.json", seed: bool = True) -> Case:
    """An issued example case whose requester is seeded in every free-text field."""
    document = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    document["requester"] = {
        "name": NAME,
        "contact": f"{EMAIL}\n{PHONE}",
        "address": f"{STREET}\n{TOWN}",
    }
    if seed:
        document = map_free_text(
            document, Case, lambda text: f"{text} {NAME}, {EMAIL}, {PHONE}, {STREET}, {TOWN}."
        )
        for item in document["request"]["items"]:
            item["label"] = ""
        document["requester"] = {
            "name": NAME,
            "contact": f"{EMAIL}\n{PHONE}",
            "address": f"{STREET}\n{TOWN}",
        }
    case = Case.model_validate(document)
    assert case.status is CaseStatus.ISSUED
    return case


ISSUED = sorted(
    path.name
    for path in EXAMPLES.glob("*.json")
    if json.loads(path.read_text(encoding="utf-8"))["status"] == "issued"
)


@pytest.mark.parametrize("example", ISSUED)
def test_no_requester_detail_anywhere_in_the_scenario(example: str) -> None:
    case = issued(example)
    text = json.dumps(case.model_dump(mode="json")).lower()
    assert all(secret.lower() in text for secret in SECRETS)  # the seeding worked
    draft = scenario_from_case(case, "seeded-case", f"Calls {NAME}", Level.DEVELOPING, TRAINER)
    shown = draft.model_dump_json().lower()
    for secret in SECRETS:
        assert secret.lower() not in shown, secret
    assert draft.model_answer.requester.name == FICTIONAL_REQUESTER
    assert Scenario.model_validate_json(draft.model_dump_json()) == draft


def test_the_draft_is_a_training_model_answer_with_a_rubric_from_the_case() -> None:
    case = issued(seed=False)
    draft = scenario_from_case(case, "calls-999", "999 calls", "developing", TRAINER)
    model = draft.model_answer
    assert (model.kind, model.status) == (CaseKind.TRAINING, CaseStatus.DRAFT)
    assert model.id != case.id and not model.life and not model.issued_letters
    assert model.request.our_ref == "TRAIN-CALLS-999" and not model.requester.contact
    assert draft.built_in is False and draft.level is Level.DEVELOPING
    assert draft.sections == ["s21", "s24", "s31"]
    item2 = next(entry for entry in draft.rubric.items if entry.item == 2)
    assert item2.outcomes == [Outcome.PARTLY_DISCLOSED]
    assert sorted(c for need in item2.needs for c in need.any_of) == ["s21", "s24(1)", "s31(1)(a)"]
    s31 = next(need for need in item2.needs if need.any_of == ["s31(1)(a)"])
    original = next(c for c in case.claims if c.citation == "s31(1)(a)")
    assert s31.mode == original.mode
    assert s31.likelihoods == ([original.harm.likelihood] if original.harm.likelihood else [])
    assert s31.balance == original.pit.balance.conclusion
    assert original.harm.causal_chain.strip()[:40] in s31.why
    assert [entry.title for entry in draft.case_file] == [
        "Item 2: what the original reasoning relied on"
    ]
    assert "s31" not in draft.case_file[0].text  # facts, not the answer
    assert draft.learning_objectives
    assert bank_problems(draft) == []  # the model answer passes the check and scores 100


def test_only_an_issued_request_with_a_good_id_and_title_makes_a_scenario() -> None:
    draft = Case.model_validate(
        {**issued(seed=False).model_dump(mode="json"), "status": "draft", "life": []}
    )
    with pytest.raises(AuthoringError) as refused:
        scenario_from_case(draft, "Bad Id!", " ", Level.FIRST_WEEK, TRAINER)
    assert {p.field for p in refused.value.problems} == {"case", "id", "title"}
    with pytest.raises(AuthoringError) as taken:
        scenario_from_case(issued(seed=False), "x-1", "T", Level.FIRST_WEEK, TRAINER, taken={"x-1"})
    assert [p.field for p in taken.value.problems] == ["id"]
    trainee = Person(email="t@force.police.uk", name="T", roles=frozenset({Role.TRAINEE}))
    with pytest.raises(NotAllowed):
        scenario_from_case(issued(seed=False), "x-2", "T", Level.FIRST_WEEK, trainee)


@pytest.fixture
def draft() -> Scenario:
    return scenario_from_case(issued(seed=False), "calls-999", "999 calls", "developing", TRAINER)


def test_outcomes_added_and_removed_but_never_the_model_answers(draft: Scenario) -> None:
    edit = add_outcome(draft, 2, Outcome.EXEMPT)
    assert edit.ok and edit.scenario.rubric.items[1].outcomes[-1] is Outcome.EXEMPT
    assert add_outcome(edit.scenario, 2, "exempt").problems[0].field == "rubric.2.outcome"
    assert remove_outcome(edit.scenario, 2, "exempt").scenario == draft
    refused = remove_outcome(draft, 2, Outcome.PARTLY_DISCLOSED)
    assert not refused.ok and refused.problems[0].field == "rubric.2.outcome"
    assert "model answer" in refused.problems[0].message
    assert add_outcome(draft, 9, "exempt").problems[0].field == "rubric.9.outcome"
    assert "Choose" in add_outcome(draft, 2, "maybe").problems[0].message


def test_alternative_citations(draft: Scenario) -> None:
    index = next(i for i, n in enumerate(draft.rubric.items[1].needs) if "s31(1)(a)" in n.any_of)
    edit = add_alternative(draft, 2, index, "s31(1)(b)")
    assert edit.ok and edit.scenario.rubric.items[1].needs[index].any_of == [
        "s31(1)(a)",
        "s31(1)(b)",
    ]
    bad = add_alternative(draft, 2, index, "s99(9)")
    assert bad.problems[0].field == f"rubric.2.needs.{index}.alternative"
    assert "catalogue" in bad.problems[0].message
    assert remove_alternative(edit.scenario, 2, index, "s31(1)(b)").scenario == draft
    last = remove_alternative(draft, 2, index, "s31(1)(a)")
    assert "at least one" in last.problems[0].message


def test_wrong_claims_with_why(draft: Scenario) -> None:
    edit = add_wrong_claim(draft, 2, "s38", "Nobody's health or safety is at stake.")
    assert edit.ok and edit.scenario.rubric.items[1].wrong[0].citation == "s38"
    limb = add_wrong_claim(edit.scenario, 2, "s30(1)(a)", "No investigation.")
    assert limb.ok and [w.citation for w in limb.scenario.rubric.items[1].wrong] == [
        "s38",
        "s30(1)(a)",
    ]
    both = add_wrong_claim(draft, 2, "s777", "")
    assert {p.field for p in both.problems} == {"rubric.2.wrong.citation", "rubric.2.wrong.why"}
    assert add_wrong_claim(edit.scenario, 2, "38", "Again.").problems[0].message == "Already named."
    assert remove_wrong_claim(edit.scenario, 2, "s38").scenario == draft
    assert not remove_wrong_claim(draft, 2, "s38").ok


def test_key_considerations(draft: Scenario) -> None:
    edit = add_key_consideration(
        draft,
        "Information already public",
        "The force published the call volumes.",
        ConsiderationStep.PUBLIC_INTEREST,
        "already public\n published ; \n",
        items=[2],
    )
    assert edit.ok
    point = edit.scenario.rubric.key_considerations[-1]
    assert (point.id, point.recognised_by, point.items) == (
        "information_already_public",
        ["already public", "published"],
        [2],
    )
    again = add_key_consideration(edit.scenario, "Information already public", "x", "harm", "p")
    assert again.scenario.rubric.key_considerations[-1].id == "information_already_public_2"
    refused = add_key_consideration(draft, "", "", "nowhere", "  ")
    assert {p.field for p in refused.problems} == {
        "key.title",
        "key.why",
        "key.recognised_by",
        "key.step",
    }
    unknown_item = add_key_consideration(draft, "T", "W", "harm", "p", items=[7])
    assert not unknown_item.ok and unknown_item.problems[0].field == "key.title"
    assert remove_key_consideration(edit.scenario, point.id).scenario == draft
    assert not remove_key_consideration(draft, "nope").ok


def test_details(draft: Scenario) -> None:
    edit = set_details(
        draft,
        title="Emergency calls",
        level=Level.EXPERIENCED,
        summary="Calls to 999.",
        objectives="Weigh s24.\n\nWeigh s31.",
        case_file=[("What is held", "A call log."), ("", "")],
    )
    assert edit.ok and edit.scenario.learning_objectives == ["Weigh s24.", "Weigh s31."]
    assert [e.title for e in edit.scenario.case_file] == ["What is held"]
    refused = set_details(
        draft, title="", level="first_week", summary="s", objectives=" ", case_file=[("T", "")]
    )
    assert {p.field for p in refused.problems} == {"objectives", "case_file"}
    no_title = set_details(
        draft, title="", level="first_week", summary="s", objectives="o", case_file=[("T", "x")]
    )
    assert [p.field for p in no_title.problems] == ["title"]
