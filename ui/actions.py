"""Pages and officer actions: save what an action returns, or show its problems."""

from __future__ import annotations

from foi_core.actions.result import ActionResult
from ui.fields import FieldProblems
from ui.state import save_case


def save_result(
    result: ActionResult, problems: FieldProblems | None = None, *, rerun: bool = True
) -> bool:
    """Save the action's new case (with its summary and message) and, by default, rerun; or
    show its problems under their fields in ``problems``. True when saved."""
    if result.ok and result.case is not None:
        return save_case(result.case, result.summary, rerun=rerun, message=result.message)
    if problems is not None:
        problems.show(result.problems)
    return False
