"""When a review or complaint case is due (the date the Cases list sorts and filters on), and
which letter each kind of case sends."""

from __future__ import annotations

import datetime as dt

from foi_core.models import Case, CaseKind

from .ico import next_deadline
from .review import review_due


def aftercare_due(case: Case) -> dt.date | None:
    """An internal review: 20 working days from the request for it (None until that date is
    known, or once decided); an ICO complaint: its earliest open deadline (None when nothing is
    due)."""
    if case.kind is CaseKind.INTERNAL_REVIEW:
        review = case.review
        if review is None or review.requested_on is None or review.decided_on is not None:
            return None
        return review_due(review.requested_on)
    if case.kind is CaseKind.ICO_COMPLAINT and case.ico is not None:
        deadline = next_deadline(case, dt.date.min)
        return deadline.due if deadline else None
    return None


def own_letter(case: Case) -> str | None:
    """The letter a case sends the requester: a request its response, a review its outcome
    letter (issued from the Internal review page), an ICO complaint none (our submissions go to
    the Commissioner's office, recorded on the ICO complaint page)."""
    return {
        CaseKind.REQUEST: "response",
        CaseKind.TRAINING: "response",
        CaseKind.INTERNAL_REVIEW: "review_outcome",
        CaseKind.ICO_COMPLAINT: None,
    }[case.kind]
