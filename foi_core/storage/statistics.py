"""The published statistics counted in SQL (a part of ``Store``, a mixin): three GROUP BY
queries over the register's columns (``foi_core.register.case_facts``, stored at every save),
so a year at 100,000 cases reads counts, never documents.

The result is the same ``Figures`` as ``foi_core.stats.figures_from_cases`` gives from the cases
themselves (tests/test_stats_agree.py proves it on generated stores).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import aliased

from foi_core.models import CaseKind
from foi_core.stats import Figures, Period, Tally

from .reading import shown
from .tables import CaseRow, CaseSectionRow

if TYPE_CHECKING:
    from .store import Store


def _requests_in(period: Period) -> ColumnElement[bool]:
    """Requests (never training attempts, reviews or complaints) received in the period, removed
    demo cases left out."""
    return and_(
        CaseRow.kind == CaseKind.REQUEST.value,
        CaseRow.received >= period.start,
        CaseRow.received <= period.end,
        shown(CaseRow.id),
    )


class Statistics:
    """The Store's statistics (a mixin of ``Store``)."""

    def statistics(self: Store, period: Period) -> Figures:
        """The s45 Code of Practice figures for requests received in ``period``."""
        requests = _requests_in(period)
        by_facts = (
            select(
                CaseRow.received,
                CaseRow.processed,
                CaseRow.category,
                CaseRow.in_time,
                CaseRow.extended,
                func.count(),
            )
            .where(requests)
            .group_by(
                CaseRow.received,
                CaseRow.processed,
                CaseRow.category,
                CaseRow.in_time,
                CaseRow.extended,
            )
        )
        by_section = (
            select(CaseSectionRow.section, func.count())
            .join(CaseRow, CaseRow.id == CaseSectionRow.case_id)
            .where(requests, CaseRow.processed.is_(True))
            .group_by(CaseSectionRow.section)
        )
        review = aliased(CaseRow)
        outcome = review.document["review"]["outcome"].as_string()
        by_outcome = (
            select(outcome, func.count())
            .where(
                review.kind == CaseKind.INTERNAL_REVIEW.value,
                shown(review.id),
                review.linked_case.in_(select(CaseRow.id).where(requests)),
            )
            .group_by(outcome)
        )
        tally = Tally(period)
        with self._reading() as session:
            connection = session.connection()
            for received, processed, category, in_time, extended, number in connection.execute(
                by_facts
            ):
                tally.add_requests(
                    received,
                    processed=bool(processed),
                    category=category,
                    in_time=bool(in_time),
                    late=bool(processed) and not in_time,
                    extended=bool(extended),
                    number=number,
                )
            for section, number in connection.execute(by_section):
                tally.add_section(section, number)
            for decided, number in connection.execute(by_outcome):
                tally.add_review(decided or None, number)
        return tally.figures()
