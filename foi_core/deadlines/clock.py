"""The clock rules of s10 for one case: day 0 after a clarification (s1(3)), the fees pause
(s10(2)), the s10(3) extension and the internal review date, each adding its notes and warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from foi_core.models import Case, FeesNotice

from .calendar import (
    ICO_MAX_TOTAL_WORKING_DAYS,
    counts_as_working,
    describe_date,
    next_day,
    review_due,
    working_days_between,
)


def count_from(
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


def clarified_start(case: Case, warnings: list[str], notes: list[str]) -> dt.date | None:
    """Day 0 under s1(3): receipt, or the day the clarification arrived (the clock restarts);
    None while we wait for the requester to clarify."""
    received = case.request.received
    clarification = case.clarification
    if clarification is None:
        return received
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
        return None
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
        return received
    notes.append(
        f"We asked for clarification on {describe_date(clarification.asked_on)} and the "
        f"answer arrived on {describe_date(clarification.received_on)}. Under s1(3) the clock "
        f"starts again from that day: it is day 0."
    )
    return clarification.received_on


def fee_pause(case: Case, warnings: list[str]) -> tuple[dt.date | None, dt.date | None]:
    """s10(2): a fees notice pauses the clock from the day it is issued until the fee is paid
    (None: not paid yet); (None, None) without a notice or with impossible dates."""
    fees = case.fees_notice
    if fees is None:
        return None, None
    if fees.paid_on is not None and fees.paid_on < fees.issued_on:
        warnings.append(
            f"The fee is recorded as paid on {describe_date(fees.paid_on)}, before the fees "
            f"notice was issued on {describe_date(fees.issued_on)}. Check the dates; the "
            f"clock has not been paused."
        )
        return None, None
    return fees.issued_on, fees.paid_on


def fee_notes(
    fees: FeesNotice, paused: int, due: dt.date, warnings: list[str], notes: list[str]
) -> None:
    """What a paid fees notice did to the due date."""
    if paused:
        notes.append(
            f"A fees notice was issued on {describe_date(fees.issued_on)} and the fee was paid "
            f"on {describe_date(fees.paid_on)}. Under s10(2) the {paused} working "
            f"day{'s' if paused != 1 else ''} in between (both days included) do not count, "
            f"so the due date is that many working days later."
        )
        return
    notes.append(
        f"The fees notice issued on {describe_date(fees.issued_on)} made no difference to "
        f"the due date: no working day it paused fell within the 20 working days."
    )
    if fees.issued_on > due:
        warnings.append(
            f"The fees notice was issued on {describe_date(fees.issued_on)}, after the "
            f"response was already due on {describe_date(due)}."
        )


def extension_dates(
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


def review_date(case: Case, extra: Mapping[dt.date, str]) -> dt.date | None:
    """When the internal review the case records should be finished (None: none asked for)."""
    if case.review_requested_on is None:
        return None
    return review_due(case.review_requested_on, extra_holidays=extra)
