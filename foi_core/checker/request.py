"""Rules about the request: every item has an outcome, a claim for what is refused and an answer
for what is given; the dates the time limits are counted from."""

from __future__ import annotations

from collections.abc import Iterator

from foi_core.deadlines import ICO_MAX_TOTAL_WORKING_DAYS
from foi_core.models import OUTCOME_LABELS, ClaimMode, Outcome, RequestItem, field_label
from foi_core.plain import plain_date

from .context import Context, Hit, blank, rule

# Outcomes refused by a provision other than a withholding exemption: the notice must still cite
# it, so the item needs a claim of that section (s17(1)(b) for s21; s17(5) for s12 and s14).
_OUTCOME_SECTION: dict[Outcome, str] = {
    Outcome.ACCESSIBLE_ELSEWHERE: "21",
    Outcome.COST_LIMIT: "12",
    Outcome.VEXATIOUS: "14",
    Outcome.REPEATED: "14",
}


# --- Items --------------------------------------------------------------------------------------


@rule("request-without-items")
def _request_without_items(ctx: Context) -> Iterator[Hit]:
    if not ctx.case.request.items:
        yield Hit()


@rule("item-without-outcome")
def _item_without_outcome(ctx: Context) -> Iterator[Hit]:
    for item in ctx.case.request.items:
        if item.outcome is None:
            yield Hit(item=item.number)


def _item_covered(ctx: Context, item: RequestItem) -> bool:
    claims = ctx.case.claims_for_item(item.number)
    if item.outcome is Outcome.NCND:
        return any(claim.mode is ClaimMode.NCND for claim in claims)
    if item.outcome in (Outcome.EXEMPT, Outcome.PARTLY_DISCLOSED):
        return any(claim.mode is ClaimMode.WITHHOLD for claim in claims)
    section = _OUTCOME_SECTION.get(item.outcome) if item.outcome else None
    if section is not None:
        return any(ctx.section(claim) == section for claim in claims)
    return True


@rule("withheld-item-without-claim")
def _withheld_item_without_claim(ctx: Context) -> Iterator[Hit]:
    for item in ctx.case.request.items:
        if item.outcome is not None and not _item_covered(ctx, item):
            yield Hit(item=item.number, detail=f"Its outcome is: {_outcome_label(item.outcome)}.")


def _outcome_label(outcome: Outcome) -> str:
    return OUTCOME_LABELS[outcome].lower()


@rule("disclosed-item-without-answer")
def _disclosed_item_without_answer(ctx: Context) -> Iterator[Hit]:
    for item in ctx.case.request.items:
        nothing_given = blank(item.answer) and (
            item.outcome is Outcome.DISCLOSED or blank(item.where_to_find)
        )
        if item.outcome in (Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED) and nothing_given:
            yield Hit(item=item.number)


@rule("s21-without-location")
def _s21_without_location(ctx: Context) -> Iterator[Hit]:
    s21_items = {n for claim in ctx.claims_of_section("21") for n in claim.items}
    for item in ctx.case.request.items:
        relies_on_s21 = item.outcome is Outcome.ACCESSIBLE_ELSEWHERE or item.number in s21_items
        if relies_on_s21 and blank(item.where_to_find):
            yield Hit(item=item.number)


# --- Time limits ----------------------------------------------------------------------------------


def _uncountable(ctx: Context, extension: bool) -> Iterator[Hit]:
    """A hit for each date the time limits could not be counted from (beyond the calendar)."""
    case = ctx.case
    dates = {
        "request.received": case.request.received,
        "clarification.received_on": case.clarification and case.clarification.received_on,
        "review_requested_on": case.review_requested_on,
        "pit_extension.estimated_date": case.pit_extension and case.pit_extension.estimated_date,
    }
    for problem in ctx.deadlines.problems:
        if problem.field.startswith("pit_extension") != extension:
            continue
        day = dates.get(problem.field)
        when = f", {plain_date(day)}" if day else ""
        yield Hit(detail=f"the {field_label(problem.field)}{when}. {problem.message}")


@rule("deadline-cannot-be-counted")
def _deadline_cannot_be_counted(ctx: Context) -> Iterator[Hit]:
    yield from _uncountable(ctx, extension=False)


@rule("extension-cannot-be-counted")
def _extension_cannot_be_counted(ctx: Context) -> Iterator[Hit]:
    yield from _uncountable(ctx, extension=True)


@rule("pit-extension-past-40-days")
def _pit_extension_past_40(ctx: Context) -> Iterator[Hit]:
    deadlines = ctx.deadlines
    if deadlines.extension_total_working_days is None:
        return
    total = deadlines.extension_total_working_days
    if total > ICO_MAX_TOTAL_WORKING_DAYS:
        yield Hit(
            detail=f"{plain_date(deadlines.extended_due)}, {total} working days after the "
            f"clock started on {plain_date(deadlines.clock_start)}"
        )
