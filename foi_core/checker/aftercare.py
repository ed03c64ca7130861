"""Rules for the cases that follow a letter: an internal review and an ICO complaint.

An internal review is a fresh decision, so the request rules apply to it, except those about the
original response's own time limit and rights (``NOT_FOR_REVIEWS``): the review has its own time
limit (``review-overdue``) and its letter offers the complaint to the Commissioner, not another
review. An ICO complaint case writes no letter of its own: only the ``ico-`` rules apply to it
(``applies``).
"""

from __future__ import annotations

from collections.abc import Iterator

from foi_core.aftercare import (
    outcome_contradicts_parts,
    part_name,
    part_problems,
    review_late,
    review_late_date,
)
from foi_core.models import Case, CaseKind
from foi_core.plain import plain_date

from .context import Context, Hit, blank, rule

# Request rules about the original response's own time limit, extension and review rights.
NOT_FOR_REVIEWS = frozenset(
    {"response-after-deadline", "pit-extension-past-40-days", "no-review-rights"}
)


def applies(rule_id: str, case: Case) -> bool:
    """Whether the rule ``rule_id`` is run on ``case``, given the case's kind."""
    if case.kind is CaseKind.ICO_COMPLAINT:
        return rule_id.startswith("ico-")
    if case.kind is CaseKind.INTERNAL_REVIEW:
        return rule_id not in NOT_FOR_REVIEWS
    return not rule_id.startswith(("review-", "ico-"))


def _reviews(ctx: Context):
    review = ctx.case.review
    return review if ctx.case.kind is CaseKind.INTERNAL_REVIEW and review is not None else None


@rule("review-part-changed-without-reason")
def _part_without_reason(ctx: Context) -> Iterator[Hit]:
    review = _reviews(ctx)
    if review is None:
        return
    for index, part in enumerate(review.parts):
        for _field, message in part_problems(part, index):
            yield Hit(detail=f"{part_name(part, ctx.case)}: {message}")


@rule("review-outcome-missing")
def _outcome_missing(ctx: Context) -> Iterator[Hit]:
    review = _reviews(ctx)
    if review is None:
        return
    if review.outcome is None:
        yield Hit(detail="No outcome has been chosen.")
    elif blank(review.reasons):
        yield Hit(detail="The outcome has no reasons.")


@rule("review-outcome-contradicts-parts")
def _outcome_contradicts(ctx: Context) -> Iterator[Hit]:
    review = _reviews(ctx)
    if review is not None and review.outcome is not None:
        contradiction = outcome_contradicts_parts(review)
        if contradiction:
            yield Hit(detail=contradiction)


@rule("review-overdue")
def _review_overdue(ctx: Context) -> Iterator[Hit]:
    review = _reviews(ctx)
    if review is None or review.requested_on is None:
        return
    when = review.decided_on or ctx.today
    try:
        late = review_late(review.requested_on, when)
        last = review_late_date(review.requested_on)
    except ValueError:  # a year the calendar cannot count: deadline-cannot-be-counted says so
        return
    if late:
        yield Hit(
            detail=f"It was asked for on {plain_date(review.requested_on)}; 40 working days ran "
            f"out on {plain_date(last)}."
        )


@rule("ico-step-overdue")
def _ico_step_overdue(ctx: Context) -> Iterator[Hit]:
    complaint = ctx.case.ico
    if ctx.case.kind is not CaseKind.ICO_COMPLAINT or complaint is None:
        return
    for number, step in enumerate(complaint.steps, start=1):
        if step.due is not None and step.done_on is None and step.due < ctx.today:
            yield Hit(detail=f"Step {number} ({step.text}) was due on {plain_date(step.due)}.")
