"""A quarter of known cases, counted by hand: July to September 2025.

Due dates (20 working days, the four nations' bank holidays skipped): received 1 Jul -> 30 Jul;
3 Jul -> 1 Aug; 10 Jul -> 11 Aug; 14 Jul -> 12 Aug; 1 Aug -> 2 Sep; 4 Aug -> 2 Sep;
2 Sep -> 30 Sep; 10 Sep -> 8 Oct.

    ref  received  items                       status  answered   facts
    A    1 Jul     disclosed x2                issued  15 Jul     granted in full, in time
    B    3 Jul     disclosed, s31(1)(a)        issued  31 Jul     partly disclosed, in time
    C    10 Jul    s40(2)                      closed  8 Aug      refused in full, in time
    D    14 Jul    not held x2                 issued  11 Aug     not held, in time
    J    10 Jul    s24(1); extension notified  issued  1 Sep      refused in full, LATE (the
                   20 Aug, after the 11 Aug due date: not permitted), extended
    E    1 Aug     disclosed                   issued  15 Sep     granted in full, LATE
    F    4 Aug     s31(1)(a); extension to     issued  25 Sep     refused in full, in time
                   30 Sep notified 1 Sep                          (permitted), extended
    G    1 Sep     disclosed                   draft   -          OPEN
    H    2 Sep     cost limit (s12)            issued  29 Sep     refused in full, in time
    I    10 Sep    partly disclosed, s43(2)    issued  6 Oct      partly disclosed, in time

Not counted: a training attempt received 5 Jul (issued, disclosed); requests received 30 Jun and
1 Oct; an ICO complaint about B. Internal reviews: of A (upheld), of C (overturned), of the
30 June request (upheld in part: not this quarter's).
"""

from __future__ import annotations

import datetime as dt

import pytest

from foi_core.models import (
    Case,
    CaseKind,
    CaseStatus,
    ExemptionClaim,
    InternalReview,
    Outcome,
    PITExtension,
    Request,
    RequestItem,
    ReviewOutcome,
    TrainingLink,
)
from foi_core.stats import Period, figures_from_cases

QUARTER = Period.quarter(2025, 3)
D = dt.date


def _request(
    ref: str,
    received: dt.date,
    outcomes: list[Outcome],
    answered: dt.date | None,
    *,
    status: CaseStatus = CaseStatus.ISSUED,
    claims: tuple[str, ...] = (),
    **changes: object,
) -> Case:
    items = [
        RequestItem(number=n, text=f"Question {n}", outcome=outcome)
        for n, outcome in enumerate(outcomes, start=1)
    ]
    withheld = [i.number for i in items if i.outcome in (Outcome.EXEMPT, Outcome.PARTLY_DISCLOSED)]
    return Case(
        id=f"case-{ref}",
        title=f"Request {ref}",
        status=status,
        request=Request(our_ref=ref, received=received, items=items),
        claims=[ExemptionClaim(citation=c, items=withheld) for c in claims],
        response_date=answered,
        **changes,
    )


def _review(original: Case, outcome: ReviewOutcome | None) -> Case:
    return original.model_copy(
        update={
            "id": f"{original.id}-IR",
            "kind": CaseKind.INTERNAL_REVIEW,
            "linked_case": original.id,
            "status": CaseStatus.ISSUED,
            "review": InternalReview(requested_on=D(2025, 10, 6), outcome=outcome),
            "request": original.request.model_copy(update={"our_ref": f"{original.id}-IR"}),
        }
    )


def quarter_cases() -> list[Case]:
    disclosed, exempt = Outcome.DISCLOSED, Outcome.EXEMPT
    a = _request("A", D(2025, 7, 1), [disclosed, disclosed], D(2025, 7, 15))
    b = _request("B", D(2025, 7, 3), [disclosed, exempt], D(2025, 7, 31), claims=("s31(1)(a)",))
    c = _request(
        "C", D(2025, 7, 10), [exempt], D(2025, 8, 8), status=CaseStatus.CLOSED, claims=("s40(2)",)
    )
    d = _request("D", D(2025, 7, 14), [Outcome.NOT_HELD, Outcome.NOT_HELD], D(2025, 8, 11))
    j = _request(
        "J",
        D(2025, 7, 10),
        [exempt],
        D(2025, 9, 1),
        claims=("s24(1)",),
        pit_extension=PITExtension(estimated_date=D(2025, 9, 5), notified_on=D(2025, 8, 20)),
    )
    e = _request("E", D(2025, 8, 1), [disclosed], D(2025, 9, 15))
    f = _request(
        "F",
        D(2025, 8, 4),
        [exempt],
        D(2025, 9, 25),
        claims=("s31(1)(a)",),
        pit_extension=PITExtension(estimated_date=D(2025, 9, 30), notified_on=D(2025, 9, 1)),
    )
    g = _request("G", D(2025, 9, 1), [disclosed], None, status=CaseStatus.DRAFT)
    h = _request("H", D(2025, 9, 2), [Outcome.COST_LIMIT], D(2025, 9, 29))
    i = _request(
        "I", D(2025, 9, 10), [Outcome.PARTLY_DISCLOSED], D(2025, 10, 6), claims=("s43(2)",)
    )
    training = _request(
        "T",
        D(2025, 7, 5),
        [disclosed],
        D(2025, 7, 7),
        kind=CaseKind.TRAINING,
        training=TrainingLink(scenario_id="anpr-camera-locations", trainee="t@force.police.uk"),
    )
    june = _request("JUNE", D(2025, 6, 30), [disclosed], D(2025, 7, 2))
    october = _request("OCT", D(2025, 10, 1), [disclosed], D(2025, 10, 3))
    complaint = b.model_copy(
        update={
            "id": "case-B-ICO",
            "kind": CaseKind.ICO_COMPLAINT,
            "linked_case": b.id,
            "request": b.request.model_copy(update={"our_ref": "B-ICO"}),
        }
    )
    reviews = [
        _review(a, ReviewOutcome.UPHELD),
        _review(c, ReviewOutcome.OVERTURNED),
        _review(june, ReviewOutcome.UPHELD_IN_PART),
    ]
    return [a, b, c, d, j, e, f, g, h, i, training, june, october, complaint, *reviews]


EXPECTED = {
    "received": 10,
    "processed": 9,
    "open": 1,
    "granted_in_full": 2,
    "partly_disclosed": 2,
    "refused_in_full": 4,
    "not_held": 1,
    "in_time": 7,
    "late": 2,
    "extended": 2,
    "internal_reviews": {
        "requested": 2,
        "upheld": 1,
        "upheld_in_part": 0,
        "overturned": 1,
        "not_decided": 0,
    },
    "exemptions": {"s31": 2, "s12": 1, "s24": 1, "s40": 1, "s43": 1},
}


def test_the_quarter_matches_the_hand_count() -> None:
    figures = figures_from_cases(quarter_cases(), QUARTER)
    assert figures.as_json() == EXPECTED
    assert list(figures.as_json()["exemptions"]) == ["s31", "s12", "s24", "s40", "s43"]
    assert figures.timeliness == pytest.approx(77.8)  # 7 of 9
    assert figures.band is not None and figures.band.name == "unsatisfactory"


def test_the_months_match_the_hand_count() -> None:
    figures = figures_from_cases(quarter_cases(), QUARTER)
    months = [(m.month, m.received, m.processed, m.in_time, m.late) for m in figures.by_month]
    assert months == [
        (D(2025, 7, 1), 5, 5, 4, 1),
        (D(2025, 8, 1), 2, 2, 1, 1),
        (D(2025, 9, 1), 3, 2, 2, 0),
    ]


def test_a_training_attempt_never_counts_even_alone() -> None:
    (training,) = [c for c in quarter_cases() if c.kind is CaseKind.TRAINING]
    figures = figures_from_cases([training], QUARTER)
    assert figures.received == 0 and figures.exemptions == {}


def test_the_months_of_the_quarter_and_a_single_month() -> None:
    july = figures_from_cases(quarter_cases(), Period.month(2025, 7))
    assert (july.received, july.late, july.extended) == (5, 1, 1)
    assert july.internal_reviews.requested == 2  # A's and C's reviews: both July requests
