"""The register's and the statistics' per-case facts (foi_core.register.case_facts): the s45
categories, processed, in time and late, extensions, sections and working-day ordinals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_core.deadlines import case_deadlines, working_days_between, working_days_left
from foi_core.models import (
    Case,
    CaseKind,
    CaseStatus,
    ExemptionClaim,
    InternalReview,
    Outcome,
    PITExtension,
    RequestItem,
    TrainingLink,
    pinned_today,
)
from foi_core.register import (
    Category,
    case_facts,
    category_of,
    days_left,
    working_day_ordinal,
)
from tests.case_factory import RECEIVED, correct_case, minimal_case
from tests.case_strategies import valid_cases

DUE = dt.date(2024, 2, 5)  # 20 working days after RECEIVED


@pytest.fixture(autouse=True, scope="module")
def _pinned() -> Iterator[None]:
    with pinned_today(dt.date(2027, 1, 15)):
        yield


def item(number: int, outcome: Outcome | None) -> RequestItem:
    return RequestItem(number=number, text=f"Question {number}", outcome=outcome)


def issued(*outcomes: Outcome | None, **changes: object) -> Case:
    items = [item(n, o) for n, o in enumerate(outcomes, start=1)]
    return minimal_case(*items, **{"status": CaseStatus.ISSUED, **changes})


# --- categories ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcomes", "category"),
    [
        ([Outcome.DISCLOSED], Category.GRANTED_IN_FULL),
        ([Outcome.DISCLOSED, Outcome.DISCLOSED], Category.GRANTED_IN_FULL),
        ([Outcome.NOT_HELD, Outcome.NOT_HELD], Category.NOT_HELD),
        ([Outcome.EXEMPT], Category.REFUSED_IN_FULL),
        ([Outcome.NCND, Outcome.NOT_HELD], Category.REFUSED_IN_FULL),
        ([Outcome.COST_LIMIT], Category.REFUSED_IN_FULL),
        ([Outcome.VEXATIOUS], Category.REFUSED_IN_FULL),
        ([Outcome.ACCESSIBLE_ELSEWHERE], Category.REFUSED_IN_FULL),  # s21: not sent
        ([Outcome.PARTLY_DISCLOSED], Category.PARTLY_DISCLOSED),
        ([Outcome.PARTLY_DISCLOSED, Outcome.EXEMPT], Category.PARTLY_DISCLOSED),
        ([Outcome.DISCLOSED, Outcome.EXEMPT], Category.PARTLY_DISCLOSED),
        ([Outcome.DISCLOSED, Outcome.NOT_HELD], Category.PARTLY_DISCLOSED),
        ([Outcome.DISCLOSED, Outcome.ACCESSIBLE_ELSEWHERE], Category.PARTLY_DISCLOSED),
        ([Outcome.DISCLOSED, None], Category.PARTLY_DISCLOSED),
        ([], Category.PARTLY_DISCLOSED),
    ],
)
def test_categories_follow_the_definitions(
    outcomes: list[Outcome | None], category: Category
) -> None:
    assert category_of(outcomes) is category
    if outcomes:
        assert case_facts(issued(*outcomes)).category is category


def test_an_open_case_has_no_category_and_is_neither_in_time_nor_late() -> None:
    facts = case_facts(minimal_case())
    assert (facts.processed, facts.category, facts.in_time, facts.late) == (
        False,
        None,
        False,
        False,
    )
    assert facts.open


def test_issued_without_a_response_date_is_not_processed() -> None:
    facts = case_facts(issued(Outcome.DISCLOSED, response_date=None))
    assert not facts.processed and facts.category is None


def test_closed_with_a_response_date_is_processed() -> None:
    facts = case_facts(issued(Outcome.NOT_HELD, status=CaseStatus.CLOSED))
    assert facts.processed and facts.category is Category.NOT_HELD and not facts.open


# --- in time, late, extended ---------------------------------------------------------------


def test_answered_on_the_due_day_is_in_time_and_the_day_after_is_late() -> None:
    on_time = case_facts(issued(Outcome.DISCLOSED, response_date=DUE))
    assert (on_time.in_time, on_time.late, on_time.due, on_time.s10_due) == (True, False, DUE, DUE)
    late = case_facts(issued(Outcome.DISCLOSED, response_date=DUE + dt.timedelta(days=1)))
    assert (late.in_time, late.late, late.extended) == (False, True, False)


def test_an_answer_within_a_notified_extension_is_in_time_and_extended() -> None:
    extension = PITExtension(estimated_date=dt.date(2024, 3, 4), notified_on=DUE)
    facts = case_facts(
        issued(Outcome.EXEMPT, pit_extension=extension, response_date=dt.date(2024, 3, 1))
    )
    assert (facts.in_time, facts.late, facts.extended) == (True, False, True)
    assert (facts.due, facts.s10_due) == (dt.date(2024, 3, 4), DUE)


def test_an_extension_notified_after_the_due_date_does_not_make_the_answer_in_time() -> None:
    extension = PITExtension(estimated_date=dt.date(2024, 3, 4), notified_on=dt.date(2024, 2, 8))
    facts = case_facts(
        issued(Outcome.EXEMPT, pit_extension=extension, response_date=dt.date(2024, 3, 1))
    )
    assert (facts.in_time, facts.late, facts.extended) == (False, True, True)


def test_an_answer_after_the_extension_date_is_late() -> None:
    extension = PITExtension(estimated_date=dt.date(2024, 3, 4))
    facts = case_facts(
        issued(Outcome.EXEMPT, pit_extension=extension, response_date=dt.date(2024, 3, 5))
    )
    assert facts.late and facts.extended


def test_an_extension_date_before_the_due_date_is_no_extension() -> None:
    extension = PITExtension(estimated_date=dt.date(2024, 1, 30))
    facts = case_facts(issued(Outcome.EXEMPT, pit_extension=extension))
    assert not facts.extended and facts.due == DUE


def test_a_review_is_in_time_within_20_working_days_of_being_asked_for() -> None:
    asked = dt.date(2024, 3, 1)
    review = InternalReview(requested_on=asked, decided_on=dt.date(2024, 3, 20))
    case = issued(Outcome.DISCLOSED, kind=CaseKind.INTERNAL_REVIEW, review=review, linked_case="x")
    assert case_facts(case.model_copy(update={"response_date": dt.date(2024, 3, 28)})).in_time
    late = case_facts(case.model_copy(update={"response_date": dt.date(2024, 4, 10)}))
    assert late.late and late.kind is CaseKind.INTERNAL_REVIEW and late.s10_due is None


# --- sections, counts, training ------------------------------------------------------------


def test_sections_come_from_claims_and_the_outcomes_that_name_their_own() -> None:
    facts = case_facts(correct_case())
    assert facts.sections == ("s12", "s21", "s23", "s24", "s30", "s31", "s36", "s40")
    assert facts.items_with(Outcome.EXEMPT) == 3 and facts.items_with("not_held") == 1
    assert facts.items_with(Outcome.VEXATIOUS) == 0


def test_sections_are_section_level_and_sorted_by_number() -> None:
    claims = [
        ExemptionClaim(citation="s40(2)", items=[1]),
        ExemptionClaim(citation="s31(1)(a)", further_limbs=["s31(1)(b)"], items=[1]),
        ExemptionClaim(citation="s31(3)", items=[1]),
    ]
    facts = case_facts(issued(Outcome.EXEMPT, claims=claims))
    assert facts.sections == ("s31", "s40")
    assert facts.outcome_items == (("exempt", 1),)


def test_a_training_attempt_is_flagged() -> None:
    link = TrainingLink(scenario_id="s40-bodycam")
    facts = case_facts(minimal_case(kind=CaseKind.TRAINING, training=link))
    assert facts.training and facts.kind is CaseKind.TRAINING
    assert not case_facts(minimal_case()).training


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases(), st.sampled_from(list(CaseStatus)))
def test_exactly_one_category_when_processed_and_in_time_xor_late(
    case: Case, status: CaseStatus
) -> None:
    facts = case_facts(case.model_copy(update={"status": status}))
    if facts.processed:
        assert isinstance(facts.category, Category)
        assert facts.in_time != facts.late
    else:
        assert facts.category is None
        assert not facts.in_time and not facts.late
    assert facts.processed == (
        status in (CaseStatus.ISSUED, CaseStatus.CLOSED) and case.response_date is not None
    )
    assert facts.received == case.request.received
    numbers = [int("".join(ch for ch in s if ch.isdigit())) for s in facts.sections]
    assert len(set(facts.sections)) == len(numbers) and numbers == sorted(numbers)
    assert sum(count for _, count in facts.outcome_items) == len(case.request.items)
    if facts.s10_due is not None:
        assert facts.s10_due == case_deadlines(case).due


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*Outcome, None]), max_size=6))
def test_the_categories_partition_the_outcomes(outcomes: list[Outcome | None]) -> None:
    category = category_of(outcomes)
    given_some = any(o in (Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED) for o in outcomes)
    if category is Category.GRANTED_IN_FULL:
        assert outcomes and set(outcomes) == {Outcome.DISCLOSED}
    if category is Category.REFUSED_IN_FULL:
        assert not given_some
    if category is Category.NOT_HELD:
        assert outcomes and set(outcomes) == {Outcome.NOT_HELD}


# --- working-day ordinals -----------------------------------------------------------------------

_days = st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31))


@settings(max_examples=300, deadline=None)
@given(_days, st.integers(0, 400))
def test_ordinals_count_working_days_between(start: dt.date, span: int) -> None:
    end = start + dt.timedelta(days=span)
    assert working_day_ordinal(end) - working_day_ordinal(start) == working_days_between(start, end)


@settings(max_examples=300, deadline=None)
@given(_days, _days)
def test_days_left_from_ordinals_matches_working_days_left(due: dt.date, today: dt.date) -> None:
    left = days_left(working_day_ordinal(due), working_day_ordinal(today), overdue=today > due)
    assert left == working_days_left(due, today)


def test_received_is_day_0() -> None:
    assert working_day_ordinal(DUE) - working_day_ordinal(RECEIVED) == 20
