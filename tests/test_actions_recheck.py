"""Re-check actions: what changed since a step was completed, and confirming it was re-checked."""

from __future__ import annotations

from foi_core.actions.recheck import changes_behind_recheck, confirm_rechecked
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
