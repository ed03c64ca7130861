"""Working days as whole numbers: ``working_day_ordinal(day)`` counts the FOIA working days
(``foi_core.deadlines.calendar``) from a fixed epoch to ``day``, so the working days between two
dates are a subtraction, which a database can do in SQL over a stored column.

``ordinal(b) - ordinal(a)`` is the number of working days in (a, b] for a <= b, exactly
``working_days_between(a, b)``; a day that is not a working day has the ordinal of the working
day before it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from itertools import accumulate

from foi_core.deadlines.calendar import DeadlineError, counts_as_working

EPOCH = dt.date(2000, 1, 1)  # ordinal 0 (a Saturday; any fixed day would do)
_NO_EXTRA: dict[dt.date, str] = {}


@cache
def _year_counts(year: int) -> tuple[int, ...]:
    """Working days from 1 January of ``year`` to each day of it, that day included."""
    first = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - first).days
    flags = (counts_as_working(first + dt.timedelta(n), _NO_EXTRA) for n in range(days))
    return tuple(accumulate(int(flag) for flag in flags))


@cache
def _before_year(year: int) -> int:
    """Working days in (EPOCH, 31 December of ``year - 1``]."""
    if year > EPOCH.year:
        return _before_year(year - 1) + _year_counts(year - 1)[-1]
    if year == EPOCH.year:
        return -_year_counts(year)[(EPOCH - dt.date(year, 1, 1)).days]
    return _before_year(year + 1) - _year_counts(year)[-1]


def working_day_ordinal(day: dt.date) -> int:
    """How many working days lie in (EPOCH, day] (negative before the epoch); DeadlineError for
    a year whose bank holidays are not known."""
    start = dt.date(day.year, 1, 1)
    return _before_year(day.year) + _year_counts(day.year)[(day - start).days]


def working_day_ordinal_or_none(day: dt.date | None) -> int | None:
    """The ordinal of ``day``, or None without a day or for one the calendar cannot count."""
    if day is None:
        return None
    try:
        return working_day_ordinal(day)
    except DeadlineError:
        return None


def days_left(due_ordinal: int, today_ordinal: int, overdue: bool) -> int:
    """Working days left to the due day from today's ordinals (``working_days_left``'s rule):
    0 on the due day, and at least -1 once the due date has passed (``overdue``)."""
    left = due_ordinal - today_ordinal
    return min(left, -1) if overdue else left
