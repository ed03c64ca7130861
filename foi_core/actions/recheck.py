"""Re-check actions: what changed since a step was last completed, and the officer's word that
the step has been looked at again (which clears its "re-check" mark)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from foi_core.actions.result import ActionResult
from foi_core.changes import FieldChange, field_changes
from foi_core.models import Case
from foi_core.steps import STEPS_BY_KEY
from foi_core.workflow import clear_recheck

if TYPE_CHECKING:
    from foi_core.storage.records import Revision

# Fields that are bookkeeping, not answers an officer re-checks; and the requester, whom the
# reasoning steps never show (applicant-blind).
_NOT_ANSWERS = ("recheck_steps", "dismissed_suggestions", "issued_letters", "requester")


def changes_behind_recheck(
    case: Case, step_key: str, revisions: Sequence[Revision]
) -> list[FieldChange] | None:
    """What changed since the newest saved version in which ``step_key`` was not marked
    "re-check", oldest first; None when no such version exists (a copied case: every answer
    came from the earlier case)."""
    for revision in reversed(revisions):
        before = revision.case
        if step_key not in before.recheck_steps:
            return [
                change
                for change in field_changes(_answers(before), _answers(case))
                if not change.path.startswith(_NOT_ANSWERS)
            ]
    return None


def _answers(case: Case) -> dict:
    return case.model_dump(mode="json", exclude=set(_NOT_ANSWERS))


def confirm_rechecked(case: Case, step_key: str) -> ActionResult:
    """The officer has looked at ``step_key`` again: its "re-check" mark is cleared (later
    steps keep theirs), and the history records who did it."""
    title = STEPS_BY_KEY[step_key].title
    if step_key not in case.recheck_steps:
        return ActionResult.problem("recheck", f"{title} is not marked re-check.")
    summary = f"{title} re-checked"
    return ActionResult.done(clear_recheck(case, step_key), summary, summary + ".")
