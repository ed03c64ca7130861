"""The precedent search's candidates: the stored cases sharing a search term with a query (a
part of ``Store``, a mixin).

Each case's search terms (``foi_core.precedents.precedent_terms``) are kept in ``case_terms``,
written at every save with whether the case is finished and when it was received. A search
looks its terms up in the index (which covers the query: no case row is read), scores each case
found as ``foi_core.precedents.search_precedents`` ranks (exemption: 2 for the limb asked, 1
for its section; theme; words shared) with GROUP BY, and orders them as it does (then issued and
closed first, newest first, by id), so the best few hundred are all ``find_precedents`` reads
and ranks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, case, func, literal, select

from .reading import shown
from .tables import CaseTermRow

if TYPE_CHECKING:
    from foi_core.precedents import QueryTerms

    from .store import Store


def _score(terms: list[tuple[frozenset[str] | set[str], int]]) -> ColumnElement[Any]:
    """A term's score: the first set holding it gives its value (0 if none)."""
    term = CaseTermRow.term
    whens = [(term.in_(sorted(wanted)), value) for wanted, value in terms if wanted]
    return case(*whens, else_=0) if whens else literal(0)


class PrecedentTerms:
    """The Store's precedent candidates (a mixin of ``Store``)."""

    def precedent_candidates(self: Store, terms: QueryTerms, limit: int) -> list[str]:
        """The ids of the live request cases (only they have terms; removed demo cases left
        out) sharing a term with the query, the best ``limit`` first."""
        theme = {terms.theme} if terms.theme else set()
        wanted = sorted(terms.words | terms.limbs | terms.sections | theme)
        if not wanted:
            return []
        case_id = CaseTermRow.case_id
        if self.engine.dialect.name == "postgresql":
            case_id = case_id.collate("C")  # code point order, as Python sorts
        query = (
            select(CaseTermRow.case_id)
            .where(CaseTermRow.term.in_(wanted), shown(CaseTermRow.case_id))
            .group_by(CaseTermRow.case_id)
            .order_by(
                func.max(_score([(terms.limbs, 2), (terms.sections, 1)])).desc(),
                func.max(_score([(theme, 1)])).desc(),
                func.sum(_score([(terms.words, 1)])).desc(),
                func.max(case((CaseTermRow.finished, 1), else_=0)).desc(),
                func.max(CaseTermRow.received).desc().nulls_last(),
                case_id,
            )
            .limit(limit)
        )
        with self._reading() as session:
            return list(session.scalars(query))
