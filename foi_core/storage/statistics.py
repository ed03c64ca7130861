"""The published statistics counted in SQL (a part of ``Store``, a mixin): two GROUP BY queries
over the register's columns (``foi_core.register.case_facts``, stored at every save) and
``case_sections``, so a year at 100,000 cases reads counts, never a case document (only the
internal reviews' outcome is read from their documents: there are few).

The result is the same ``Figures`` as ``foi_core.stats.figures_from_cases`` gives from the cases
themselves (tests/test_stats_agree.py proves it on generated stores).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import aliased

from foi_core.models import CaseKind
from foi_core.stats import Figures, Period, Tally

from .reading import shown
from .tables import CaseRow, CaseSectionRow

if TYPE_CHECKING:
    from .store import Store


def _received_in(period: Period) -> ColumnElement[bool]:
    """Cases received in the period (of every kind: the kind is grouped on, so the received
    index drives the query), removed demo cases left out."""
    return and_(CaseRow.received >= period.start, CaseRow.received <= period.end, shown(CaseRow.id))


def _facts_query(period: Period) -> Select[Any]:
    """One row per combination of kind, received date, the register's facts and the sections a
    case relies on (joined with commas, in any order), with how many cases have it."""
    sections = (
        select(func.aggregate_strings(CaseSectionRow.section, ","))
        .where(CaseSectionRow.case_id == CaseRow.id)
        .scalar_subquery()
    )
    facts = (
        select(
            CaseRow.kind,
            CaseRow.received,
            CaseRow.processed,
            CaseRow.category,
            CaseRow.in_time,
            CaseRow.extended,
            sections.label("sections"),
        )
        .where(_received_in(period))
        .subquery()
    )
    columns = list(facts.c)
    return select(*columns, func.count()).group_by(*columns)


def _reviews_query(period: Period) -> Select[Any]:
    """The outcomes of internal reviews of requests received in the period, with their counts
    (driven from the few review cases, each joined to its original by id)."""
    review, original = aliased(CaseRow), aliased(CaseRow)
    outcome = review.document[("review", "outcome")].as_string()
    return (
        select(outcome, func.count())
        .select_from(review)
        .join(original, original.id == review.linked_case)
        .where(
            review.kind == CaseKind.INTERNAL_REVIEW.value,
            shown(review.id),
            original.kind == CaseKind.REQUEST.value,
            original.received >= period.start,
            original.received <= period.end,
            shown(original.id),
        )
        .group_by(outcome)
    )


class Statistics:
    """The Store's statistics (a mixin of ``Store``)."""

    def statistics(self: Store, period: Period) -> Figures:
        """The s45 Code of Practice figures for requests received in ``period``."""
        tally = Tally(period)
        with self._reading() as session:
            connection = session.connection()
            for (
                kind,
                received,
                processed,
                category,
                in_time,
                extended,
                sections,
                number,
            ) in connection.execute(_facts_query(period)):
                if kind != CaseKind.REQUEST.value:
                    continue
                tally.add_requests(
                    received,
                    processed=bool(processed),
                    category=category,
                    in_time=bool(in_time),
                    late=bool(processed) and not in_time,
                    extended=bool(extended),
                    number=number,
                )
                for section in (sections or "").split(",") if processed else ():
                    if section:
                        tally.add_section(section, number)
            for decided, number in connection.execute(_reviews_query(period)):
                tally.add_review(decided or None, number)
        return tally.figures()
