"""What the register and the statistics know of one case, decided in one place: ``case_facts``.

Definitions (the s45 Code of Practice figures, issue 13; the README's "Register" note repeats
them):

- **processed**: the response is issued: status issued or closed, with a response date.
- **category** of a processed case (None while it is not processed), from its items' outcomes:
  - *granted in full*: every item is disclosed (outcome "disclosed in full");
  - *refused in full*: no item is disclosed and at least one is withheld or refused;
  - *not held*: every item is not held;
  - *partly disclosed*: otherwise (some disclosed and some withheld, refused or not held).

  Our reading of "disclosed": an item **partly disclosed** gave the requester information, so
  it counts as disclosed for "no item is disclosed" (a case with one is never refused in full)
  and as withheld for "every item is disclosed" (nor granted in full): it makes the case partly
  disclosed. An item **reasonably accessible elsewhere (s21)** is refused under an absolute
  exemption (the information is not sent), so it counts as refused, as the Cabinet Office
  returns count s21 among the exemptions withholding information. Items with no outcome
  recorded count as neither; a processed case with no item recorded at all is partly
  disclosed (the definition's "otherwise").
- **in time**: a processed request answered on or before its s10(1) due date, or on or before
  the estimated date of a permitted public interest extension (s10(3)): one recorded beyond the
  due date and notified by the due date (or with no notification date recorded, as the checker
  reads it). A processed case whose clock never started (a clarification never answered) is in
  time. An internal review is in time within 20 working days of the request for it; an ICO
  complaint has no response deadline of its own and counts as in time. **late** is the
  opposite, for processed cases only.
- **extended**: a s10(3) extension is recorded beyond the s10(1) due date.
- **sections**: the sections cited by the case's claims ("s31", "s40"), with the section an
  outcome itself relies on: s12 for the cost limit, s14 for vexatious or repeated, s21 for
  accessible elsewhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from foi_core.deadlines import case_deadlines
from foi_core.deadlines.calendar import DeadlineError
from foi_core.models import Case, CaseKind, CaseStatus, Outcome


class Category(StrEnum):
    """What a processed case gave the requester (the s45 Code of Practice categories)."""

    GRANTED_IN_FULL = "granted_in_full"
    PARTLY_DISCLOSED = "partly_disclosed"
    REFUSED_IN_FULL = "refused_in_full"
    NOT_HELD = "not_held"


CATEGORY_LABELS: dict[Category, str] = {
    Category.GRANTED_IN_FULL: "Granted in full",
    Category.PARTLY_DISCLOSED: "Partly disclosed",
    Category.REFUSED_IN_FULL: "Refused in full",
    Category.NOT_HELD: "Not held",
}

PROCESSED_STATUSES = frozenset({CaseStatus.ISSUED, CaseStatus.CLOSED})
# Outcomes that gave the requester some information, and outcomes withholding or refusing some.
GIVING = frozenset({Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED})
WITHHOLDING = frozenset(
    {
        Outcome.PARTLY_DISCLOSED,
        Outcome.EXEMPT,
        Outcome.NCND,
        Outcome.ACCESSIBLE_ELSEWHERE,
        Outcome.COST_LIMIT,
        Outcome.VEXATIOUS,
        Outcome.REPEATED,
    }
)
# The section an outcome relies on by itself (without a claim naming it).
OUTCOME_SECTIONS: dict[Outcome, str] = {
    Outcome.COST_LIMIT: "s12",
    Outcome.VEXATIOUS: "s14",
    Outcome.REPEATED: "s14",
    Outcome.ACCESSIBLE_ELSEWHERE: "s21",
}


@dataclass(frozen=True)
class CaseFacts:
    """One case as the register and the statistics count it (see the module docstring).

    ``outcome_items`` counts the items by outcome value, in the order of ``Outcome``, with
    "none" for items whose outcome is not recorded (only outcomes that occur).
    """

    id: str
    ref: str
    title: str
    kind: CaseKind
    status: CaseStatus
    assigned_to: str
    received: dt.date
    due: dt.date | None  # the date that matters now: an extension's estimated date, else s10(1)
    s10_due: dt.date | None  # the s10(1) date (None while the clock is stopped)
    response_date: dt.date | None
    processed: bool
    category: Category | None
    in_time: bool
    late: bool
    extended: bool
    sections: tuple[str, ...]
    outcome_items: tuple[tuple[str, int], ...]

    @property
    def training(self) -> bool:
        """A trainee's attempt: never in the register, the statistics or any count."""
        return self.kind is CaseKind.TRAINING

    @property
    def open(self) -> bool:
        """Not yet issued or closed."""
        return self.status not in PROCESSED_STATUSES

    def items_with(self, outcome: Outcome | str) -> int:
        """How many items have this outcome ("none": no outcome recorded)."""
        return dict(self.outcome_items).get(str(outcome), 0)


def category_of(outcomes: list[Outcome | None]) -> Category:
    """The category of a processed case's item outcomes (the module docstring's definitions)."""
    if outcomes and all(o is Outcome.DISCLOSED for o in outcomes):
        return Category.GRANTED_IN_FULL
    if outcomes and all(o is Outcome.NOT_HELD for o in outcomes):
        return Category.NOT_HELD
    if not any(o in GIVING for o in outcomes) and any(o in WITHHOLDING for o in outcomes):
        return Category.REFUSED_IN_FULL
    return Category.PARTLY_DISCLOSED


def section_of(citation: str) -> str:
    """The section of a citation as cited: "s31(1)(a)" -> "s31"."""
    return citation.split("(", 1)[0].strip()


def sections_used(case: Case) -> tuple[str, ...]:
    """The sections the case relies on (claims, and the outcomes naming their own), sorted by
    number."""
    found = {section_of(c) for claim in case.claims for c in claim.citations}
    outcomes = {item.outcome for item in case.request.items}
    found |= {section for outcome, section in OUTCOME_SECTIONS.items() if outcome in outcomes}
    found.discard("")
    return tuple(sorted(found, key=section_order))


def section_order(section: str) -> tuple[int, str]:
    """Sorts sections by number: s2 before s12, s22 before s22A."""
    digits = "".join(ch for ch in section if ch.isdigit())
    return (int(digits) if digits else 10_000, section)


def _outcome_counts(case: Case) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for item in case.request.items:
        key = item.outcome.value if item.outcome is not None else "none"
        counts[key] = counts.get(key, 0) + 1
    order = [o.value for o in Outcome] + ["none"]
    return tuple((key, counts[key]) for key in order if key in counts)


def _request_dates(case: Case) -> tuple[dt.date | None, dt.date | None, dt.date | None, bool]:
    """(due now, s10(1) due, latest in-time answer, extended) of a request."""
    deadlines = case_deadlines(case)
    s10 = deadlines.due
    extension = case.pit_extension
    if s10 is None or extension is None or extension.estimated_date <= s10:
        return s10, s10, s10, False
    permitted = extension.notified_on is None or extension.notified_on <= s10
    answer_by = extension.estimated_date if permitted else s10
    return extension.estimated_date, s10, answer_by, True


def _aftercare_dates(case: Case) -> tuple[dt.date | None, dt.date | None]:
    """(due now, latest in-time answer) of a review or complaint."""
    from foi_core.aftercare.due import aftercare_due
    from foi_core.aftercare.review import review_due

    answer_by = None
    review = case.review
    if case.kind is CaseKind.INTERNAL_REVIEW and review is not None and review.requested_on:
        try:
            answer_by = review_due(review.requested_on)
        except DeadlineError:
            answer_by = None
    try:
        due = aftercare_due(case)
    except DeadlineError:
        due = None
    return due, answer_by


def case_facts(case: Case) -> CaseFacts:
    """What the register and the statistics know of ``case`` (pure; never raises for a valid
    case)."""
    if case.kind in (CaseKind.REQUEST, CaseKind.TRAINING):
        due, s10, answer_by, extended = _request_dates(case)
    else:
        due, answer_by = _aftercare_dates(case)
        s10, extended = None, False
    processed = case.status in PROCESSED_STATUSES and case.response_date is not None
    in_time = processed and (
        answer_by is None or case.response_date is None or case.response_date <= answer_by
    )
    category = category_of([i.outcome for i in case.request.items]) if processed else None
    return CaseFacts(
        id=case.id,
        ref=case.request.our_ref,
        title=case.title,
        kind=case.kind,
        status=case.status,
        assigned_to=case.assigned_to,
        received=case.request.received,
        due=due,
        s10_due=s10,
        response_date=case.response_date,
        processed=processed,
        category=category,
        in_time=in_time,
        late=processed and not in_time,
        extended=extended,
        sections=sections_used(case),
        outcome_items=_outcome_counts(case),
    )
