"""What to do next (foi_core.workflow.next_action): it follows the statuses (never a finished
step while errors remain), then the case's life; an issued case has nothing to do."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_core.checker import check, has_errors
from foi_core.models import Case, CaseStatus
from foi_core.people.rules import Policy
from foi_core.workflow import Status, new_case, next_action, step_statuses
from tests.case_factory import correct_case, good_profile
from tests.case_strategies import valid_cases
from tests.conftest import example_case
from tests.test_statuses_agree import EXAMPLE_NAMES, _edit

FINISHED = {Status.DONE, Status.NOT_NEEDED}
TODAY = dt.date(2024, 2, 1)


def assert_points_at_work(case: Case) -> None:
    findings = check(case)
    action = next_action(case, findings)
    statuses = {s.key: s.status for s in step_statuses(case, findings)}
    if case.status in (CaseStatus.ISSUED, CaseStatus.CLOSED):
        assert action.step is None and "nothing to do" in action.text
        return
    if has_errors(findings):
        assert action.step is not None, action
        assert statuses[action.step] not in FINISHED, (action, statuses)
        assert statuses[action.step] is not Status.READY
    assert action.text and "needs attention" not in action.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases())
def test_generated_cases_next_action_points_at_work(case: Case) -> None:
    assert_points_at_work(case)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(EXAMPLE_NAMES), st.integers(0, 2**32), st.integers(1, 4))
def test_edited_examples_next_action_points_at_work(name: str, seed: int, edits: int) -> None:
    rng = random.Random(seed)
    case = example_case(name)
    for _ in range(edits):
        case = _edit(case, rng)
    assert_points_at_work(case)


@given(st.sampled_from(list(CaseStatus)))
def test_only_issued_and_closed_cases_have_nothing_to_do(status: CaseStatus) -> None:
    case = correct_case()
    case.status = status
    action = next_action(case, check(case, good_profile(), today=TODAY))
    assert (action.step is None) == (status in (CaseStatus.ISSUED, CaseStatus.CLOSED))
    if status is CaseStatus.ISSUED:
        assert action.text.startswith("Issued: nothing to do; reopen it on the Letter page")


def test_empty_case_starts_at_the_request() -> None:
    case = new_case("FOI-1", dt.date(2026, 3, 2))
    assert next_action(case).step == "request"


def test_a_clean_draft_is_submitted_where_approval_is_required_else_issued() -> None:
    case = correct_case()
    findings = check(case, good_profile(), today=TODAY)
    strict = next_action(case, findings, Policy())
    assert strict == next_action(case, findings)  # strict unless told otherwise
    assert (strict.step, strict.text) == ("letter", "Next: submit for approval on the Letter page")
    relaxed = next_action(case, findings, Policy(require_approval=False))
    assert relaxed.step == "letter" and "issue it" in relaxed.text
    case.status = CaseStatus.SUBMITTED
    assert next_action(case, findings).text.startswith("Waiting for approval")
    case.status = CaseStatus.APPROVED
    assert "issue it" in next_action(case, findings).text


def test_the_first_unfinished_step_comes_first_with_its_reason() -> None:
    case = correct_case()
    case.request.items[0].answer = ""
    case.claims[0].harm = None
    action = next_action(case, check(case, good_profile(), today=TODAY))
    assert action.step == "items"
    assert action.text.startswith("Next: Items — ")


def test_a_step_marked_recheck_is_next() -> None:
    case = correct_case()
    case.recheck_steps = ["harm"]
    action = next_action(case, check(case, good_profile(), today=TODAY))
    assert action.step == "harm" and "earlier answer changed" in action.text


def test_the_next_action_names_the_claim_or_item_it_is_about() -> None:
    case = correct_case()
    case.claims[0].harm = None
    action = next_action(case, check(case, good_profile(), today=TODAY))
    assert (action.step, action.about) == ("harm", case.claims[0].citation)
    case = correct_case()
    case.request.items[0].answer = ""
    action = next_action(case, check(case, good_profile(), today=TODAY))
    assert (action.step, action.about) == ("items", "item 1")


def test_every_step_has_a_guided_example_box() -> None:
    from foi_core.knowledge import load_catalogue
    from foi_core.steps import STEPS

    for step in STEPS:
        text = load_catalogue().guidance(step.key).guided
        assert 2 <= text.count(". ") + 1 <= 4, (step.key, text)  # two or three sentences
