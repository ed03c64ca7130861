"""Re-check marks: which later steps rest on each step, and marking them when a step changes."""

from __future__ import annotations

from collections.abc import Iterable

from foi_core.models import Case
from foi_core.steps import STEP_KEYS, STEPS_BY_KEY

# The later steps whose answers rest on each step. Changing a step marks these "re-check".
# (The check step is recomputed every time, so it never needs re-checking.)
DEPENDENTS: dict[str, tuple[str, ...]] = {
    "request": ("items", "exemptions", "harm", "public_interest", "balance", "letter"),
    "items": ("exemptions", "harm", "public_interest", "balance", "letter"),
    "exemptions": ("harm", "public_interest", "balance", "letter"),
    "harm": ("public_interest", "balance", "letter"),
    "public_interest": ("balance", "letter"),
    "balance": ("letter",),
    "check": (),
    "letter": (),
}


def _check_step_key(step_key: str) -> None:
    if step_key not in STEPS_BY_KEY:
        raise ValueError(f"unknown step '{step_key}'; steps are: {', '.join(STEP_KEYS)}")


def _ordered(keys: Iterable[str]) -> list[str]:
    wanted = set(keys)
    return [key for key in STEP_KEYS if key in wanted]


def mark_changed(case: Case, step_key: str) -> Case:
    """A copy of the case with the later steps that rest on ``step_key`` marked "re-check".

    Later answers are kept: the officer is asked to look at them again, not to redo them.
    """
    _check_step_key(step_key)
    updated = case.model_copy(deep=True)
    updated.recheck_steps = _ordered([*case.recheck_steps, *DEPENDENTS[step_key]])
    return updated


def mark_recheck(case: Case, *step_keys: str) -> Case:
    """A copy of the case with exactly these steps added to the "re-check" marks."""
    for key in step_keys:
        _check_step_key(key)
    updated = case.model_copy(deep=True)
    updated.recheck_steps = _ordered([*case.recheck_steps, *step_keys])
    return updated


def clear_recheck(case: Case, step_key: str) -> Case:
    """A copy of the case with ``step_key`` no longer marked "re-check"."""
    _check_step_key(step_key)
    updated = case.model_copy(deep=True)
    updated.recheck_steps = [key for key in case.recheck_steps if key != step_key]
    return updated


def apply_step_edit(before: Case, after: Case, step_key: str) -> Case:
    """Record that the officer submitted ``step_key``: clear its own re-check mark and, if the
    case changed, mark the later steps that depend on it and were finished, or were blocked while
    holding answers (once unblocked they could show "done" without a second look). A step still
    to do will be looked at anyway, and an empty one has nothing to re-check: marking either
    would say it was finished when it was not."""
    edited = clear_recheck(after, step_key)
    if _reasoning_dump(before) != _reasoning_dump(after):
        finished = _finished_steps(before)
        marked = mark_changed(edited, step_key)
        keep = set(edited.recheck_steps) | (set(marked.recheck_steps) & (finished | {"letter"}))
        edited = edited.model_copy(update={"recheck_steps": _ordered(keep)})
    return edited


def answered_steps(case: Case) -> list[str]:
    """The reasoning steps that hold answers (what a copy carries over, and what an earlier
    change may have made stale)."""
    steps = ["items"] if any(item.outcome for item in case.request.items) else []
    if case.claims:
        steps += ["exemptions"]
    if any(c.harm or c.records or c.publication for c in case.claims) or case.overall_harm:
        steps += ["harm"]
    if any(c.pit and c.pit.factors for c in case.claims):
        steps += ["public_interest"]
    balanced = any(c.pit and c.pit.balance for c in case.claims) or case.aggregate_balances
    if balanced or case.cost_estimate or any(c.qp_opinion for c in case.claims):
        steps += ["balance"]
    return steps


def _finished_steps(case: Case) -> set[str]:
    """The steps the stepper shows as done (or re-check) for ``case``, and those it shows as
    blocked that hold answers."""
    from foi_core.workflow.statuses import Status, step_statuses

    answered = set(answered_steps(case))
    return {
        status.key
        for status in step_statuses(case)
        if status.status in (Status.DONE, Status.RECHECK)
        or (status.status is Status.BLOCKED and status.key in answered)
    }


def _reasoning_dump(case: Case) -> dict:
    return case.model_dump(mode="json", exclude={"recheck_steps"})
