"""Items actions: each item's number as the requester wrote it, outcome, searches, answer,
where-to-find, another authority holding it (and the transfer), and information given outside
the Act beside a refusal; which of those fields each outcome asks for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from foi_core.actions.result import ActionResult, Problems
from foi_core.models import OUTCOME_LABELS, Case, Outcome, explain_errors
from foi_core.reasoning import ANSWER_OUTCOMES
from foi_core.reasoning.searches import own_searches
from foi_core.workflow import apply_step_edit

# Refusals beside which some information may be given outside the Act, as a goodwill gesture
# that does not waive the Act (an NCND item never: giving anything would confirm it is held).
DISCRETIONARY_OUTCOMES = frozenset(
    {Outcome.EXEMPT, Outcome.COST_LIMIT, Outcome.VEXATIOUS, Outcome.REPEATED}
)


def fields_for(outcome: Outcome | None) -> frozenset[str]:
    """The item fields an outcome asks for besides the outcome, label and searches:
    ``answer``, ``where_to_find``, ``held_by`` (with ``transferred_on``), ``discretionary``."""
    fields = set()
    if outcome in ANSWER_OUTCOMES:
        fields.add("answer")
    if outcome is Outcome.ACCESSIBLE_ELSEWHERE:
        fields.add("where_to_find")
    if outcome is Outcome.NOT_HELD:
        fields.update({"held_by", "transferred_on"})
    if outcome in DISCRETIONARY_OUTCOMES:
        fields.add("discretionary")
    return frozenset(fields)


@dataclass(frozen=True)
class ItemInput:
    """What the officer gave for one item. A field is None when the page did not ask for it
    (the outcome chosen did not need it): the saved value is kept."""

    outcome: Outcome | None = None
    searches: str = ""
    answer: str | None = None
    where_to_find: str | None = None
    label: str | None = None
    held_by: str | None = None
    transferred_on: dt.date | None = None
    discretionary: str | None = None


def _by_number(field: str, data: dict) -> str:
    """'request.items.1.label' (a position) -> 'items.2.label' (the item's number)."""
    parts = field.split(".")
    if len(parts) > 3 and parts[:2] == ["request", "items"] and parts[2].isdigit():
        number = data["request"]["items"][int(parts[2])]["number"]
        return ".".join(["items", str(number), *parts[3:]])
    return field


def _validated(case: Case, data: dict, problems: Problems) -> ActionResult:
    try:
        edited = Case.model_validate(data)
    except ValidationError as error:
        for problem in explain_errors(error):
            problems.add(_by_number(problem.field, data), problem.message)
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
        if any(
            getattr(given, name) is None
            for name in fields_for(given.outcome) & {"answer", "where_to_find"}
        )
    ]


def _other_holder(raw: dict, given: ItemInput, problems: Problems) -> None:
    """Another authority holding a not-held item, and when the request went to it (s45 Code of
    Practice): a transfer names the authority (the model keeps the date after the request's)."""
    n = raw["number"]
    if given.held_by is not None:
        raw["held_by"] = given.held_by.strip()
        raw["transferred_on"] = given.transferred_on
        if given.transferred_on is not None and not raw["held_by"]:
            problems.add(f"items.{n}.held_by", "Name the authority the request was transferred to.")


def save_items(case: Case, inputs: Mapping[int, ItemInput]) -> ActionResult:
    """Items' outcomes and searches saved, with the answer and directions asked for. An item's
    searches that only repeat the request's are not kept twice (the letter prints them once).

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
        raw["searches"] = own_searches(given.searches, case.request.searches)
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
        _other_holder(raw, given, problems)
        for name in ("label", "discretionary"):
            if getattr(given, name) is not None:
                raw[name] = getattr(given, name).strip()
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
