"""Counting the figures: ``figures_from_cases`` (pure, from each case's facts: the reference
implementation) and ``Tally``, which both it and ``Store.statistics`` (counting in SQL) feed.

What counts: requests (``CaseKind.REQUEST``) received in the period, by their facts
(``foi_core.register.case_facts``, the one home of the definitions); internal reviews linked
to those requests. Training attempts and ICO complaints are never counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from foi_core.models import Case, CaseKind, ReviewOutcome
from foi_core.register import case_facts

from .figures import Figures, MonthFigures, ReviewCounts, ordered_exemptions
from .period import Period, month_of


class Tally:
    """Running counts for one period; ``figures()`` gives the result."""

    def __init__(self, period: Period) -> None:
        self.period = period
        self.counts: Counter[str] = Counter()
        self.months: dict[dt.date, Counter[str]] = {m: Counter() for m in period.months()}
        self.sections: Counter[str] = Counter()
        self.reviews: Counter[str] = Counter()

    def add_requests(
        self,
        received: dt.date,
        *,
        processed: bool,
        category: str | None,
        in_time: bool,
        late: bool,
        extended: bool,
        number: int = 1,
    ) -> None:
        """``number`` requests received on ``received`` with these facts."""
        month = self.months[month_of(received)]
        flags = {
            "received": True,
            "processed": processed,
            "in_time": processed and in_time,
            "late": processed and late,
        }
        for key, on in flags.items():
            if on:
                self.counts[key] += number
                month[key] += number
        if extended:
            self.counts["extended"] += number
        if processed and category:
            self.counts[category] += number

    def add_section(self, section: str, number: int = 1) -> None:
        """``number`` processed requests citing ``section``."""
        self.sections[section] += number

    def add_review(self, outcome: ReviewOutcome | str | None, number: int = 1) -> None:
        """``number`` internal reviews of the period's requests with this outcome (or none)."""
        self.reviews["requested"] += number
        if outcome:
            self.reviews[ReviewOutcome(outcome).value] += number

    def figures(self) -> Figures:
        counts, reviews = self.counts, self.reviews
        return Figures(
            period=self.period,
            received=counts["received"],
            processed=counts["processed"],
            open=counts["received"] - counts["processed"],
            granted_in_full=counts["granted_in_full"],
            partly_disclosed=counts["partly_disclosed"],
            refused_in_full=counts["refused_in_full"],
            not_held=counts["not_held"],
            in_time=counts["in_time"],
            late=counts["late"],
            extended=counts["extended"],
            internal_reviews=ReviewCounts(
                requested=reviews["requested"],
                upheld=reviews[ReviewOutcome.UPHELD.value],
                upheld_in_part=reviews[ReviewOutcome.UPHELD_IN_PART.value],
                overturned=reviews[ReviewOutcome.OVERTURNED.value],
            ),
            exemptions=ordered_exemptions(self.sections),
            by_month=tuple(
                MonthFigures(
                    month=month,
                    received=tally["received"],
                    processed=tally["processed"],
                    in_time=tally["in_time"],
                    late=tally["late"],
                )
                for month, tally in self.months.items()
            ),
        )


def figures_from_cases(cases: Iterable[Case], period: Period) -> Figures:
    """The figures for requests received in ``period``, counted case by case (pure)."""
    tally = Tally(period)
    counted: set[str] = set()
    reviews: list[Case] = []
    for case in cases:
        if case.kind is CaseKind.INTERNAL_REVIEW:
            reviews.append(case)
        if case.kind is not CaseKind.REQUEST or not period.contains(case.request.received):
            continue
        facts = case_facts(case)
        counted.add(case.id)
        tally.add_requests(
            facts.received,
            processed=facts.processed,
            category=facts.category.value if facts.category else None,
            in_time=facts.in_time,
            late=facts.late,
            extended=facts.extended,
        )
        if facts.processed:
            for section in facts.sections:
                tally.add_section(section)
    for review in reviews:
        if review.linked_case in counted:
            tally.add_review(review.review.outcome if review.review else None)
    return tally.figures()
