"""FOIA time limits in working days (s10), with the clarification, fees and extension rules.

``calendar``: working days and the UK bank holidays (union of the four parts), the plain counts
(due date, review date, days left) and ``DeadlineError`` for bad input to them. ``clock``: the
clock rules (clarification restart, fees pause, extension, review). ``case``: one case's
deadlines (``case_deadlines``), which never raises for a valid case: dates it cannot count from
are ``Deadlines.problems``.
"""

from .calendar import (
    DEFAULT_EXTRA_HOLIDAY_NAME,
    ICO_MAX_TOTAL_WORKING_DAYS,
    REVIEW_EXCEPTIONAL_WORKING_DAYS,
    REVIEW_WORKING_DAYS,
    STATUTORY_WORKING_DAYS,
    DeadlineError,
    ExtraHolidays,
    add_working_days,
    describe_date,
    due_date,
    is_working_day,
    pit_extension_date,
    review_due,
    skipped_holidays,
    skipped_summary,
    supported_years,
    working_days_between,
    working_days_left,
)
from .case import Deadlines, case_deadlines

__all__ = [
    "DEFAULT_EXTRA_HOLIDAY_NAME",
    "ICO_MAX_TOTAL_WORKING_DAYS",
    "REVIEW_EXCEPTIONAL_WORKING_DAYS",
    "REVIEW_WORKING_DAYS",
    "STATUTORY_WORKING_DAYS",
    "DeadlineError",
    "Deadlines",
    "ExtraHolidays",
    "add_working_days",
    "case_deadlines",
    "describe_date",
    "due_date",
    "is_working_day",
    "pit_extension_date",
    "review_due",
    "skipped_holidays",
    "skipped_summary",
    "supported_years",
    "working_days_between",
    "working_days_left",
]
