"""What a copy of an earlier case may still say about the earlier request (foi_core.stale)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from foi_core.checker import check
from foi_core.models import Case
from foi_core.stale import copy_origin, dismiss, specifics, stale_points, step_of
from foi_core.workflow import duplicate_case

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "doorbell-camera-ncnd.json"
NEW_REQUEST = "Does the force work with any doorbell camera company? How many requests in 2024?"


@pytest.fixture
def original() -> Case:
    return Case.from_json(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def copy(original: Case) -> Case:
    return duplicate_case(original, "NEW/1", dt.date(2026, 11, 2))


def stale(case: Case) -> list[str]:
    return [f.message for f in check(case) if f.rule_id == "copied-text-may-be-stale"]


def test_specifics_are_numbers_years_and_proper_nouns_not_sentence_starts():
    text = "Please tell me about Ring. How many requests did Kent Police make in 2021 (30 June)?"
    assert specifics(text) == ["2021", "30", "Ring", "Kent", "Police", "June"]


def test_a_copy_remembers_the_earlier_case(original, copy):
    assert copy.copied_from is not None and copy.copied_from.ref == original.request.our_ref
    assert "2021" in copy.copied_from.specifics and "Ring" in copy.copied_from.specifics
    assert copy.copied_from == copy_origin(original).model_copy(update={})


def test_copied_decision_dates_and_decision_makers_are_flagged_on_the_balance_step(copy):
    points = stale_points(copy)
    assert points and {p.step for p in points} == {"balance"}
    assert any("5 August 2025" in p.what for p in points)
    assert any("Information Manager" in p.what for p in points)
    assert stale(copy)  # the checker warns too


def test_an_edited_value_is_no_longer_flagged(copy):
    before = len(stale_points(copy))
    copy.claims[0].pit.balance.decided_by = "Head of Information"
    after = stale_points(copy)
    assert len(after) == before - 1
    assert all("Head of Information" not in p.what for p in after)


def test_words_naming_the_earlier_request_are_flagged_once_the_new_request_drops_them(copy):
    copy.claims[0].harm.causal_chain += " Ring shared footage with us in 2021."
    # While the copy still holds the earlier request, the words describe it: nothing to flag.
    assert not [p for p in stale_points(copy) if p.path.endswith("causal_chain")]
    copy.request.text = NEW_REQUEST
    copy.request.items = []
    flagged = {p.needle for p in stale_points(copy) if p.path.endswith("causal_chain")}
    assert flagged == {"Ring", "2021"}
    point = next(p for p in stale_points(copy) if p.needle == "Ring")
    assert point.step == "harm" and "causal chain" in point.what and "Ring" in point.what


def test_stale_points_against_the_original_case_directly(original, copy):
    copy.copied_from = None
    assert stale_points(copy) == []
    assert stale_points(copy, original)  # the original given: same points


def test_a_dismissed_point_is_not_flagged_again(copy):
    points = stale_points(copy)
    dismissed = dismiss(copy, points[0])
    assert points[0].key in dismissed.dismissed_suggestions
    assert stale_points(dismissed) == points[1:]
    assert dismiss(dismissed, points[0]) is dismissed


def test_a_case_that_is_not_a_copy_has_nothing_stale(original):
    assert stale_points(original) == [] and stale(original) == []


@pytest.mark.parametrize(
    ("path", "step"),
    [
        ("request.items[2].answer", "items"),
        ("claims[a].harm.causal_chain", "harm"),
        ("claims[a].pit.factors[f].text", "public_interest"),
        ("claims[a].pit.balance.reasoning", "balance"),
        ("aggregate_balances[x].reasoning", "balance"),
        ("overall_harm", "harm"),
        ("response_date", "letter"),
    ],
)
def test_each_field_belongs_to_its_step(path, step):
    assert step_of(path) == step


# --- Re-splitting the copy's request keeps item-to-claim links where the text still matches ---


def test_resplitting_a_copy_keeps_claims_on_items_whose_text_still_matches(copy):
    from foi_core.workflow import set_items
    from foi_core.workflow.splitting import match_items

    texts = [item.text for item in copy.request.items]
    claimed = {n for claim in copy.claims for n in claim.items}
    first = min(claimed)
    # The new request asks the first claimed question again, in other words' case and spacing
    # and for another year, after a new question of its own; one question is dropped.
    reworded = texts[first - 1].upper().replace("2021", "2024").replace(" ", "  ")
    resplit = set_items(copy, ["A new question about doorbell apps?", reworded, *texts[first:]])
    kept = resplit.request.items[1]
    assert kept.outcome == copy.request.items[first - 1].outcome
    before = [c.citation for c in copy.claims if first in c.items]
    assert [c.citation for c in resplit.claims if 2 in c.items] == before
    assert resplit.request.items[0].outcome is None  # the new question starts blank
    assert match_items(["How many in 2021?", "Who?"], ["who", "how many in 2024"]) == {0: 1, 1: 0}


def test_an_item_matches_by_text_never_by_number():
    from foi_core.workflow.splitting import match_items

    # Same position, different question: no match; the old question moved: it follows.
    assert match_items(["Cameras?", "Drones?"], ["Dogs?", "Cameras?"]) == {1: 0}
    # Exact words win over the same words with other numbers.
    assert match_items(["In 2020?", "In 2021?"], ["In 2021?"]) == {0: 1}


def test_the_earlier_cases_own_dates_in_the_reasoning_are_flagged(copy):
    copy.claims[0].pit.balance.reasoning += " We decided this on 5 August 2025."
    copy.request.text = NEW_REQUEST
    copy.request.items = []
    points = [p for p in stale_points(copy) if p.path.endswith("balance.reasoning")]
    assert [p.needle for p in points] == ["5 August 2025"]
