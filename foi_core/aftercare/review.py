"""An internal review: a fresh decision on an issued response, by someone not involved in it.

>>> review = open_review(original, person, involved, policy, requested_on, grounds)
>>> review = mark_part(review, 2, Verdict.CHANGED, ReviewReason.WRONG_EXEMPTION, "notes")
>>> review = decide(review, suggested_outcome(review), "Our reasons ...", on)

"Upheld" here is in the authority's sense: the original decision stands (``outcome_label``).
Deadlines follow the section 45 Code of Practice: 20 working days, 40 at most.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from foi_core.deadlines import ExtraHolidays, add_working_days, working_days_between
from foi_core.deadlines import review_due as _calendar_review_due
from foi_core.models import (
    Case,
    CaseKind,
    CaseStatus,
    FieldProblem,
    InternalReview,
    PartReview,
    ReviewedPart,
    ReviewOutcome,
    ReviewReason,
    Verdict,
    new_id,
)
from foi_core.people.model import Person
from foi_core.people.rules import Policy, can_review
from foi_core.plain import plain_date
from foi_core.reasoning import claims_needing_harm, claims_needing_pit

from .errors import AftercareProblem, happened, unique_ref

REVIEW_LATE_WORKING_DAYS = 40

OUTCOME_LABELS: dict[ReviewOutcome, str] = {
    ReviewOutcome.UPHELD: "Upheld: the original decision stands",
    ReviewOutcome.UPHELD_IN_PART: "Upheld in part: some of the original decision is changed",
    ReviewOutcome.OVERTURNED: "Overturned: the original decision is replaced",
}

REASON_LABELS: dict[ReviewReason, str] = {
    ReviewReason.SEARCHES_NOT_ADEQUATE: "The searches were not adequate",
    ReviewReason.WRONG_EXEMPTION: "The wrong exemption was relied on",
    ReviewReason.EXCESSIVE_REDACTION: "Too much was withheld or redacted",
    ReviewReason.PUBLIC_INTEREST_MISJUDGED: "The public interest was misjudged",
    ReviewReason.OTHER: "Other (say what in the notes)",
}


def outcome_label(outcome: ReviewOutcome | str | None) -> str:
    """The outcome in the authority's sense, e.g. "Upheld: the original decision stands"."""
    if outcome is None or outcome == "":
        return "Not decided yet"
    return OUTCOME_LABELS[ReviewOutcome(outcome)]


def reason_label(reason: ReviewReason | str | None) -> str:
    return "" if reason is None or reason == "" else REASON_LABELS[ReviewReason(reason)]


# --- Opening a review ----------------------------------------------------------------------------


def _parts(original: Case) -> list[PartReview]:
    """One part for each thing the review looks at again, all "stands" to begin with."""
    parts = [PartReview(part=ReviewedPart.SEARCHES)]
    parts += [PartReview(part=ReviewedPart.OUTCOME, item=i.number) for i in original.request.items]
    parts += [PartReview(part=ReviewedPart.EXEMPTION, claim_id=c.id) for c in original.claims]
    if claims_needing_harm(original) or original.overall_harm.strip():
        parts.append(PartReview(part=ReviewedPart.HARM))
    if claims_needing_pit(original):
        parts.append(PartReview(part=ReviewedPart.PUBLIC_INTEREST))
    return parts


def open_review(
    original: Case,
    person: Person,
    involved: Iterable[str],
    policy: Policy,
    requested_on: dt.date,
    grounds: str,
    *,
    taken_refs: Iterable[str] = (),
) -> Case:
    """A new internal review case linked to ``original``, assigned to ``person``.

    Refuses (``NotAllowed``) through ``can_review``: ``involved`` are the mailboxes of everyone
    who drafted, edited or approved the original. The original's request, items, claims and
    reasoning are copied as the starting point of a fresh decision; the requester is kept.
    ``taken_refs`` are the references already in use ("<ref>-IR" is made unique against them).
    """
    can_review(person, original, involved, policy).enforce()
    happened(requested_on, "requested_on", "the review was asked for")
    if original.response_date is not None and requested_on < original.response_date:
        raise AftercareProblem.at(
            "requested_on",
            "A review cannot be asked for before the response was sent "
            f"({plain_date(original.response_date)}); check the date.",
        )
    data = original.model_dump()
    data.update(
        id=new_id(),
        status=CaseStatus.DRAFT,
        title=f"Internal review: {original.title or original.request.our_ref}",
        kind=CaseKind.INTERNAL_REVIEW,
        linked_case=original.id,
        assigned_to=person.recorded_as,
        life=[],
        review=InternalReview(
            requested_on=requested_on,
            grounds=grounds,
            reviewer=person.recorded_as,
            parts=_parts(original),
        ).model_dump(),
        ico=None,
        issued_letters=[],
        response_date=None,
        review_requested_on=requested_on,
        recheck_steps=[],
        export=None,
    )
    data["request"]["our_ref"] = unique_ref(f"{original.request.our_ref}-IR", taken_refs)
    return Case.model_validate(data)


# --- The reviewer's findings ---------------------------------------------------------------------


def _review(case: Case) -> InternalReview:
    if case.kind is not CaseKind.INTERNAL_REVIEW or case.review is None:
        raise AftercareProblem.at("review", "This case is not an internal review.")
    return case.review


def part_name(part: PartReview, case: Case) -> str:
    """A part of the review in plain words: "the searches", "item 2's outcome", "s31(1)(a)"."""
    if part.part is ReviewedPart.OUTCOME:
        labels = {item.number: item.shown_number for item in case.request.items}
        return f"the outcome of item {labels.get(part.item, part.item)}"
    if part.part is ReviewedPart.EXEMPTION:
        try:
            return f"the exemption {case.claim(part.claim_id or '').citation}"
        except KeyError:
            return "an exemption no longer claimed"
    return {
        ReviewedPart.SEARCHES: "the searches",
        ReviewedPart.HARM: "the harm test",
        ReviewedPart.PUBLIC_INTEREST: "the public interest test",
    }[part.part]


def part_problems(part: PartReview, index: int) -> list[tuple[str, str]]:
    """(field, message) for what a part still lacks: a changed part needs a reason, "other"
    needs notes saying what."""
    found: list[tuple[str, str]] = []
    if part.verdict is Verdict.CHANGED and part.reason is None:
        found.append((f"parts.{index}.reason", "Say why this part changed: choose a reason."))
    if part.reason is ReviewReason.OTHER and not part.notes.strip():
        found.append((f"parts.{index}.notes", "You chose 'other': say what in the notes."))
    return found


def mark_part(
    case: Case,
    index: int,
    verdict: Verdict | str,
    reason: ReviewReason | str | None = None,
    notes: str = "",
) -> Case:
    """A copy of the review case with part ``index`` marked (AftercareProblem names the field
    when a changed part has no reason, or "other" has no notes)."""
    review = _review(case)
    if not 0 <= index < len(review.parts):
        raise AftercareProblem.at(f"parts.{index}", "There is no such part of the review.")
    verdict = Verdict(verdict)
    chosen = ReviewReason(reason) if reason else None
    part = review.parts[index].model_copy(
        update={
            "verdict": verdict,
            "reason": chosen if verdict is Verdict.CHANGED else None,
            "notes": notes,
        }
    )
    problems = part_problems(part, index)
    if problems:
        raise AftercareProblem(FieldProblem(field=f, message=m) for f, m in problems)
    updated = case.model_copy(deep=True)
    assert updated.review is not None
    updated.review.parts[index] = part
    return updated


def suggested_outcome(case: Case) -> ReviewOutcome:
    """All parts stand: upheld; all changed: overturned; otherwise upheld in part."""
    verdicts = {part.verdict for part in _review(case).parts}
    if verdicts <= {Verdict.STANDS}:
        return ReviewOutcome.UPHELD
    if verdicts == {Verdict.CHANGED}:
        return ReviewOutcome.OVERTURNED
    return ReviewOutcome.UPHELD_IN_PART


def outcome_contradicts_parts(review: InternalReview) -> str:
    """Why the chosen outcome cannot be right given the parts ("" when it can)."""
    changed = sum(part.verdict is Verdict.CHANGED for part in review.parts)
    if review.outcome is ReviewOutcome.UPHELD and changed:
        return f"it says the decision stands, but {changed} part(s) are marked changed"
    if review.outcome in (ReviewOutcome.UPHELD_IN_PART, ReviewOutcome.OVERTURNED) and not changed:
        return "it says the decision changed, but every part is marked as standing"
    return ""


def decide(
    case: Case, outcome: ReviewOutcome | str, reasons: str, on: dt.date | None = None
) -> Case:
    """A copy of the review case with its overall outcome, reasons and date recorded."""
    review = _review(case)
    if not outcome:
        raise AftercareProblem.at("outcome", "Choose the outcome of the review.")
    if not reasons.strip():
        raise AftercareProblem.at("reasons", "Give the reasons for the outcome.")
    decided = review.model_copy(
        update={"outcome": ReviewOutcome(outcome), "reasons": reasons, "decided_on": on}
    )
    contradiction = outcome_contradicts_parts(decided)
    if contradiction:
        raise AftercareProblem.at(
            "outcome", f"This outcome does not fit the review: {contradiction}."
        )
    if on is not None:
        happened(on, "decided_on", "the review was decided")
    if on is not None and review.requested_on is not None and on < review.requested_on:
        raise AftercareProblem.at(
            "decided_on", "The review cannot be decided before it was asked for."
        )
    updated = case.model_copy(deep=True)
    updated.review = decided
    return updated


# --- Time limits ---------------------------------------------------------------------------------


def review_due(requested_on: dt.date, extra_holidays: ExtraHolidays | None = None) -> dt.date:
    """When the review should be finished: 20 working days after it was asked for."""
    return _calendar_review_due(requested_on, extra_holidays=extra_holidays)


def review_late_date(requested_on: dt.date, extra_holidays: ExtraHolidays | None = None) -> dt.date:
    """The last day of the 40 working days the Code allows at most."""
    return add_working_days(requested_on, REVIEW_LATE_WORKING_DAYS, extra_holidays=extra_holidays)


def review_late(
    requested_on: dt.date, today: dt.date, extra_holidays: ExtraHolidays | None = None
) -> bool:
    """True once more than 40 working days have passed since the review was asked for."""
    return working_days_between(requested_on, today, extra_holidays=extra_holidays) > (
        REVIEW_LATE_WORKING_DAYS
    )
