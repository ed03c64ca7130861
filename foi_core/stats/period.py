"""The period statistics are counted for: a month, a quarter, a year or any run of dates, by the
date each request was received.

>>> Period.parse("2025Q3").label
'July to September 2025 (2025 Q3)'
>>> Period.between(dt.date(2025, 7, 1), dt.date(2025, 9, 30)).months()[0]
datetime.date(2025, 7, 1)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from foi_core.plain import plain_date

PeriodKind = Literal["month", "quarter", "year", "range"]

_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
FIRST_YEAR = 1990  # before any request under the Act (in force 2005): a typing slip
LAST_YEAR = 2200


class PeriodError(ValueError):
    """A period that cannot be counted, in plain words (a ValueError: the CLI prints it)."""


def _year_ok(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(f"{year} is not a year statistics can be counted for")
    return year


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    """Requests received from ``start`` to ``end`` (both included)."""

    start: dt.date
    end: dt.date
    kind: PeriodKind = "range"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(
                f"the period ends ({self.end.isoformat()}) before it starts "
                f"({self.start.isoformat()}); give the earlier date first"
            )
        _year_ok(self.start.year)
        _year_ok(self.end.year)

    # -- making one ---------------------------------------------------------------------------

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise PeriodError(f"{month} is not a month (1 to 12)")
        _year_ok(year)
        return cls(dt.date(year, month, 1), _month_end(year, month), "month")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter 1 is January to March (calendar quarters, as published statistics use)."""
        if not 1 <= quarter <= 4:
            raise PeriodError(f"Q{quarter} is not a quarter (Q1 to Q4)")
        _year_ok(year)
        first = 3 * (quarter - 1) + 1
        return cls(dt.date(year, first, 1), _month_end(year, first + 2), "quarter")

    @classmethod
    def year(cls, year: int) -> Period:
        _year_ok(year)
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        return cls(start, end, "range")

    @classmethod
    def parse(cls, text: str) -> Period:
        """ "2025Q3" (a quarter), "2025" (a year) or "2025-07" (a month)."""
        cleaned = text.strip()
        if found := _QUARTER.match(cleaned):
            return cls.quarter(int(found[1]), int(found[2]))
        if found := _YEAR.match(cleaned):
            return cls.year(int(found[1]))
        if found := _MONTH.match(cleaned):
            return cls.month(int(found[1]), int(found[2]))
        raise PeriodError(
            f"'{text}' is not a period; write a quarter as 2025Q3, a year as 2025 or a month "
            "as 2025-07"
        )

    @classmethod
    def last_full_quarter(cls, today: dt.date) -> Period:
        """The last quarter that ended before ``today`` (statistics are published after it)."""
        quarter = (today.month - 1) // 3 + 1
        return (
            cls.quarter(today.year, quarter - 1) if quarter > 1 else cls.quarter(today.year - 1, 4)
        )

    # -- reading one --------------------------------------------------------------------------

    @property
    def code(self) -> str:
        """A short name for files: 2025-Q3, 2025, 2025-07 or 2025-07-01_2025-08-15."""
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """The period in words: "July to September 2025 (2025 Q3)", "July 2025", "2025"."""
        if self.kind == "quarter":
            first = calendar.month_name[self.start.month]
            last = calendar.month_name[self.end.month]
            quarter = (self.start.month - 1) // 3 + 1
            return f"{first} to {last} {self.start.year} ({self.start.year} Q{quarter})"
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "month":
            return f"{calendar.month_name[self.start.month]} {self.start.year}"
        return f"{plain_date(self.start)} to {plain_date(self.end)}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[dt.date]:
        """The first day of each calendar month the period touches, in order."""
        months: list[dt.date] = []
        day = self.start.replace(day=1)
        while day <= self.end:
            months.append(day)
            day = (day + dt.timedelta(days=32)).replace(day=1)
        return months


def month_of(day: dt.date) -> dt.date:
    """The first day of ``day``'s month (how the per-month series is keyed)."""
    return day.replace(day=1)
