"""The Balance step's officer actions (foi_core.actions.balance): each checks what was typed and
returns the new case or the problems at the page's field names, never an exception."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi_core.actions.balance import (
    CostRow,
    Decision,
    add_combined_balance,
    cost_estimate_applies,
    extension_dates,
    preview_cost_estimate,
    remove_combined_balance,
    remove_pit_extension,
    set_balance,
    set_cost_estimate,
    set_legitimate_interests,
    set_pit_extension,
    set_qp_opinion,
)
from foi_core.models import (
    ACT_IN_FORCE,
    Balance,
    Case,
    Conclusion,
    CostActivity,
    ExtensionStatus,
    pinned_today,
)
from tests.case_factory import DECIDED, RESPONDED, correct_case

TODAY = dt.date(2024, 2, 1)
GOOD = Decision(Conclusion.MAINTAIN, "  Harm outweighs.  ", "Information Manager", DECIDED)
NUL = "bad\x00text"


def fields(result) -> set[str]:
    assert not result.ok and result.case is None
    return {problem.field for problem in result.problems}


@pytest.fixture
def case() -> Case:
    with pinned_today(TODAY):
        yield correct_case()


# --- The conclusion of one public interest test ----------------------------------------------


def test_set_balance_keeps_the_factors_and_marks_later_steps(case):
    claim = case.claim("anpr-s31")
    result = set_balance(case, "anpr-s31", GOOD, today=TODAY)
    assert result.ok and result.summary == "Conclusion saved for s31(1)(a)"
    saved = result.case.claim("anpr-s31").pit
    assert saved.balance == Balance(
        conclusion=Conclusion.MAINTAIN,
        reasoning="Harm outweighs.",
        decided_by="Information Manager",
        decided_on=DECIDED,
    )
    assert saved.factors == claim.pit.factors
    assert "balance" not in result.case.recheck_steps
    assert case.claim("anpr-s31").pit.balance.reasoning != "Harm outweighs."  # input untouched


def test_set_balance_needs_a_conclusion_and_reasons():
    result = set_balance(correct_case(), "anpr-s31", Decision(reasoning="  "), today=TODAY)
    assert fields(result) == {"balance.anpr-s31.conclusion", "balance.anpr-s31.reasoning"}
    assert result.problems[0].message == "Choose a conclusion."


def test_set_balance_refuses_a_nul_at_its_field():
    decision = Decision(Conclusion.DISCLOSE, "ok", NUL, DECIDED)
    result = set_balance(correct_case(), "anpr-s31", decision, today=TODAY)
    assert fields(result) == {"balance.anpr-s31.decided_by"}
    assert "NUL" in result.problems[0].message


def test_set_balance_for_a_claim_no_longer_there():
    assert fields(set_balance(correct_case(), "gone", GOOD, today=TODAY)) == {"case"}


@given(offset=st.integers(min_value=-3000, max_value=3000))
def test_a_decision_date_is_refused_exactly_when_it_is_after_today(offset):
    day = TODAY + dt.timedelta(days=offset)
    decision = Decision(Conclusion.MAINTAIN, "Reasons.", "", day)
    with pinned_today(TODAY):
        result = set_balance(correct_case(), "anpr-s31", decision)
    if offset > 0:
        assert "balance.anpr-s31.decided_on" in fields(result)
        assert any("cannot be in the future" in p.message for p in result.problems)
    elif day < ACT_IN_FORCE:
        assert fields(result) == {"balance.anpr-s31.decided_on"}  # the model's own bound
    else:
        assert result.ok and result.case.claim("anpr-s31").pit.balance.decided_on == day


# --- Combined balance --------------------------------------------------------------------------


def test_combined_balance_is_added_over_the_shared_items(case):
    result = add_combined_balance(case, ["anpr-s31", "anpr-s24"], [], GOOD, today=TODAY)
    assert result.ok
    added = result.case.aggregate_balances[-1]
    assert added.claim_ids == ["anpr-s31", "anpr-s24"] and added.items == [2]
    assert added.reasoning == "Harm outweighs."
    removed = remove_combined_balance(result.case, added.id)
    assert removed.ok and added.id not in [a.id for a in removed.case.aggregate_balances]


def test_combined_balance_needs_two_claims(case):
    result = add_combined_balance(case, ["anpr-s31"], [], GOOD, today=TODAY)
    assert fields(result) == {"aggregate.claim_ids"}
    assert result.problems[0].message == "Choose at least 2."


def test_combined_balance_refuses_items_not_every_claim_covers(case):
    result = add_combined_balance(case, ["anpr-s31", "anpr-s24"], [9], Decision(), today=TODAY)
    assert fields(result) == {"aggregate.items", "agg.conclusion", "agg.reasoning"}
    assert "item 9" in result.problems[0].message


def test_combined_balance_only_for_qualified_claims(case):
    result = add_combined_balance(case, ["anpr-s31", "crime-s21"], [], GOOD, today=TODAY)
    assert "aggregate.claim_ids" in fields(result)


# --- s36 and s40 -------------------------------------------------------------------------------


def test_qp_opinion_needs_a_name_and_a_date_before_the_response(case):
    late = RESPONDED + dt.timedelta(days=1)
    result = set_qp_opinion(case, "advice-s36", name=" ", opinion_date=late)
    assert fields(result) == {"qp.advice-s36.name", "qp.advice-s36.opinion_date"}
    result = set_qp_opinion(case, "advice-s36", name="Chief Constable", reasons=" Why. ")
    assert result.ok
    assert result.case.claim("advice-s36").qp_opinion.reasons == "Why."
    assert fields(set_qp_opinion(case, "advice-s36", name="A", limb=NUL)) == {"qp.advice-s36.limb"}


def test_legitimate_interests_are_saved_and_a_nul_is_refused(case):
    result = set_legitimate_interests(
        case,
        "company-s40",
        legitimate_interest="Accountability.",
        necessity=None,
        balancing="Privacy wins.",
        disclosure_lawful=False,
    )
    assert result.ok and result.summary == "Legitimate interests saved for s40(2)"
    record = result.case.claim("company-s40").legitimate_interests
    assert (record.necessity, record.disclosure_lawful) == ("", False)
    refused = set_legitimate_interests(
        case,
        "company-s40",
        legitimate_interest="x",
        necessity=NUL,
        balancing="",
        disclosure_lawful=None,
    )
    assert fields(refused) == {"li.company-s40.necessity"}


# --- s12 ---------------------------------------------------------------------------------------


def rows(*typed: tuple) -> list[CostRow]:
    return [CostRow(index, *values) for index, values in enumerate(typed)]


def test_cost_estimate_counts_lines_with_an_activity(case):
    assert cost_estimate_applies(case)
    typed = rows(
        (CostActivity.EXTRACT, "Read each log", 1144, 3.0),
        (None, "", 0, 0),  # an empty row is ignored
        (CostActivity.LOCATE, "Removed", 5, 1.0, True),
    )
    result = set_cost_estimate(
        case, typed, hourly_rate=25, limit_pounds=450, method=" Sample. ", s16_advice=None
    )
    assert result.ok
    estimate = result.case.cost_estimate
    assert [line.records for line in estimate.lines] == [1144]
    assert (estimate.method, estimate.s16_advice) == ("Sample.", "")
    assert estimate.exceeds_limit


def test_cost_line_with_figures_needs_an_activity(case):
    result = set_cost_estimate(
        case, rows((None, "Read each log", 10, 0)), hourly_rate=25, limit_pounds=450
    )
    assert fields(result) == {"cost.lines.0"}
    assert result.problems[0].message.startswith("Choose an activity.")


@pytest.mark.parametrize(
    ("row", "rate", "limit", "where"),
    [
        ((CostActivity.EXTRACT, NUL, 1, 1.0), 25, 450, "cost.lines.0"),
        ((CostActivity.EXTRACT, "", 10**12, 1.0), 25, 450, "cost.lines.0"),
        ((CostActivity.EXTRACT, "", 1, float("nan")), 25, 450, "cost.lines.0"),
        ((CostActivity.EXTRACT, "", 2.5, 1.0), 25, 450, "cost.lines.0"),
        ((CostActivity.EXTRACT, "", 1, 1.0), float("inf"), 450, "cost.hourly_rate"),
        ((CostActivity.EXTRACT, "", 1, 1.0), 25, 1e300, "cost.limit_pounds"),
        ((CostActivity.EXTRACT, "", 1, 1.0), 0, 450, "cost.hourly_rate"),
    ],
)
def test_absurd_cost_figures_are_field_problems(case, row, rate, limit, where):
    preview = preview_cost_estimate(rows(row), rate, limit)
    assert [p.field for p in preview] == [where]
    result = set_cost_estimate(case, rows(row), hourly_rate=rate, limit_pounds=limit)
    assert fields(result) == {where}


def test_cost_preview_totals_while_typing():
    estimate = preview_cost_estimate(rows((CostActivity.LOCATE, "", 60, 1.0)), 25, 450)
    assert estimate.total_hours == 1 and not estimate.exceeds_limit


def test_cost_estimate_method_with_a_nul(case):
    result = set_cost_estimate(case, [], hourly_rate=25, limit_pounds=450, method=NUL)
    assert fields(result) == {"cost.method"}


# --- s10(3) extension --------------------------------------------------------------------------


def test_extension_must_come_after_the_due_date(case):
    due, default = extension_dates(case)
    assert due is not None and default > due
    result = set_pit_extension(case, estimated_date=due)
    assert fields(result) == {"ext.estimated_date"}
    assert "must be after the due date" in result.problems[0].message
    assert fields(set_pit_extension(case, estimated_date=None)) == {"ext.estimated_date"}


def test_extension_is_saved_and_completion_dated_once(case):
    result = set_pit_extension(
        case, estimated_date=extension_dates(case)[1], decision_maker=" Head ", today=TODAY
    )
    assert result.ok and result.case.pit_extension.decision_maker == "Head"
    assert result.case.pit_extension.status is ExtensionStatus.PLANNED
    done = set_pit_extension(
        result.case,
        estimated_date=extension_dates(case)[1],
        status=ExtensionStatus.COMPLETED,
        today=TODAY,
    )
    assert done.case.pit_extension.completed_on == TODAY
    later = set_pit_extension(
        done.case,
        estimated_date=extension_dates(case)[1],
        status=ExtensionStatus.COMPLETED,
        today=TODAY + dt.timedelta(days=3),
    )
    assert later.case.pit_extension.completed_on == TODAY
    removed = remove_pit_extension(later.case)
    assert removed.ok and removed.case.pit_extension is None


def test_extension_reason_with_a_nul(case):
    result = set_pit_extension(case, estimated_date=extension_dates(case)[1], reason=NUL)
    assert fields(result) == {"ext.reason"}
