"""Items actions: each item's outcome, searches, answer and where-to-find saved."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from foi_core.actions.result import ActionResult, Problems
from foi_core.models import OUTCOME_LABELS, Case, Outcome, explain_errors
from foi_core.workflow import ANSWER_OUTCOMES, apply_step_edit


@dataclass(frozen=True)
class ItemInput:
    """What the officer gave for one item. ``answer`` and ``where_to_find`` are None when the
    page did not ask for them (the outcome chosen did not need them when the form was drawn)."""

    outcome: Outcome | None = None
    searches: str = ""
    answer: str | None = None
    where_to_find: str | None = None


def _validated(case: Case, data: dict, problems: Problems) -> ActionResult:
    try:
        edited = Case.model_validate(data)
    except ValidationError as error:
        problems.extend(explain_errors(error))
    if problems:
        return ActionResult.refused(problems)
    return ActionResult.done(apply_step_edit(case, edited, "items"))


def set_every_outcome(case: Case, outcome: Outcome | None) -> ActionResult:
    """Every item given the same outcome (e.g. a routine neither confirm nor deny)."""
    if outcome is None:
        return ActionResult.problem("all.outcome", "Choose an outcome first.")
    data = case.model_dump()
    for item in data["request"]["items"]:
        item["outcome"] = outcome
    result = _validated(case, data, Problems())
    if not result.ok:
        return result
    label = OUTCOME_LABELS[outcome]
    return ActionResult.done(
        result.case, f"Every item set to: {label}", f"Every item is now: {label}."
    )


def still_to_fill(inputs: Mapping[int, ItemInput]) -> list[int]:
    """Items whose new outcome needs an answer or directions the form did not ask for yet."""
    return [
        number
        for number, given in inputs.items()
        if (given.outcome in ANSWER_OUTCOMES and given.answer is None)
        or (given.outcome == Outcome.ACCESSIBLE_ELSEWHERE and given.where_to_find is None)
    ]


def save_items(case: Case, inputs: Mapping[int, ItemInput]) -> ActionResult:
    """Items' outcomes and searches saved, with the answer and directions asked for.

    An answer is required for an item disclosed (in full or in part), and directions for one
    accessible elsewhere (s21), when the form asked for them; when it did not, the item is saved
    and the message says what to fill in next.
    """
    data = case.model_dump()
    problems = Problems()
    for raw in data["request"]["items"]:
        n = raw["number"]
        given = inputs.get(n)
        if given is None:
            continue
        raw["outcome"] = given.outcome
        raw["searches"] = given.searches
        if given.answer is not None:
            raw["answer"] = given.answer
            if given.outcome in ANSWER_OUTCOMES and not given.answer.strip():
                problems.add(f"items.{n}.answer", "Type in the information being disclosed.")
        if given.where_to_find is not None:
            raw["where_to_find"] = given.where_to_find
            if given.outcome == Outcome.ACCESSIBLE_ELSEWHERE and not given.where_to_find.strip():
                problems.add(
                    f"items.{n}.where_to_find",
                    "Say exactly where the requester can find it (s21 needs this).",
                )
    result = _validated(case, data, problems)
    if not result.ok:
        return result
    needs_more = still_to_fill(inputs)
    message = (
        "Saved. Now fill in the answer or where to find it for item(s) "
        + ", ".join(str(n) for n in needs_more)
        + "."
        if needs_more
        else "Items saved."
    )
    return ActionResult.done(result.case, "Item outcomes saved", message)
