"""A case's time limits (``Deadlines``): the s10(1) due date counted on the calendar with the
clock rules (``clock``), the default s10(3) extension, review date and skipped bank holidays.

``case_deadlines`` never raises for a valid case: a date the calendar cannot count from becomes
one of ``Deadlines.problems``, naming the case field to fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from foi_core.models import Case, FieldProblem

from .calendar import (
    STATUTORY_WORKING_DAYS,
    DeadlineError,
    ExtraHolidays,
    add_working_days,
    check_count,
    counts_as_working,
    describe_date,
    extra_days_table,
    pit_extension_date,
    skipped_holidays,
    skipped_summary,
)
from .clock import clarified_start, count_from, extension_dates, fee_notes, fee_pause, review_date


@contextmanager
def _counting_from(field: str) -> Iterator[None]:
    """Name ``field`` on any DeadlineError raised inside the block (unless one is named)."""
    try:
        yield
    except DeadlineError as error:
        if error.field is None:
            error.field = field
        raise


class Deadlines(BaseModel):
    """Every time limit of a case, with plain-English notes explaining how each was worked out."""

    model_config = ConfigDict(extra="forbid")

    received: dt.date
    clock_start: dt.date = Field(description="Day 0: receipt, or receipt of the s1(3) answer.")
    clock_stopped: bool = Field(
        default=False, description="True while waiting for a clarification or an unpaid fee."
    )
    paused_working_days: int = Field(
        default=0, description="Working days disregarded under s10(2) while a fee was unpaid."
    )
    due: dt.date | None = Field(default=None, description="The s10(1) date, None while stopped.")
    extended_due: dt.date | None = Field(
        default=None, description="The s17(2) estimated date of a s10(3) extension, if recorded."
    )
    default_extension_due: dt.date | None = Field(
        default=None, description="20 further working days after the due date (ICO norm)."
    )
    extension_total_working_days: int | None = Field(
        default=None, description="Working days from the clock start to the estimated date."
    )
    review_due: dt.date | None = None
    skipped_holidays: list[tuple[dt.date, str]] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    problems: list[FieldProblem] = Field(
        default_factory=list,
        description="Dates that could not be worked out, each naming the case field to fix; "
        "the dates that rest on it are left empty.",
    )

    @property
    def final_due(self) -> dt.date | None:
        """The date that matters now: the extended date if there is one, else the s10(1) date."""
        return self.extended_due or self.due


def case_deadlines(
    case: Case,
    *,
    extra_holidays: ExtraHolidays | None = None,
    days: int = STATUTORY_WORKING_DAYS,
) -> Deadlines:
    """Work out the clock start, due date, extension and review dates of a case, with notes.

    Never raises for a valid case: a date the calendar cannot count from (past the years whose
    bank holidays are known) becomes one of ``problems``, naming the field to fix, and the dates
    resting on it are left empty. Bad ``extra_holidays`` or ``days`` still raise DeadlineError.
    """
    extra = extra_days_table(extra_holidays)
    check_count(days, "number of days")
    problems: list[FieldProblem] = []
    try:
        review = review_date(case, extra)
    except DeadlineError as error:
        review = None
        problems.append(_problem(error, "review_requested_on"))
    try:
        with _counting_from("request.received"):
            deadlines = _deadlines(case, extra, days, review, problems)
    except DeadlineError as error:
        problems.append(_problem(error, "request.received"))
        received = case.request.received
        return Deadlines(received=received, clock_start=received, problems=problems)
    return deadlines


def _problem(error: DeadlineError, field: str) -> FieldProblem:
    return FieldProblem(field=error.field or field, message=str(error))


def _deadlines(
    case: Case,
    extra: Mapping[dt.date, str],
    days: int,
    review: dt.date | None,
    problems: list[FieldProblem],
) -> Deadlines:
    """case_deadlines without the safety net (DeadlineError naming the field it counted from)."""
    received = case.request.received
    warnings: list[str] = []
    notes: list[str] = []

    def result(clock_start: dt.date, paused: int = 0, **dates: Any) -> Deadlines:
        """The answer, with the warnings, notes and problems gathered so far."""
        return Deadlines(
            received=received,
            clock_start=clock_start,
            paused_working_days=paused,
            review_due=review,
            warnings=warnings,
            notes=notes,
            problems=problems,
            **dates,
        )

    if not counts_as_working(received, extra):
        day_one = add_working_days(received, 1, extra_holidays=extra)
        notes.append(
            f"The request arrived on {describe_date(received)}, which is not a working day. It "
            f"still counts as day 0, so {describe_date(day_one)} is day 1 (ICO guidance)."
        )

    clock_start = clarified_start(case, warnings, notes)
    if clock_start is None:
        return result(received, clock_stopped=True)
    pause_start, pause_end = fee_pause(case, warnings)
    fees = case.fees_notice

    field = "request.received" if clock_start == received else "clarification.received_on"
    with _counting_from(field):
        due, paused = count_from(clock_start, days, pause_start, pause_end, extra)
    if due is None:
        assert fees is not None
        notes.append(
            f"The clock is stopped: a fees notice was issued on {describe_date(fees.issued_on)} "
            f"and the fee has not been paid. Under s10(2) the working days from the notice until "
            f"payment do not count, so the due date will be known once the fee arrives. If it is "
            f"not paid within three months of the notice, we need not comply (s9(2))."
        )
        return result(clock_start, paused, clock_stopped=True)

    notes.append(
        f"Under s10(1) we must respond promptly and no later than the {_ordinal(days)} working "
        f"day after day 0 ({describe_date(clock_start)}): {describe_date(due)}."
    )
    if fees is not None and pause_start is not None:
        fee_notes(fees, paused, due, warnings, notes)

    try:
        default_extension: dt.date | None = pit_extension_date(due, extra_holidays=extra)
    except DeadlineError:  # only a suggestion: left out when the calendar ends before it
        default_extension = None
    extended_due = None
    extension_total = None
    last_day = due
    try:
        extension = extension_dates(case, due, default_extension, days, extra, warnings, notes)
    except DeadlineError as error:
        problems.append(_problem(error, "pit_extension.estimated_date"))
        extension = None
    if extension is not None:
        extended_due, extension_total = extension
        last_day = max(due, extended_due)

    skipped = skipped_holidays(clock_start, last_day, extra_holidays=extra)
    if skipped:
        notes.append(
            "Bank holidays in any part of the UK are not working days (s10(6)), so these were "
            f"skipped: {skipped_summary(skipped)}."
        )

    return result(
        clock_start,
        paused,
        due=due,
        extended_due=extended_due,
        default_extension_due=default_extension,
        extension_total_working_days=extension_total,
        skipped_holidays=skipped,
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
