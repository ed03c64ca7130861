"""The register in SQL (a part of ``Store``, a mixin): filters on the indexed columns that
``case_facts`` fills at every save, sorting, pages, the counts at the top and a streamed export.
Working days left is a subtraction of stored working-day ordinals, never a loop over cases.
Training attempts and removed demo cases are never read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from foi_core.bounds import today as engine_today
from foi_core.models import CaseKind, CaseStatus
from foi_core.register import Category, section_order, working_day_ordinal
from foi_core.register.query import (
    DUE_SOON_WORKING_DAYS,
    LIVE_KINDS,
    OPEN_STATUSES,
    RegisterCounts,
    RegisterFilters,
    RegisterPage,
    RegisterRow,
    RegisterSort,
    clamp_page,
)

from .reading import _removed_demos, shown
from .records import _SUMMARY_FIELDS, CaseSummary
from .tables import CaseRow, CaseSectionRow

if TYPE_CHECKING:
    from .store import Store

EXPORT_CHUNK = 2_000
_OPEN = [s.value for s in OPEN_STATUSES]


def _is_open() -> ColumnElement[bool]:
    return CaseRow.status.in_(_OPEN)


def _days_left(today: dt.date) -> ColumnElement[Any]:
    """Working days left of an open case (``working_days_left``'s rule, in SQL): the due
    ordinal minus today's, at least -1 once the due date has passed; NULL otherwise."""
    left = CaseRow.due_working_day - working_day_ordinal(today)
    return case(
        (~_is_open(), None),
        (CaseRow.due_date < today, case((left < -1, left), else_=-1)),
        else_=left,
    )


def _due_within(days: int, today: dt.date) -> ColumnElement[bool]:
    """Open, due today or within ``days`` working days (not overdue)."""
    return and_(
        _is_open(),
        CaseRow.due_date >= today,
        CaseRow.due_working_day <= working_day_ordinal(today) + days,
    )


def _overdue(today: dt.date) -> ColumnElement[bool]:
    return and_(_is_open(), CaseRow.due_date < today)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _shown(session: Session) -> list[ColumnElement[bool]]:
    """Leaves out removed demo cases: their ids are read first (an index look-up of the audit
    log's "demo removed" events), so no query scans the audit log for every case."""
    hidden = list(session.scalars(_removed_demos()))
    return [CaseRow.id.not_in(hidden)] if hidden else []


def _where(filters: RegisterFilters, today: dt.date) -> list[ColumnElement[bool]]:
    """The WHERE clauses of ``filters`` (training always left out; removed demo cases are left
    out by ``_shown``)."""
    clauses = [CaseRow.kind.in_([k.value for k in filters.live_kinds])]
    if filters.statuses:
        clauses.append(CaseRow.status.in_([s.value for s in filters.statuses]))
    if filters.assigned_to is not None:
        officer = filters.assigned_to
        clauses.append(
            CaseRow.assigned_to.is_(None) if not officer else CaseRow.assigned_to == officer
        )
    if filters.due_within is not None:
        clauses.append(_due_within(filters.due_within, today))
    if filters.overdue:
        clauses.append(_overdue(today))
    if filters.categories:
        clauses.append(CaseRow.category.in_([c.value for c in filters.categories]))
    if filters.section:
        cited = select(CaseSectionRow.case_id).where(CaseSectionRow.section == filters.section)
        clauses.append(CaseRow.id.in_(cited))
    if filters.received_from is not None:
        clauses.append(CaseRow.received >= filters.received_from)
    if filters.received_to is not None:
        clauses.append(CaseRow.received <= filters.received_to)
    if text := filters.text.strip().lower():
        pattern = f"%{_escape_like(text)}%"
        clauses.append(
            or_(
                func.lower(CaseRow.ref).like(pattern, escape="\\"),
                func.lower(CaseRow.title).like(pattern, escape="\\"),
            )
        )
    return clauses


def _order(sort: RegisterSort) -> list[ColumnElement[Any]]:
    if sort is RegisterSort.DUE:
        return [CaseRow.due_date.is_(None), CaseRow.due_date, CaseRow.ref]
    if sort is RegisterSort.RECEIVED:
        return [CaseRow.received.desc(), CaseRow.ref]
    if sort is RegisterSort.UPDATED:
        return [CaseRow.updated_at.desc(), CaseRow.ref]
    return [CaseRow.ref]


def _rows(today: dt.date) -> Select[Any]:
    """What the register shows of each case (working days left worked out in SQL)."""
    return select(
        CaseRow.id,
        CaseRow.ref,
        CaseRow.title,
        CaseRow.kind,
        CaseRow.status,
        CaseRow.assigned_to,
        CaseRow.received,
        CaseRow.due_date,
        _days_left(today).label("days_left"),
        CaseRow.response_date,
        CaseRow.category,
        CaseRow.in_time,
        CaseRow.extended,
        CaseRow.updated_at,
    )


def _rows_query(filters: RegisterFilters, sort: RegisterSort, today: dt.date) -> Select[Any]:
    return _rows(today).where(*_where(filters, today)).order_by(*_order(sort))


def _row(values: Any, sections: Sequence[str] = ()) -> RegisterRow:
    data = dict(values._mapping)
    return RegisterRow(
        **{
            **data,
            "kind": CaseKind(data["kind"]),
            "status": CaseStatus(data["status"]),
            "assigned_to": data["assigned_to"] or "",
            "category": Category(data["category"]) if data["category"] else None,
            "in_time": bool(data["in_time"]),
            "extended": bool(data["extended"]),
        },
        sections=tuple(sections),
    )


class RegisterStore:
    """The register's reads (a mixin of ``Store``)."""

    def register(
        self: Store,
        filters: RegisterFilters | None = None,
        sort: RegisterSort | str = RegisterSort.DUE,
        page: int = 1,
        page_size: int = 50,
        *,
        today: dt.date | None = None,
    ) -> RegisterPage:
        """One page of the cases matching ``filters`` (pages count from 1; a page past the end
        gives the last page), with how many match in all."""
        filters = filters or RegisterFilters()
        today = today or engine_today()
        page_size = max(1, page_size)
        with self._reading() as session:
            hidden = _shown(session)
            where = [*_where(filters, today), *hidden]
            total = int(session.scalar(select(func.count()).select_from(CaseRow).where(*where)))
            page = clamp_page(page, total, page_size)
            # The page's ids first (from an index alone when it covers the filters and the
            # order), then only those rows.
            ids = list(
                session.scalars(
                    select(CaseRow.id)
                    .where(*where)
                    .order_by(*_order(RegisterSort(sort)))
                    .limit(page_size)
                    .offset((page - 1) * page_size)
                )
            )
            fetched = session.execute(_rows(today).where(CaseRow.id.in_(ids)))
            found = {values.id: values for values in fetched}
            rows = [_row(found[case_id]) for case_id in ids if case_id in found]
        return RegisterPage(rows=rows, total=total, page=page, page_size=page_size)

    def register_counts(
        self: Store,
        today: dt.date | None = None,
        kinds: Sequence[CaseKind] = LIVE_KINDS,
    ) -> RegisterCounts:
        """Open cases, those due within five working days and those overdue, in one query
        (live kinds only: training never counts)."""
        today = today or engine_today()
        live = [k.value for k in kinds if k in LIVE_KINDS]
        soon = _due_within(DUE_SOON_WORKING_DAYS, today)
        query = select(
            func.count(),
            func.coalesce(func.sum(case((soon, 1), else_=0)), 0),
            func.coalesce(func.sum(case((CaseRow.due_date < today, 1), else_=0)), 0),
        ).where(_is_open(), CaseRow.kind.in_(live))
        with self._reading() as session:
            opened, due_soon, overdue = session.execute(query.where(*_shown(session))).one()
        return RegisterCounts(open=int(opened), due_soon=int(due_soon), overdue=int(overdue))

    def register_export(
        self: Store,
        filters: RegisterFilters | None = None,
        sort: RegisterSort | str = RegisterSort.DUE,
        *,
        today: dt.date | None = None,
        chunk: int = EXPORT_CHUNK,
    ) -> Iterator[list[RegisterRow]]:
        """Every case matching ``filters``, in chunks of ``chunk`` rows streamed from the
        database (each row with its sections), for an export with a progress bar."""
        filters = filters or RegisterFilters()
        today = today or engine_today()
        query = _rows_query(filters, RegisterSort(sort), today)
        with self._reading() as session:
            query = query.where(*_shown(session))
            result = session.connection().execution_options(yield_per=chunk).execute(query)
            for part in result.partitions():
                ids = [values.id for values in part]
                cited = self._sections_of(session, ids)
                yield [_row(values, cited.get(values.id, ())) for values in part]

    @staticmethod
    def _sections_of(session: Any, ids: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        query = select(CaseSectionRow.case_id, CaseSectionRow.section).where(
            CaseSectionRow.case_id.in_(ids)
        )
        for case_id, section in session.execute(query):
            found.setdefault(case_id, []).append(section)
        return {k: sorted(v, key=section_order) for k, v in found.items()}

    def register_officers(self: Store) -> list[str]:
        """Everyone a case is assigned to (for the officer filter), A to Z: one scan of the
        assigned officer's index (a trainee with only training attempts may be listed; their
        attempts never are)."""
        query = select(CaseRow.assigned_to).where(CaseRow.assigned_to.is_not(None)).distinct()
        with self._reading() as session:
            return sorted(officer for officer in session.scalars(query) if officer)

    def register_sections(self: Store) -> list[str]:
        """The sections cases rely on (for the "exemption used" filter), by number: one scan of
        the sections' index."""
        query = select(CaseSectionRow.section).distinct()
        with self._reading() as session:
            return sorted(session.scalars(query), key=section_order)

    def register_assigned(self: Store, who: str, limit: int = 200) -> list[RegisterRow]:
        """Open live cases whose assigned officer's mailbox contains ``who`` (an e-mail address
        or a name, ignoring case), soonest due first; the caller checks each is theirs."""
        if not who.strip():
            return []
        pattern = f"%{_escape_like(who.strip().lower())}%"
        filters = RegisterFilters(statuses=OPEN_STATUSES, kinds=LIVE_KINDS)
        query = _rows_query(filters, RegisterSort.DUE, engine_today()).where(
            func.lower(CaseRow.assigned_to).like(pattern, escape="\\")
        )
        with self._reading() as session:
            query = query.where(*_shown(session)).limit(limit)
            return [_row(values) for values in session.execute(query)]

    def case_summaries(self: Store, ids: Collection[str]) -> list[CaseSummary]:
        """The listing summaries of these cases only (removed demo cases left out), by ref."""
        table = CaseRow.__table__
        query = (
            select(*(table.c[name] for name in _SUMMARY_FIELDS))
            .where(table.c.id.in_(list(ids)), shown(table.c.id))
            .order_by(table.c.ref)
        )
        with self._reading() as session:
            rows = session.connection().execute(query).all()
        return [
            CaseSummary.model_validate(dict(zip(_SUMMARY_FIELDS, r, strict=True))) for r in rows
        ]
