"""Step statuses: done, to do, needs attention, not needed, blocked or re-check, with a reason."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from foi_core.models import Case, Outcome
from foi_core.steps import STEPS, Step
from foi_core.workflow.needs import (
    ANSWER_OUTCOMES,
    balanced,
    claims_needing_harm,
    claims_needing_pit,
    claims_needing_qp_opinion,
    harm_complete,
    items_needing_claims,
    pit_complete,
    resolve_catalogue,
)

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue


class Status(StrEnum):
    """How far a step has got."""

    DONE = "done"
    TO_DO = "to do"
    ATTENTION = "needs attention"
    NOT_NEEDED = "not needed"
    BLOCKED = "blocked"
    RECHECK = "re-check"


@dataclass(frozen=True)
class StepStatus:
    """The status of one step, with a short plain-English reason."""

    step: Step
    status: Status
    reason: str = ""

    @property
    def key(self) -> str:
        return self.step.key


def _step_progress(case: Case, cat: Catalogue) -> dict[str, tuple[bool | None, str]]:
    """Per step: (complete, reason); complete is None when the step does not apply."""
    items = case.request.items
    progress: dict[str, tuple[bool | None, str]] = {}

    if not items:
        progress["request"] = (False, "paste the request and split it into items")
    else:
        progress["request"] = (True, f"{len(items)} item(s)")

    no_outcome = [item.number for item in items if item.outcome is None]
    no_answer = [
        item.number for item in items if item.outcome in ANSWER_OUTCOMES and not item.answer.strip()
    ]
    no_where = [
        item.number
        for item in items
        if item.outcome is Outcome.ACCESSIBLE_ELSEWHERE and not item.where_to_find.strip()
    ]
    if not items:
        progress["items"] = (False, "no items yet")
    elif no_outcome:
        progress["items"] = (False, f"no outcome for item(s) {_numbers(no_outcome)}")
    elif no_answer:
        progress["items"] = (False, f"answer not typed in for item(s) {_numbers(no_answer)}")
    elif no_where:
        progress["items"] = (False, f"say where to find item(s) {_numbers(no_where)}")
    else:
        progress["items"] = (True, "every item has an outcome")

    needing = items_needing_claims(case)
    if items and not no_outcome and not needing:
        progress["exemptions"] = (None, "no item is withheld or refused")
    else:
        uncovered = [item.number for item in needing if not case.claims_for_item(item.number)]
        if not needing:
            progress["exemptions"] = (False, "give every item an outcome first")
        elif uncovered:
            progress["exemptions"] = (False, f"no provision for item(s) {_numbers(uncovered)}")
        else:
            progress["exemptions"] = (True, f"{len(case.claims)} provision(s) chosen")

    exemptions_settled = progress["exemptions"][0] is not False
    harm_claims = claims_needing_harm(case, cat)
    if exemptions_settled and not harm_claims:
        progress["harm"] = (None, "no provision chosen needs a harm test")
    else:
        missing = [c.citation for c in harm_claims if not harm_complete(c, cat.get(c.citation))]
        if missing or not harm_claims:
            progress["harm"] = (False, f"harm not set out for {', '.join(missing) or 'claims'}")
        else:
            progress["harm"] = (True, "harm set out for every prejudice-based claim")

    pit_claims = claims_needing_pit(case, cat)
    if exemptions_settled and not pit_claims:
        progress["public_interest"] = (None, "every provision chosen is absolute")
    else:
        missing = [c.citation for c in pit_claims if not pit_complete(c)]
        if missing or not pit_claims:
            progress["public_interest"] = (
                False,
                f"factors for and against needed for {', '.join(missing) or 'claims'}",
            )
        else:
            progress["public_interest"] = (True, "factors recorded for every qualified claim")

    qp_claims = claims_needing_qp_opinion(case, cat)
    cost_items = case.items_with(Outcome.COST_LIMIT)
    if exemptions_settled and not pit_claims and not qp_claims and not cost_items:
        progress["balance"] = (None, "nothing to balance")
    else:
        problems = [f"conclusion for {c.citation}" for c in pit_claims if not balanced(case, c)]
        problems += [
            f"qualified person's opinion for {c.citation}"
            for c in qp_claims
            if c.qp_opinion is None or not c.qp_opinion.name.strip()
        ]
        if cost_items and (case.cost_estimate is None or not case.cost_estimate.lines):
            problems.append("the cost estimate")
        if problems or not exemptions_settled:
            progress["balance"] = (False, "still needed: " + "; ".join(problems or ["claims"]))
        else:
            progress["balance"] = (True, "conclusions recorded")

    progress["check"] = (True, "")
    issued = [
        letter for letter in case.issued_letters if letter.kind == "response" and not letter.draft
    ]
    progress["letter"] = (bool(issued), "letter issued" if issued else "letter not issued yet")
    return progress


def _numbers(numbers: Iterable[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def step_statuses(
    case: Case, findings: Sequence[Any] | None = None, catalogue: Catalogue | None = None
) -> list[StepStatus]:
    """The status of every step, in order.

    ``findings`` are the checker's findings (anything with ``.step`` and ``.severity``); a step
    with findings "needs attention". A step is "blocked" while an earlier step that applies is
    incomplete, "not needed" when it does not apply, and "re-check" when an earlier answer changed
    after it was completed (``case.recheck_steps``).
    """
    cat = resolve_catalogue(catalogue)
    progress = _step_progress(case, cat)
    findings_by_step: dict[str, list[Any]] = {}
    for finding in findings or ():
        findings_by_step.setdefault(getattr(finding, "step", "") or "check", []).append(finding)

    statuses: list[StepStatus] = []
    incomplete_before: str | None = None
    for step in STEPS:
        complete, reason = progress[step.key]
        own = findings_by_step.get(step.key, [])
        if step.key == "check":
            statuses.append(_check_status(step, findings))
            continue
        if complete is None:
            statuses.append(StepStatus(step, Status.NOT_NEEDED, reason))
            continue
        if incomplete_before is not None:
            statuses.append(StepStatus(step, Status.BLOCKED, f"finish {incomplete_before} first"))
        elif own:
            count = len(own)
            statuses.append(
                StepStatus(step, Status.ATTENTION, f"{count} problem(s) found by the check")
            )
        elif step.key in case.recheck_steps and complete:
            statuses.append(StepStatus(step, Status.RECHECK, "an earlier answer changed"))
        elif complete:
            statuses.append(StepStatus(step, Status.DONE, reason))
        else:
            statuses.append(StepStatus(step, Status.TO_DO, reason))
        if not complete and incomplete_before is None and step.key != "letter":
            incomplete_before = step.title
    return statuses


def _check_status(step: Step, findings: Sequence[Any] | None) -> StepStatus:
    if findings is None:
        return StepStatus(step, Status.TO_DO, "not run yet")
    errors = [f for f in findings if getattr(f, "severity", "error") == "error"]
    if errors:
        return StepStatus(step, Status.ATTENTION, f"{len(errors)} error(s) to fix")
    if findings:
        return StepStatus(step, Status.DONE, f"no errors; {len(findings)} warning(s)")
    return StepStatus(step, Status.DONE, "no problems found")


def next_step(statuses: Sequence[StepStatus]) -> str:
    """The key of the first step that needs the officer (else the letter step)."""
    for status in statuses:
        if status.status in (Status.TO_DO, Status.ATTENTION, Status.RECHECK):
            return status.key
    return "letter"
