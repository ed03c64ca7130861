"""Re-check actions: what changed since a step was completed, and confirming it was re-checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from foi_core.actions.recheck import (
    balances_to_redecide,
    changes_behind_recheck,
    confirm_rechecked,
    redecide_balances,
)
from foi_core.actions.request import date_on_issue
from foi_core.checker import check
from foi_core.models import Case
from foi_core.storage import Store
from foi_core.workflow import apply_step_edit, duplicate_case
from tests.case_factory import correct_case


def test_confirming_clears_only_that_mark_and_names_the_step():
    case = correct_case().model_copy(update={"recheck_steps": ["harm", "letter"]})
    result = confirm_rechecked(case, "harm")
    assert result.case.recheck_steps == ["letter"]
    assert result.summary == "Harm re-checked"
    refused = confirm_rechecked(result.case, "harm")
    assert [p.field for p in refused.problems] == ["recheck"]


def test_what_changed_since_the_step_was_last_completed(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'r.db'}")
    case = correct_case()
    store.add(case, actor="test")
    edited = case.model_copy(deep=True)
    edited.request.items[0].searches = "The ANPR system and the crime system."
    edited.requester.name = "Someone Else"  # never shown on the reasoning steps
    edited = apply_step_edit(case, edited, "items")
    assert "harm" in edited.recheck_steps
    store.save(edited, expected_version=1, actor="test")
    changes = changes_behind_recheck(edited, "harm", store.revisions(case.id))
    assert [c.after for c in changes] == ["The ANPR system and the crime system."]
    assert not any(c.path.startswith("recheck_steps") for c in changes)
    store.close()


def test_a_copied_case_has_no_earlier_version_to_compare(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    copy = duplicate_case(correct_case(), "COPY/1")
    store.add(copy, actor="test")
    step = copy.recheck_steps[0]
    assert changes_behind_recheck(copy, step, store.revisions(copy.id)) is None
    store.close()


DOORBELL = Path(__file__).resolve().parents[1] / "examples" / "doorbell-camera-ncnd.json"


def _doorbell_copy() -> Case:
    return duplicate_case(Case.from_json(DOORBELL.read_text()), "COPY/2", dt.date(2026, 11, 20))


def test_redeciding_a_copys_balances_dates_every_conclusion_and_clears_the_mark():
    copy = _doorbell_copy()
    before = {f.rule_id for f in check(copy, today=dt.date(2026, 11, 30))}
    assert "decision-before-request" in before
    assert balances_to_redecide(copy) == 3  # two claims' balances and the combined balance
    result = redecide_balances(copy, " Jo Bloggs ", dt.date(2026, 11, 25), dt.date(2026, 11, 30))
    assert result.ok and result.message.startswith("3 conclusion(s) decided again by Jo Bloggs")
    case = result.case
    decided = [c.pit.balance for c in case.claims if c.pit and c.pit.balance]
    decided += case.aggregate_balances
    assert {(b.decided_by, b.decided_on) for b in decided} == {("Jo Bloggs", dt.date(2026, 11, 25))}
    # Conclusions and reasoning are the officer's: untouched.
    old = [c.pit.balance for c in copy.claims if c.pit and c.pit.balance]
    assert [(b.conclusion, b.reasoning) for b in old] == [
        (c.pit.balance.conclusion, c.pit.balance.reasoning)
        for c in case.claims
        if c.pit and c.pit.balance
    ]
    assert "balance" not in case.recheck_steps
    after = check(case, today=dt.date(2026, 11, 30))
    assert "decision-before-request" not in {f.rule_id for f in after}
    stale = [f.message for f in after if f.rule_id == "copied-text-may-be-stale"]
    assert not any("balance was decided" in m or "decided the balance" in m for m in stale)


def test_redeciding_refuses_a_missing_name_or_an_impossible_date():
    copy = _doorbell_copy()
    fields = lambda r: {p.field: p.message for p in r.problems}  # noqa: E731
    blank = fields(redecide_balances(copy, "  ", None))
    assert set(blank) == {"redecide.decided_by", "redecide.decided_on"}
    early = fields(redecide_balances(copy, "Jo", dt.date(2026, 11, 19), dt.date(2026, 11, 30)))
    assert "predate the request" in early["redecide.decided_on"]
    future = fields(redecide_balances(copy, "Jo", dt.date(2026, 12, 1), dt.date(2026, 11, 30)))
    assert "future" in future["redecide.decided_on"]
    bare = copy.model_copy(update={"claims": [], "aggregate_balances": []})
    assert (
        "no conclusion"
        in fields(redecide_balances(bare, "Jo", dt.date(2026, 11, 25)))["redecide.decided_by"]
    )


def test_dating_the_letter_on_issue_clears_the_response_date():
    case = correct_case()
    assert case.response_date is not None
    result = date_on_issue(case)
    assert result.ok and result.case.response_date is None
    assert [p.field for p in date_on_issue(result.case).problems] == ["response_date"]
