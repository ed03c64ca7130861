"""The example cases in examples/: valid, distinct, covering each kind of response, exact JSON
round trip, and clean under the checker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from foi_core.checker import check, has_errors
from foi_core.models import Case, ClaimMode, Outcome
from tests.case_factory import good_profile
from tests.conftest import EXAMPLE_FILES as FILES
from tests.conftest import example_case as load

# Training scenarios are drafts left part-way, so a trainee can finish them.
FINISHED = [p for p in FILES if not p.name.startswith("training-")]
TRAINING = [p for p in FILES if p.name.startswith("training-")]


def _outcomes(case: Case) -> set[Outcome | None]:
    return {item.outcome for item in case.request.items}


# The kinds of response the finished examples must show between them (the demo cases, the
# letter snapshots and the end-to-end tests rely on each).
KINDS: dict[str, Callable[[Case], bool]] = {
    "NCND for the whole request": lambda case: (
        _outcomes(case) == {Outcome.NCND}
        and bool(case.claims)
        and all(claim.mode is ClaimMode.NCND for claim in case.claims)
    ),
    "partial disclosure": lambda case: (
        Outcome.PARTLY_DISCLOSED in _outcomes(case)
        and any(claim.mode is ClaimMode.WITHHOLD for claim in case.claims)
    ),
    "s12 cost limit": lambda case: (
        Outcome.COST_LIMIT in _outcomes(case)
        and any(claim.citation == "s12(1)" for claim in case.claims)
        and case.cost_estimate is not None
        and case.cost_estimate.exceeds_limit
    ),
    "full disclosure": lambda case: _outcomes(case) == {Outcome.DISCLOSED} and not case.claims,
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_finished_example_shows_each_kind_of_response(kind: str):
    matching = [path.name for path in FINISHED if KINDS[kind](load(path.name))]
    assert matching, f"no finished example in examples/ is a case of {kind}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_example_loads(path: Path):
    case = load(path.name)
    assert case.request.our_ref and case.title and case.request.items


DISTINCT: dict[str, Callable[[Case], str]] = {
    "id": lambda case: case.id,
    "reference": lambda case: case.request.our_ref,
    "title": lambda case: case.title,
    "request text": lambda case: case.request.text,
}


@pytest.mark.parametrize("field", DISTINCT)
def test_no_two_examples_share(field: str):
    values = [DISTINCT[field](load(path.name)) for path in FILES]
    assert len(values) == len(set(values)), f"two examples share a {field}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_example_round_trips_exactly(path: Path):
    text = path.read_text(encoding="utf-8")
    case = Case.from_json(text)
    again = Case.from_json(case.to_json())
    assert again == case
    assert case.to_json() + "\n" == text  # the file is exactly what to_json writes


@pytest.mark.parametrize("path", FINISHED, ids=lambda p: p.name)
def test_example_passes_the_checker(path: Path):
    case = Case.from_json(path.read_text(encoding="utf-8"))
    findings = check(case, good_profile())
    assert not has_errors(findings), [f.message for f in findings]
    assert findings == [], [f.message for f in findings]


@pytest.mark.parametrize("path", TRAINING, ids=lambda p: p.name)
def test_training_draft_is_left_part_way_with_its_gaps_found(path: Path):
    case = Case.from_json(path.read_text(encoding="utf-8"))
    assert case.status == "draft"
    findings = check(case, good_profile())
    assert has_errors(findings)
    # The earlier steps are complete; what is left is the reasoning a trainee must supply.
    assert {f.step for f in findings} <= {"harm", "public_interest", "balance"}


def test_doorbell_example_is_a_whole_request_ncnd():
    case = load("doorbell-camera-ncnd.json")
    assert case.request.our_ref == "002261/25"
    assert len(case.request.items) == 16
    assert all(item.outcome is Outcome.NCND for item in case.request.items)
    assert {(c.citation, c.mode) for c in case.claims} == {
        ("s24(1)", ClaimMode.NCND),
        ("s31(1)(a)", ClaimMode.NCND),
        ("s40(2)", ClaimMode.NCND),
    }
    assert all(c.items == list(range(1, 17)) for c in case.claims)


def test_999_calls_example_discloses_item_one_and_partly_withholds_item_two():
    case = load("999-calls-partial.json")
    assert case.request.our_ref == "002335/20"
    first, second = case.request.items
    assert first.outcome is Outcome.DISCLOSED and "159,740" in first.answer
    assert second.outcome is Outcome.PARTLY_DISCLOSED and second.where_to_find
    assert {c.citation for c in case.claims_for_item(2)} == {"s21", "s24(1)", "s31(1)(a)"}


def test_cost_limit_example_exceeds_the_limit():
    case = load("cost-limit-s12.json")
    estimate = case.cost_estimate
    assert estimate is not None and estimate.exceeds_limit
    assert any(line.records == 1144 and line.minutes_each == 3 for line in estimate.lines)
    assert estimate.s16_advice


def test_breaking_an_example_is_caught():
    """The examples pass because they are complete, not because the checker ignores them."""
    case = load("doorbell-camera-ncnd.json")
    case.overall_harm = ""
    for claim in case.claims:
        claim.harm = None
        claim.legitimate_interests = None
    rules = {f.rule_id for f in check(case, good_profile())}
    assert {"ncnd-without-harm", "s40-without-legitimate-interests"} <= rules
