"""The internal review outcome letter's context: the response letter's parts for the request as
now decided, with the review's date, outcome, reasons and what changed.

It carries letter fields only: the reviewer's notes on each part stay in the case; the outcome
is worded in the authority's sense ("upheld": the original decision stands).
"""

from __future__ import annotations

from foi_core.aftercare import outcome_label, part_name, reason_label, review_due
from foi_core.bounds import today
from foi_core.models import Case, CaseKind, OrganisationProfile, Verdict

from ..errors import LetterDataError
from ..text import letter_date, printable
from .header import DRAFT_MARKER
from .response import LetterContext, build_letter_context
from .wording import capital, say

REVIEW_TITLE = "Internal review of our response"


class ReviewOutcomeContext(LetterContext):
    """Everything the review outcome letter template uses (the response letter's fields too)."""

    review_requested: str
    original_ref: str
    original_date: str
    grounds: str
    outcome: str  # "upheld", "upheld_in_part" or "overturned"
    outcome_label: str
    outcome_meaning: str
    changed_parts: list[str]
    reasons: str
    review_late_apology: str


def _changed_parts(case: Case) -> list[str]:
    """Each part the review changed, with why (the notes are internal)."""
    assert case.review is not None
    return [
        printable(
            f"{capital(part_name(part, case))}: {reason_label(part.reason).lower() or 'changed'}."
        )
        for part in case.review.parts
        if part.verdict is Verdict.CHANGED
    ]


def build_review_context(
    case: Case,
    profile: OrganisationProfile,
    original: Case | None = None,
    draft: bool = False,
) -> ReviewOutcomeContext:
    """The review outcome letter's context (LetterDataError when the case is not a review)."""
    review = case.review
    if case.kind is not CaseKind.INTERNAL_REVIEW or review is None:
        raise LetterDataError("This case is not an internal review, so it has no outcome letter.")
    if review.outcome is None:
        raise LetterDataError("Decide the review first: the letter says what its outcome is.")
    base = build_letter_context(case, profile, draft=draft)
    due = review_due(review.requested_on) if review.requested_on else None
    sent = case.response_date or review.decided_on or today()
    late = say("review_late_apology", due=letter_date(due)) if due and sent > due else ""
    values = dict(base)
    values.update(
        kind="review_outcome",
        document_title=f"{DRAFT_MARKER}: {REVIEW_TITLE}" if draft else REVIEW_TITLE,
        late_apology="",
    )
    return ReviewOutcomeContext(
        **values,
        review_requested=letter_date(review.requested_on),
        original_ref=printable(original.request.our_ref if original else ""),
        original_date=letter_date(original.response_date if original else None),
        grounds=printable(review.grounds),
        outcome=review.outcome.value,
        outcome_label=outcome_label(review.outcome),
        outcome_meaning=say("review_outcome", review.outcome.value),
        changed_parts=_changed_parts(case),
        reasons=printable(review.reasons),
        review_late_apology=late,
    )
