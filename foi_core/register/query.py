"""What the register asks the store for: filters, sorting, a page of rows and the counts at the
top (``Store.register``, ``Store.register_counts``, ``Store.register_export`` in
``foi_core.storage.register`` do it in SQL over the columns ``case_facts`` stores).

Training attempts are never in the register: ``RegisterFilters.live_kinds`` leaves them out
whatever kinds are asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from foi_core.models import CaseKind, CaseStatus

from .facts import PROCESSED_STATUSES, Category

LIVE_KINDS: tuple[CaseKind, ...] = (
    CaseKind.REQUEST,
    CaseKind.INTERNAL_REVIEW,
    CaseKind.ICO_COMPLAINT,
)
OPEN_STATUSES: tuple[CaseStatus, ...] = tuple(s for s in CaseStatus if s not in PROCESSED_STATUSES)
DUE_SOON_WORKING_DAYS = 5  # "due this week"
KIND_LABELS: dict[CaseKind, str] = {
    CaseKind.REQUEST: "Requests",
    CaseKind.INTERNAL_REVIEW: "Internal reviews",
    CaseKind.ICO_COMPLAINT: "ICO complaints",
}


class RegisterSort(StrEnum):
    """The orders the register offers (the most useful direction of each)."""

    DUE = "due"  # soonest due first; no due date last
    RECEIVED = "received"  # newest first
    REF = "ref"  # A to Z
    UPDATED = "updated"  # most recently changed first


SORT_LABELS: dict[RegisterSort, str] = {
    RegisterSort.DUE: "Due date (soonest first)",
    RegisterSort.RECEIVED: "Date received (newest first)",
    RegisterSort.REF: "Reference",
    RegisterSort.UPDATED: "Last changed (newest first)",
}


@dataclass(frozen=True)
class RegisterFilters:
    """Which cases the register shows; every filter left empty shows all (requests only by
    default).

    ``assigned_to`` is an officer's mailbox as stored ("" for cases nobody is assigned);
    ``due_within`` keeps open cases due within that many working days (today to that day, not
    overdue ones); ``overdue`` keeps open cases past their due date; ``section`` is a section as
    ``case_facts`` stores it ("s31"); ``text`` is searched for in the reference and the title,
    ignoring case.
    """

    statuses: tuple[CaseStatus, ...] = ()
    assigned_to: str | None = None
    due_within: int | None = None
    overdue: bool = False
    categories: tuple[Category, ...] = ()
    section: str | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    text: str = ""
    kinds: tuple[CaseKind, ...] = (CaseKind.REQUEST,)

    @property
    def live_kinds(self) -> tuple[CaseKind, ...]:
        """The kinds asked for, training left out (every live kind when none is asked for)."""
        kinds = tuple(k for k in self.kinds if k in LIVE_KINDS)
        return kinds or (LIVE_KINDS if not self.kinds else ())


@dataclass(frozen=True)
class RegisterRow:
    """One case in the register: what the table shows, read from the stored columns.

    ``days_left`` is the working days to the due date of an open case (0 on the due day,
    negative once overdue, as ``working_days_left`` counts); None for a processed case or one
    with no due date.
    """

    id: str
    ref: str
    title: str
    kind: CaseKind
    status: CaseStatus
    assigned_to: str
    received: dt.date
    due_date: dt.date | None
    days_left: int | None
    response_date: dt.date | None
    category: Category | None
    in_time: bool
    extended: bool
    updated_at: dt.datetime
    sections: tuple[str, ...] = field(default=())

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def processed(self) -> bool:
        """Issued or closed with a response date (only processed cases have a category)."""
        return self.category is not None

    @property
    def late(self) -> bool:
        return self.processed and not self.in_time


@dataclass(frozen=True)
class RegisterPage:
    """One page of the register and how many cases match the filters in all."""

    rows: list[RegisterRow]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        """How many pages the matching cases fill (at least 1)."""
        return max(1, -(-self.total // self.page_size))


@dataclass(frozen=True)
class RegisterCounts:
    """The figures at the top of the register (live cases of every kind, training never)."""

    open: int
    due_soon: int  # open, due within DUE_SOON_WORKING_DAYS working days, not overdue
    overdue: int


def clamp_page(page: int, total: int, page_size: int) -> int:
    """``page`` kept within 1 .. the last page of ``total`` rows."""
    last = max(1, -(-total // page_size))
    return min(max(1, page), last)
