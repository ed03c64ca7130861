"""The FOIA working-day calendar (s10(6)) and the time limits counted on it.

A working day is any day except Saturday, Sunday, Christmas Day, Good Friday and a bank holiday in
*any* part of the UK, so the calendar is the union of the ``holidays`` package's GB calendars for
England, Wales, Scotland and Northern Ireland. The day of receipt is day 0, whatever day it is;
the next working day is day 1 (ICO guidance: a request arriving on a Saturday makes Monday day 1).

Every calendar function takes an optional keyword ``extra_holidays``: further non-working days for
an organisation, such as a one-off bank holiday proclaimed after the package was released. Pass a
collection of dates, or a mapping of date to name so the name shows in ``skipped_holidays``.
Bad input raises ``DeadlineError`` (plain English).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache

import holidays

STATUTORY_WORKING_DAYS = 20  # s10(1)
ICO_MAX_TOTAL_WORKING_DAYS = 40  # ICO view of a reasonable s10(3) extension, in total
REVIEW_WORKING_DAYS = 20  # s45 code of practice: internal review
REVIEW_EXCEPTIONAL_WORKING_DAYS = 40
DEFAULT_EXTRA_HOLIDAY_NAME = "extra non-working day recorded by the organisation"

# The four parts of the UK, in the order their names are listed.
_PARTS: dict[str, str] = {
    "ENG": "England",
    "WLS": "Wales",
    "SCT": "Scotland",
    "NIR": "Northern Ireland",
}

ExtraHolidays = Iterable[dt.date] | Mapping[dt.date, str]


class DeadlineError(ValueError):
    """Bad input to a deadline calculation; the message is plain English for the user.

    ``field`` names the case field (dotted path) whose date the calculation could not count
    from, when the error arose from a case.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


# --- The calendar -------------------------------------------------------------------------------


def _part_calendars(year: int | None = None) -> dict[str, holidays.HolidayBase]:
    return {code: holidays.country_holidays("GB", subdiv=code, years=year) for code in _PARTS}


@cache
def supported_years() -> tuple[int, int]:
    """The first and last year for which the ``holidays`` package knows UK bank holidays."""
    calendars = _part_calendars().values()
    return max(c.start_year for c in calendars), min(c.end_year for c in calendars)


def _parts_label(codes: set[str]) -> str:
    if len(codes) == len(_PARTS):
        return "all of the UK"
    names = [name for code, name in _PARTS.items() if code in codes]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


@cache
def _year_holidays(year: int) -> dict[dt.date, str]:
    """Bank holidays in any part of the UK in one year, each named with the parts it applies to.

    The dates are those of the sum (union) of the four GB calendars; the names come from the
    separate calendars so we can say which parts of the UK keep each holiday. Cached per year, so
    the calendar reaches whatever years are asked about and each year is built once.
    """
    first, last = supported_years()
    if not first <= year <= last:
        raise DeadlineError(
            f"Bank holidays are only known for the years {first} to {last}, so working days "
            f"cannot be counted in {year}. Check the date."
        )
    parts = _part_calendars(year)
    union = sum(list(parts.values())[1:], next(iter(parts.values())))
    table: dict[dt.date, str] = {}
    for day in sorted(union.keys()):
        by_name: dict[str, set[str]] = {}
        for code, calendar in parts.items():
            for name in calendar.get_list(day):
                by_name.setdefault(name, set()).add(code)
        table[day] = "; ".join(f"{name} ({_parts_label(codes)})" for name, codes in by_name.items())
    return table


def _as_date(value: object, what: str = "date") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise DeadlineError(f"The {what} must be a date (YYYY-MM-DD); got {value!r}.")


def extra_days_table(extra_holidays: ExtraHolidays | None) -> dict[dt.date, str]:
    if not extra_holidays:
        return {}
    if isinstance(extra_holidays, Mapping):
        return {
            _as_date(day, "extra non-working day"): str(name or DEFAULT_EXTRA_HOLIDAY_NAME)
            for day, name in extra_holidays.items()
        }
    return {
        _as_date(day, "extra non-working day"): DEFAULT_EXTRA_HOLIDAY_NAME for day in extra_holidays
    }


def _holiday_name(day: dt.date, extra: Mapping[dt.date, str]) -> str | None:
    names = [n for n in (_year_holidays(day.year).get(day), extra.get(day)) if n]
    return "; ".join(names) if names else None


def counts_as_working(day: dt.date, extra: Mapping[dt.date, str]) -> bool:
    return day.weekday() < 5 and day not in _year_holidays(day.year) and day not in extra


def check_count(n: object, what: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise DeadlineError(f"The {what} must be a whole number of working days; got {n!r}.")
    if n < 0:
        raise DeadlineError(f"The {what} cannot be negative; got {n}.")
    return n


def next_day(day: dt.date) -> dt.date:
    try:
        return day + dt.timedelta(days=1)
    except OverflowError:
        raise DeadlineError("That date is too far in the future to count working days.") from None


# --- Public calendar functions ----------------------------------------------------------------


def is_working_day(day: dt.date, *, extra_holidays: ExtraHolidays | None = None) -> bool:
    """Whether ``day`` is a FOIA working day (s10(6))."""
    return counts_as_working(_as_date(day), extra_days_table(extra_holidays))


def add_working_days(
    start: dt.date, n: int, *, extra_holidays: ExtraHolidays | None = None
) -> dt.date:
    """The ``n``th working day after ``start`` (``start`` itself is day 0; n=0 gives ``start``)."""
    day = _as_date(start, "start date")
    remaining = check_count(n, "number of days")
    extra = extra_days_table(extra_holidays)
    while remaining:
        day = next_day(day)
        if counts_as_working(day, extra):
            remaining -= 1
    return day


def due_date(
    received: dt.date,
    days: int = STATUTORY_WORKING_DAYS,
    *,
    extra_holidays: ExtraHolidays | None = None,
) -> dt.date:
    """The s10(1) due date: the ``days``th working day following the date of receipt (day 0)."""
    return add_working_days(
        _as_date(received, "date received"), days, extra_holidays=extra_holidays
    )


def working_days_between(
    start: dt.date, end: dt.date, *, extra_holidays: ExtraHolidays | None = None
) -> int:
    """How many working days lie in (start, end]; 0 when ``end`` is not after ``start``."""
    day, end = _as_date(start, "start date"), _as_date(end, "end date")
    extra = extra_days_table(extra_holidays)
    count = 0
    while day < end:
        day = day + dt.timedelta(days=1)
        if counts_as_working(day, extra):
            count += 1
    return count


def skipped_holidays(
    start: dt.date, end: dt.date, *, extra_holidays: ExtraHolidays | None = None
) -> list[tuple[dt.date, str]]:
    """Bank holidays (and extra non-working days) falling on weekdays in (start, end].

    Each comes with its name and the parts of the UK that keep it, for example
    ``(date(2026, 3, 17), "Saint Patrick's Day (Northern Ireland)")``. Weekends are not listed.
    """
    day, end = _as_date(start, "start date"), _as_date(end, "end date")
    extra = extra_days_table(extra_holidays)
    found = []
    while day < end:
        day = day + dt.timedelta(days=1)
        if day.weekday() < 5:
            name = _holiday_name(day, extra)
            if name:
                found.append((day, name))
    return found


def pit_extension_date(
    due: dt.date, extra: int = 20, *, extra_holidays: ExtraHolidays | None = None
) -> dt.date:
    """A default s17(2) estimated date for a s10(3) extension: ``extra`` working days after due."""
    return add_working_days(_as_date(due, "due date"), extra, extra_holidays=extra_holidays)


def review_due(
    requested_on: dt.date,
    exceptional: bool = False,
    *,
    extra_holidays: ExtraHolidays | None = None,
) -> dt.date:
    """When an internal review should be finished: 20 working days, 40 in exceptional cases."""
    days = REVIEW_EXCEPTIONAL_WORKING_DAYS if exceptional else REVIEW_WORKING_DAYS
    return add_working_days(
        _as_date(requested_on, "date the review was asked for"),
        days,
        extra_holidays=extra_holidays,
    )


def working_days_left(
    due: dt.date, today: dt.date, *, extra_holidays: ExtraHolidays | None = None
) -> int:
    """Working days left until ``due``: 0 on the due day, negative once it has passed.

    Before the due day this counts the working days in (today, due]. After it, it is minus the
    working days in (due, today], and at least -1, so any day after the due date (even a weekend)
    reads as overdue.
    """
    due, today = _as_date(due, "due date"), _as_date(today, "today's date")
    if today <= due:
        return working_days_between(today, due, extra_holidays=extra_holidays)
    return -max(1, working_days_between(due, today, extra_holidays=extra_holidays))


def describe_date(day: dt.date) -> str:
    """A date as people write it in letters: 'Tuesday 31 March 2026'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def skipped_summary(skipped: Iterable[tuple[dt.date, str]]) -> str:
    """'17 March 2026, Saint Patrick's Day (Northern Ireland); ...' for display."""
    return "; ".join(f"{day.day} {day:%B %Y}, {name}" for day, name in skipped)
