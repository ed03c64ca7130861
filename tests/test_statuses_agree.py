"""The stepper and the checker agree (one home of the rules): a case with check errors never
looks finished, a case without errors has no step left to do or blocked, and an empty case is
not shown as checked. Property tests over generated cases and over edits of the examples."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_core.checker import check, has_errors
from foi_core.models import Case, CaseStatus, ClaimMode, Conclusion, Outcome
from foi_core.steps import STEP_KEYS
from foi_core.workflow import Status, duplicate_case, new_case, step_statuses
from tests.case_strategies import valid_cases
from tests.conftest import EXAMPLES, example_case

EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.json"))
FINISHED = {Status.DONE, Status.NOT_NEEDED, Status.READY}
UNFINISHED = {Status.TO_DO, Status.BLOCKED, Status.RECHECK}


def assert_agree(case: Case) -> None:
    findings = check(case)
    statuses = {s.key: s.status for s in step_statuses(case, findings)}
    assert statuses == {s.key: s.status for s in step_statuses(case)}  # worked out the same
    if has_errors(findings):
        assert not set(statuses.values()) <= FINISHED, (findings, statuses)
        read_only = case.status in (CaseStatus.ISSUED, CaseStatus.CLOSED)  # never "attention"
        assert statuses["check"] is (Status.DONE if read_only else Status.ATTENTION)
        assert statuses["letter"] not in (Status.READY,)
        for finding in findings:
            if finding.severity == "error" and not (read_only and finding.step == "check"):
                assert statuses[finding.step] not in FINISHED, (finding, statuses)
    else:
        assert not set(statuses.values()) & UNFINISHED, (findings, statuses)


def _edit(case: Case, rng: random.Random) -> Case:
    """One plausible officer's edit: clear a part of the reasoning, change an outcome, flip a
    claim's mode or conclusion, mark a step for re-checking."""
    edited = case.model_copy(deep=True)
    choice = rng.randrange(8)
    items, claims = edited.request.items, edited.claims
    if choice == 0 and items:
        rng.choice(items).outcome = rng.choice([None, *Outcome])
    elif choice == 1 and items:
        rng.choice(items).answer = ""
    elif choice == 2 and claims:
        rng.choice(claims).harm = None
    elif choice == 3 and claims:
        claim = rng.choice(claims)
        if claim.pit is not None:
            claim.pit.factors = [f for f in claim.pit.factors if rng.random() < 0.5]
    elif choice == 4 and claims:
        claim = rng.choice(claims)
        claim.mode = rng.choice(list(ClaimMode))
    elif choice == 5 and claims:
        claim = rng.choice(claims)
        if claim.pit is not None and claim.pit.balance is not None:
            claim.pit.balance.conclusion = rng.choice(list(Conclusion))
    elif choice == 6:
        edited.recheck_steps = [rng.choice(STEP_KEYS[:6])]
    elif choice == 7 and claims:
        dropped = rng.choice(claims).id
        data = edited.model_dump()
        data["claims"] = [c for c in data["claims"] if c["id"] != dropped]
        data["aggregate_balances"] = [
            a for a in data["aggregate_balances"] if dropped not in a["claim_ids"]
        ]
        return Case.model_validate(data)
    return Case.model_validate(edited.model_dump())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases())
def test_generated_cases_stepper_agrees_with_check(case: Case) -> None:
    assert_agree(case)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(EXAMPLE_NAMES), st.integers(0, 2**32), st.integers(1, 4))
def test_edited_examples_stepper_agrees_with_check(name: str, seed: int, edits: int) -> None:
    rng = random.Random(seed)
    case = example_case(name)
    for _ in range(edits):
        case = _edit(case, rng)
    assert_agree(case)


def test_empty_case_is_not_checked() -> None:
    case = new_case("FOI-1", dt.date(2026, 3, 2))
    statuses = {s.key: s.status for s in step_statuses(case, check(case))}
    assert statuses["check"] is not Status.DONE
    assert statuses["request"] is Status.TO_DO
    assert statuses["letter"] is not Status.READY


def test_copied_case_cannot_go_out_unchecked() -> None:
    earlier = example_case("doorbell-camera-ncnd")
    copy = duplicate_case(earlier, "FOI-NEW", earlier.request.received + dt.timedelta(days=60))
    findings = check(copy)
    rule_ids = {f.rule_id for f in findings}
    assert "step-needs-recheck" in rule_ids and "decision-before-request" in rule_ids
    assert copy.decision_maker == ""
    statuses = {s.key: s.status for s in step_statuses(copy, findings)}
    assert statuses["letter"] is not Status.READY
    assert Status.RECHECK in statuses.values()


def test_a_rule_on_a_step_the_stepper_thought_not_needed_makes_it_needed() -> None:
    # Before: an s12 claim on a withheld item was an error on the Balance step (no estimate)
    # while the stepper called that step "not needed".
    from foi_core.models import ExemptionClaim, RequestItem

    case = new_case("FOI-2", dt.date(2026, 3, 2))
    case.request.items = [RequestItem(number=1, text="All logs.", outcome=Outcome.EXEMPT)]
    case.claims = [ExemptionClaim(citation="s12(1)", items=[1])]
    case = Case.model_validate(case.model_dump())
    findings = check(case)
    balance_errors = [f for f in findings if f.step == "balance" and f.severity == "error"]
    statuses = {s.key: s.status for s in step_statuses(case, findings)}
    assert balance_errors and statuses["balance"] is not Status.NOT_NEEDED
    assert_agree(case)
