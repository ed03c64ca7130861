"""A case's time limits: clock start (s1(3) clarification), s10(2) fees pause, s10(1) due date,
s10(3) extension and internal review, each with plain-English notes and warnings.

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
    ICO_MAX_TOTAL_WORKING_DAYS,
    STATUTORY_WORKING_DAYS,
    DeadlineError,
    ExtraHolidays,
    add_working_days,
    check_count,
    counts_as_working,
    describe_date,
    extra_days_table,
    next_day,
    pit_extension_date,
    review_due,
    skipped_holidays,
    skipped_summary,
    working_days_between,
)


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


def _count_from(
    clock_start: dt.date,
    days: int,
    pause_start: dt.date | None,
    pause_end: dt.date | None,
    extra: Mapping[dt.date, str],
) -> tuple[dt.date | None, int]:
    """The ``days``th working day after ``clock_start``, disregarding the paused days (s10(2)).

    The pause runs from ``pause_start`` to ``pause_end`` inclusive; ``pause_end`` None means the
    fee is unpaid, so the date cannot be known yet (returns None). Also returns how many working
    days the pause disregarded before the due date.
    """
    day, counted, paused = clock_start, 0, 0
    while counted < days:
        day = next_day(day)
        if not counts_as_working(day, extra):
            continue
        if pause_start is not None and day >= pause_start:
            if pause_end is None:
                return None, paused
            if day <= pause_end:
                paused += 1
                continue
        counted += 1
    return day, paused


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
        review = _review(case, extra)
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

    # s1(3): clarification restarts the clock when the answer arrives.
    clock_start = received
    clarification = case.clarification
    if clarification is not None:
        if clarification.asked_on < received:
            warnings.append(
                f"Clarification is recorded as asked for on "
                f"{describe_date(clarification.asked_on)}, before the request arrived on "
                f"{describe_date(received)}. Check the dates."
            )
        if clarification.received_on is None:
            notes.append(
                f"The clock is stopped: we asked the requester to clarify the request on "
                f"{describe_date(clarification.asked_on)} and are waiting for an answer. Under "
                f"s1(3) we do not have to answer until the clarification arrives; the 20 working "
                f"days then start again from the day it does."
            )
            return result(received, clock_stopped=True)
        if clarification.received_on < clarification.asked_on:
            warnings.append(
                f"The clarification is recorded as arriving on "
                f"{describe_date(clarification.received_on)}, before it was asked for on "
                f"{describe_date(clarification.asked_on)}. Check the dates."
            )
        if clarification.received_on < received:
            warnings.append(
                "The clarification is recorded as arriving before the request itself, so the "
                "clock has been started from the date the request arrived. Check the dates."
            )
        else:
            clock_start = clarification.received_on
            notes.append(
                f"We asked for clarification on {describe_date(clarification.asked_on)} and the "
                f"answer arrived on {describe_date(clock_start)}. Under s1(3) the clock starts "
                f"again from that day: it is day 0."
            )

    # s10(2): a fees notice pauses the clock from the day it is issued until the fee is paid.
    pause_start = pause_end = None
    fees = case.fees_notice
    if fees is not None:
        if fees.paid_on is not None and fees.paid_on < fees.issued_on:
            warnings.append(
                f"The fee is recorded as paid on {describe_date(fees.paid_on)}, before the fees "
                f"notice was issued on {describe_date(fees.issued_on)}. Check the dates; the "
                f"clock has not been paused."
            )
        else:
            pause_start, pause_end = fees.issued_on, fees.paid_on

    field = "request.received" if clock_start == received else "clarification.received_on"
    with _counting_from(field):
        due, paused = _count_from(clock_start, days, pause_start, pause_end, extra)
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
        if paused:
            notes.append(
                f"A fees notice was issued on {describe_date(fees.issued_on)} and the fee was paid "
                f"on {describe_date(fees.paid_on)}. Under s10(2) the {paused} working "
                f"day{'s' if paused != 1 else ''} in between (both days included) do not count, "
                f"so the due date is that many working days later."
            )
        else:
            notes.append(
                f"The fees notice issued on {describe_date(fees.issued_on)} made no difference to "
                f"the due date: no working day it paused fell within the 20 working days."
            )
            if fees.issued_on > due:
                warnings.append(
                    f"The fees notice was issued on {describe_date(fees.issued_on)}, after the "
                    f"response was already due on {describe_date(due)}."
                )

    try:
        default_extension: dt.date | None = pit_extension_date(due, extra_holidays=extra)
    except DeadlineError:  # only a suggestion: left out when the calendar ends before it
        default_extension = None
    extended_due = None
    extension_total = None
    last_day = due
    try:
        extension = _extension(case, due, default_extension, days, extra, warnings, notes)
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


def _extension(
    case: Case,
    due: dt.date,
    default_extension: dt.date | None,
    days: int,
    extra: Mapping[dt.date, str],
    warnings: list[str],
    notes: list[str],
) -> tuple[dt.date, int] | None:
    """The s10(3) estimated date and the working days it makes in total, with its notes and
    warnings (None without an extension)."""
    if case.pit_extension is not None:
        extended_due = case.pit_extension.estimated_date
        if extended_due >= due:
            extension_total = days + working_days_between(due, extended_due, extra_holidays=extra)
        else:
            extension_total = days - working_days_between(extended_due, due, extra_holidays=extra)
            warnings.append(
                f"The estimated date for the public interest decision, "
                f"{describe_date(extended_due)}, is before the s10(1) due date of "
                f"{describe_date(due)}, so no extension is needed."
            )
        notes.append(
            f"A s10(3) extension is recorded to consider the public interest, with an estimated "
            f"decision date of {describe_date(extended_due)} ({extension_total} working days in "
            f"total). The refusal notice saying so, with that date, is still due by "
            f"{describe_date(due)} (s17(1) and s17(2))."
        )
        if extension_total > ICO_MAX_TOTAL_WORKING_DAYS:
            here = f", here {describe_date(default_extension)}" if default_extension else ""
            warnings.append(
                f"The extension runs to {extension_total} working days in total. The ICO's view "
                f"is that a reasonable extension is normally no more than 20 extra working days "
                f"({ICO_MAX_TOTAL_WORKING_DAYS} in total{here})."
                f" Record why more time is genuinely needed, or bring the date forward."
            )
        if not counts_as_working(extended_due, extra):
            warnings.append(
                f"The estimated date, {describe_date(extended_due)}, is not a working day."
            )
        return extended_due, extension_total
    return None


def _review(case: Case, extra: Mapping[dt.date, str]) -> dt.date | None:
    if case.review_requested_on is None:
        return None
    return review_due(case.review_requested_on, extra_holidays=extra)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
