"""The Case model: exact JSON round trips and plain-English validation errors."""

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from foi_core.models import (
    ACT_IN_FORCE,
    MAX_MINUTES_EACH,
    SCHEMA_VERSION,
    Balance,
    Case,
    ClaimMode,
    Conclusion,
    CostEstimate,
    CostLine,
    ExemptionClaim,
    Factor,
    HarmAssessment,
    Likelihood,
    Outcome,
    PublicInterestTest,
    Request,
    RequestItem,
    Side,
    Weight,
    clean_text,
    explain_errors,
    field_label,
    today,
)

# Any text a case can hold: no NUL and no lone surrogate (other controls are removed).
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=200)
words = text.filter(lambda value: clean_text(value).strip())


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """Arbitrary valid cases, including awkward text, to test the JSON round trip."""
    item_count = draw(st.integers(min_value=1, max_value=5))
    items = [
        RequestItem(
            number=n,
            text=draw(words),
            outcome=draw(st.none() | st.sampled_from(list(Outcome))),
            answer=draw(text),
        )
        for n in range(1, item_count + 1)
    ]
    factors = [
        Factor(
            side=draw(st.sampled_from(list(Side))),
            text=draw(words),
            rationale=draw(text),
            weight=draw(st.sampled_from(list(Weight))),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=4)))
    ]
    claim = ExemptionClaim(
        citation="s31(1)(a)",
        items=draw(st.lists(st.integers(1, item_count), max_size=item_count)),
        mode=draw(st.sampled_from(list(ClaimMode))),
        harm=HarmAssessment(
            causal_chain=draw(text), likelihood=draw(st.none() | st.sampled_from(list(Likelihood)))
        ),
        pit=PublicInterestTest(
            factors=factors,
            balance=Balance(conclusion=Conclusion.MAINTAIN, reasoning=draw(text)),
        ),
    )
    minutes = draw(st.floats(min_value=0, max_value=MAX_MINUTES_EACH))
    return Case(
        request=Request(
            our_ref=draw(words),
            received=draw(st.dates(ACT_IN_FORCE, today())),
            text=draw(text),
            items=items,
        ),
        claims=[claim],
        cost_estimate=CostEstimate(
            lines=[CostLine(activity="extract", records=3, minutes_each=minutes)]
        ),
    )


@settings(max_examples=60, deadline=None)
@given(cases())
def test_json_round_trip_is_exact(case: Case) -> None:
    text_once = case.to_json()
    again = Case.from_json(text_once)
    assert again == case
    assert again.to_json() == text_once


def test_new_case_carries_schema_version() -> None:
    case = Case(request=Request(our_ref="FOI/1", received=dt.date(2026, 3, 2)))
    assert json.loads(case.to_json())["schema_version"] == SCHEMA_VERSION


def test_unknown_schema_version_is_refused() -> None:
    data = json.loads(Case(request=Request(our_ref="A", received=dt.date(2026, 1, 5))).to_json())
    data["schema_version"] = 99
    with pytest.raises(ValidationError):
        Case.model_validate(data)


def test_errors_name_the_field_in_plain_english() -> None:
    with pytest.raises(ValidationError) as caught:
        Request(our_ref="  ", received="2026-02-30")
    problems = {p.field: p.message for p in explain_errors(caught.value)}
    assert problems["our_ref"] == "our reference cannot be blank."
    assert "YYYY-MM-DD" in problems["received"]
    assert field_label("request.our_ref") == "our reference"


def test_citation_must_look_like_a_provision() -> None:
    with pytest.raises(ValidationError) as caught:
        ExemptionClaim(citation="section thirty-one", items=[1])
    (problem,) = explain_errors(caught.value)
    assert problem.field == "citation"
    assert "s31(1)(a)" in problem.message


def test_items_must_be_numbered_in_order() -> None:
    with pytest.raises(ValidationError, match="numbered 1, 2, 3"):
        Request(
            our_ref="A",
            received=dt.date(2026, 1, 5),
            items=[RequestItem(number=2, text="x")],
        )


def test_claim_cannot_name_a_missing_item() -> None:
    request = Request(
        our_ref="A", received=dt.date(2026, 1, 5), items=[RequestItem(number=1, text="x")]
    )
    with pytest.raises(ValidationError, match=r"names item\(s\) \[2\]"):
        Case(request=request, claims=[ExemptionClaim(citation="s24(1)", items=[1, 2])])


def test_negative_cost_figures_are_refused_with_a_message() -> None:
    with pytest.raises(ValidationError) as caught:
        CostLine(activity="locate", records=-1, minutes_each=3)
    (problem,) = explain_errors(caught.value)
    assert (problem.field, problem.message) == ("records", "This must be 0 or more.")


def test_cost_estimate_totals() -> None:
    estimate = CostEstimate(lines=[CostLine(activity="extract", records=1144, minutes_each=3)])
    assert estimate.total_hours == pytest.approx(57.2)
    assert estimate.limit_hours == 18
    assert estimate.exceeds_limit


def test_pit_splits_factors_by_side() -> None:
    pit = PublicInterestTest(
        factors=[Factor(side="for", text="Transparency"), Factor(side="against", text="Tactics")]
    )
    assert [f.text for f in pit.factors_for] == ["Transparency"]
    assert [f.text for f in pit.factors_against] == ["Tactics"]
