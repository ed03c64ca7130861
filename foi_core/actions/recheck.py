"""Re-check actions: what changed since a step was last completed, and the officer's word that
the step has been looked at again (which clears its "re-check" mark)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from foi_core.actions.result import ActionResult, Problems
from foi_core.changes import FieldChange, field_changes
from foi_core.models import Case
from foi_core.models import today as engine_today
from foi_core.plain import plain_date
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


def balances_to_redecide(case: Case) -> int:
    """How many conclusions (each claim's balance and each combined balance) a copy carries
    that ``redecide_balances`` would decide again: every one with a conclusion."""
    own = sum(1 for claim in case.claims if claim.pit and claim.pit.balance)
    return own + len(case.aggregate_balances)


def redecide_balances(
    case: Case, decided_by: str | None, decided_on: dt.date | None, today: dt.date | None = None
) -> ActionResult:
    """The officer has read every conclusion on the Balance step again and each still holds for
    this request: each is recorded as decided by ``decided_by`` on ``decided_on`` (a copy's
    conclusions otherwise keep the earlier case's decision maker and date), and the step's
    "re-check" mark is cleared. Conclusions and reasoning are kept as they are; an s36 opinion
    is not touched (the qualified person must give it again)."""
    problems = Problems()
    who = (decided_by or "").strip()
    if not who:
        problems.add("redecide.decided_by", "Say who decided (a name or a role).")
    if decided_on is None:
        problems.add("redecide.decided_on", "Give the date of the decision.")
    elif decided_on < case.request.received:
        problems.add(
            "redecide.decided_on",
            f"The decision cannot predate the request (received "
            f"{plain_date(case.request.received)}).",
        )
    elif decided_on > (today or engine_today()):
        problems.add("redecide.decided_on", "The decision date cannot be in the future.")
    count = balances_to_redecide(case)
    if not count:
        problems.add("redecide.decided_by", "There is no conclusion to decide again.")
    if problems:
        return ActionResult.refused(problems)
    data = case.model_dump()
    for claim in data["claims"]:
        balance = (claim.get("pit") or {}).get("balance")
        if balance:
            balance.update(decided_by=who, decided_on=decided_on)
    for aggregate in data["aggregate_balances"]:
        aggregate.update(decided_by=who, decided_on=decided_on)
    edited = clear_recheck(Case.model_validate(data), "balance")
    summary = f"{count} conclusion(s) decided again by {who} on {plain_date(decided_on)}"
    return ActionResult.done(edited, summary, summary + ".")
