"""Tests for foi_core.deadlines: fixed examples worked by hand and properties (hypothesis).

The oracle for "is this a working day" is the ``holidays`` package used directly (the sum of the
four GB calendars, as engineering.md section 5 describes), independent of the module's own
per-year tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi_core.deadlines import (
    DeadlineError,
    add_working_days,
    case_deadlines,
    due_date,
    is_working_day,
    pit_extension_date,
    review_due,
    skipped_holidays,
    supported_years,
    working_days_between,
    working_days_left,
)
from foi_core.models import (
    ACT_IN_FORCE,
    Case,
    Clarification,
    FeesNotice,
    PITExtension,
    Request,
    pinned_today,
)

D = dt.date
LAST_YEAR = supported_years()[1]  # the last year whose bank holidays are known


@pytest.fixture(autouse=True, scope="module")
def _late_today() -> Iterator[None]:
    """Cases received in any year the calendar knows are valid here (received by 'today')."""
    with pinned_today(D(LAST_YEAR, 12, 31)):
        yield


@cache
def oracle_calendar() -> holidays.HolidayBase:
    parts = [holidays.country_holidays("GB", subdiv=s) for s in ("ENG", "WLS", "SCT", "NIR")]
    return sum(parts[1:], parts[0])


def oracle_is_working(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in oracle_calendar()


def previous_working_day(day: dt.date) -> dt.date:
    day -= dt.timedelta(days=1)
    while not oracle_is_working(day):
        day -= dt.timedelta(days=1)
    return day


def make_case(received: dt.date, **parts) -> Case:
    return Case(request=Request(our_ref="FOI-TEST-1", received=received), **parts)


dates = st.dates(min_value=ACT_IN_FORCE, max_value=D(LAST_YEAR - 2, 6, 30))
day_counts = st.integers(min_value=1, max_value=60)


# --- Fixed examples (engineering.md section 5, checked by hand) -----------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 3, 2), D(2026, 3, 31)),  # St Patrick's Day (NI) skipped; England-only gives 30th
        (D(2025, 12, 15), D(2026, 1, 16)),  # 2 January (Scotland) skipped; England-only gives 15th
        (D(2026, 3, 14), D(2026, 4, 15)),  # Saturday receipt
    ],
)
def test_fixed_due_dates(received: dt.date, due: dt.date) -> None:
    assert due_date(received) == due


def test_saturday_receipt_makes_monday_day_one() -> None:
    saturday = D(2026, 3, 14)
    assert saturday.weekday() == 5
    assert add_working_days(saturday, 1) == D(2026, 3, 16)
    assert due_date(saturday, days=1) == D(2026, 3, 16)


def test_receipt_is_day_zero() -> None:
    assert due_date(D(2026, 3, 2), days=0) == D(2026, 3, 2)
    assert add_working_days(D(2026, 3, 2), 1) == D(2026, 3, 3)


def test_scottish_only_holiday_is_skipped() -> None:
    assert not is_working_day(D(2026, 1, 2))  # a Friday: Scotland only
    skipped = dict(skipped_holidays(D(2025, 12, 31), D(2026, 1, 5)))
    assert D(2026, 1, 2) in skipped
    assert "Scotland" in skipped[D(2026, 1, 2)]
    assert "England" not in skipped[D(2026, 1, 2)]


def test_northern_ireland_only_holidays_are_skipped() -> None:
    assert not is_working_day(D(2027, 7, 12))  # Battle of the Boyne, a Monday in 2027
    assert not is_working_day(D(2026, 3, 17))  # St Patrick's Day, a Tuesday in 2026
    skipped = dict(skipped_holidays(D(2027, 7, 9), D(2027, 7, 13)))
    assert list(skipped) == [D(2027, 7, 12)]
    assert skipped[D(2027, 7, 12)].endswith("(Northern Ireland)")


def test_skipped_names_say_where_the_holiday_applies() -> None:
    skipped = dict(skipped_holidays(D(2026, 3, 2), D(2026, 4, 15)))
    assert skipped[D(2026, 3, 17)] == "Saint Patrick's Day (Northern Ireland)"
    assert skipped[D(2026, 4, 3)] == "Good Friday (all of the UK)"
    assert skipped[D(2026, 4, 6)] == "Easter Monday (England, Wales and Northern Ireland)"


def test_weekend_holidays_are_not_listed_as_skipped() -> None:
    # 12 July 2026 is a Sunday; its substitute day is Monday 13 July.
    skipped = dict(skipped_holidays(D(2026, 7, 10), D(2026, 7, 14)))
    assert list(skipped) == [D(2026, 7, 13)]
    assert "Northern Ireland" in skipped[D(2026, 7, 13)]


def test_calendar_reaches_far_years() -> None:
    assert not is_working_day(D(2099, 12, 25))  # a Friday
    assert not is_working_day(D(2099, 4, 10))  # Good Friday 2099
    assert is_working_day(D(2099, 4, 9))


def test_years_outside_the_package_give_a_plain_error() -> None:
    with pytest.raises(DeadlineError, match="only known for the years"):
        due_date(D(2200, 1, 6))


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: due_date("2026-03-02"), "must be a date"),
        (lambda: add_working_days(D(2026, 3, 2), -1), "cannot be negative"),
        (lambda: add_working_days(D(2026, 3, 2), 2.5), "whole number"),
        (lambda: is_working_day(D(2026, 3, 2), extra_holidays=["soon"]), "must be a date"),
    ],
)
def test_bad_input_gets_a_plain_message(call, words: str) -> None:
    with pytest.raises(DeadlineError, match=words):
        call()


def test_review_due() -> None:
    assert review_due(D(2026, 3, 2)) == D(2026, 3, 31)
    # 40 working days, skipping St Patrick's Day, Good Friday and Easter Monday.
    assert review_due(D(2026, 3, 2), exceptional=True) == D(2026, 4, 30)


def test_pit_extension_date_default_is_twenty_more_working_days() -> None:
    assert pit_extension_date(D(2026, 3, 31)) == D(2026, 4, 30)
    assert pit_extension_date(D(2026, 3, 31), extra=1) == D(2026, 4, 1)


def test_working_days_left() -> None:
    due = D(2026, 3, 31)
    assert working_days_left(due, due) == 0
    assert working_days_left(due, D(2026, 3, 27)) == 2  # Friday: Monday 30th and Tuesday 31st
    assert working_days_left(due, D(2026, 4, 1)) == -1
    assert working_days_left(due, D(2026, 4, 8)) == -4  # Good Friday and Easter Monday skipped
    # A weekend straight after a Friday due date already reads as overdue.
    assert working_days_left(D(2026, 3, 27), D(2026, 3, 28)) == -1


# --- Extra non-working days -----------------------------------------------------------------------


def test_extra_holiday_inside_the_window_moves_the_due_date() -> None:
    assert is_working_day(D(2026, 3, 10))
    assert not is_working_day(D(2026, 3, 10), extra_holidays=[D(2026, 3, 10)])
    assert due_date(D(2026, 3, 2), extra_holidays=[D(2026, 3, 10)]) == D(2026, 4, 1)
    # A day after the due date changes nothing.
    assert due_date(D(2026, 3, 2), extra_holidays={D(2026, 4, 1)}) == D(2026, 3, 31)


def test_extra_holiday_names_show_in_skipped() -> None:
    named = skipped_holidays(
        D(2026, 3, 2), D(2026, 3, 12), extra_holidays={D(2026, 3, 10): "Proclaimed holiday"}
    )
    assert named == [(D(2026, 3, 10), "Proclaimed holiday")]
    unnamed = skipped_holidays(D(2026, 3, 2), D(2026, 3, 12), extra_holidays=[D(2026, 3, 10)])
    assert [day for day, _ in unnamed] == [D(2026, 3, 10)]
    assert unnamed[0][1]


def test_case_deadlines_use_extra_holidays() -> None:
    case = make_case(D(2026, 3, 2))
    result = case_deadlines(case, extra_holidays=[D(2026, 3, 10)])
    assert result.due == D(2026, 4, 1)
    assert D(2026, 3, 10) in [day for day, _ in result.skipped_holidays]


# --- Case deadlines: fixed examples ------------------------------------------------------------


def test_plain_case() -> None:
    result = case_deadlines(make_case(D(2026, 3, 2)))
    assert result.clock_start == D(2026, 3, 2)
    assert not result.clock_stopped
    assert result.due == D(2026, 3, 31)
    assert result.default_extension_due == D(2026, 4, 30)
    assert result.extended_due is None
    assert result.final_due == D(2026, 3, 31)
    assert result.paused_working_days == 0
    assert result.warnings == []
    assert any("s10(1)" in note for note in result.notes)
    assert any("s10(6)" in note and "Saint Patrick" in note for note in result.notes)
    assert [day for day, _ in result.skipped_holidays] == [D(2026, 3, 17)]


def test_saturday_case_explains_day_one() -> None:
    result = case_deadlines(make_case(D(2026, 3, 14)))
    assert result.due == D(2026, 4, 15)
    assert any("Monday 16 March 2026 is day 1" in note for note in result.notes)


def test_clarification_restarts_the_clock() -> None:
    case = make_case(
        D(2026, 3, 2),
        clarification=Clarification(asked_on=D(2026, 3, 4), received_on=D(2026, 3, 10)),
    )
    result = case_deadlines(case)
    assert result.clock_start == D(2026, 3, 10)
    assert result.due == D(2026, 4, 10)  # counted by hand, skipping 17 March, 3 and 6 April
    assert any("s1(3)" in note for note in result.notes)


@pytest.mark.parametrize(
    ("waiting_for", "section"),
    [
        ({"clarification": Clarification(asked_on=D(2026, 3, 4))}, "s1(3)"),  # unanswered
        ({"fees_notice": FeesNotice(issued_on=D(2026, 3, 9))}, "s10(2)"),  # unpaid
    ],
    ids=["unanswered-clarification", "unpaid-fee"],
)
def test_waiting_for_the_requester_stops_the_clock(waiting_for: dict, section: str) -> None:
    result = case_deadlines(make_case(D(2026, 3, 2), **waiting_for))
    assert result.clock_stopped
    assert result.due is None
    assert result.final_due is None
    assert any("stopped" in note and section in note for note in result.notes)


def test_fees_notice_pauses_the_clock() -> None:
    case = make_case(
        D(2026, 3, 14), fees_notice=FeesNotice(issued_on=D(2026, 3, 20), paid_on=D(2026, 3, 25))
    )
    result = case_deadlines(case)
    assert result.paused_working_days == 4  # Fri 20, Mon 23, Tue 24, Wed 25 March
    assert result.due == D(2026, 4, 21)  # 15 April plus four working days
    assert any("s10(2)" in note for note in result.notes)


def test_fee_paid_before_issue_is_flagged_and_ignored() -> None:
    # The model refuses this order; a case built without validation is still counted safely.
    case = Case.model_construct(
        request=Request(our_ref="FOI-TEST-1", received=D(2026, 3, 2)),
        fees_notice=FeesNotice(issued_on=D(2026, 3, 9), paid_on=D(2026, 3, 5)),
    )
    result = case_deadlines(case)
    assert result.due == D(2026, 3, 31)
    assert any("Check the dates" in warning for warning in result.warnings)


def test_extension_within_forty_days_has_no_warning() -> None:
    case = make_case(D(2026, 3, 2), pit_extension=PITExtension(estimated_date=D(2026, 4, 30)))
    result = case_deadlines(case)
    assert result.extended_due == D(2026, 4, 30)
    assert result.final_due == D(2026, 4, 30)
    assert result.extension_total_working_days == 40
    assert result.warnings == []
    assert any("s10(3)" in note for note in result.notes)


def test_extension_past_forty_days_warns() -> None:
    case = make_case(D(2026, 3, 2), pit_extension=PITExtension(estimated_date=D(2026, 5, 1)))
    result = case_deadlines(case)
    assert result.extension_total_working_days == 41
    assert any("ICO" in warning and "41 working days" in warning for warning in result.warnings)


def test_case_review_due() -> None:
    case = make_case(D(2026, 3, 2))
    assert case_deadlines(case).review_due is None
    case.review_requested_on = D(2026, 3, 2)
    assert case_deadlines(case).review_due == D(2026, 3, 31)


# --- Properties ---------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)))
def test_working_days_agree_with_the_package(day: dt.date) -> None:
    assert is_working_day(day) == oracle_is_working(day)


@settings(deadline=None)
@given(received=dates, n=day_counts)
def test_due_date_is_a_working_day_with_exactly_n_before_it(received: dt.date, n: int) -> None:
    due = due_date(received, n)
    assert oracle_is_working(due)
    assert working_days_between(received, due) == n
    # Nothing earlier would do: the day before the due date leaves one working day short.
    assert working_days_between(received, due - dt.timedelta(days=1)) == n - 1


@settings(deadline=None)
@given(first=dates, second=dates, n=day_counts)
def test_later_receipt_never_gives_an_earlier_due_date(
    first: dt.date, second: dt.date, n: int
) -> None:
    earlier, later = sorted((first, second))
    assert due_date(earlier, n) <= due_date(later, n)


@settings(deadline=None)
@given(received=dates, n=day_counts)
def test_non_working_receipt_counts_like_the_previous_working_day(
    received: dt.date, n: int
) -> None:
    # True for n >= 1 only: with n = 0 the due date is the day of receipt itself.
    if oracle_is_working(received):
        return
    assert due_date(received, n) == due_date(previous_working_day(received), n)


@settings(deadline=None)
@given(start=dates, m=st.integers(0, 40), n=st.integers(0, 40))
def test_adding_working_days_composes(start: dt.date, m: int, n: int) -> None:
    assert add_working_days(start, m + n) == add_working_days(add_working_days(start, m), n)


@settings(deadline=None)
@given(start=dates, length=st.integers(0, 120))
def test_every_day_is_working_weekend_or_skipped_holiday(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    skipped = skipped_holidays(start, end)
    weekend_days = sum((start + dt.timedelta(days=i)).weekday() >= 5 for i in range(1, length + 1))
    assert working_days_between(start, end) + len(skipped) + weekend_days == length
    assert all(start < day <= end and day.weekday() < 5 for day, _ in skipped)
    assert all(not oracle_is_working(day) and name for day, name in skipped)


@settings(deadline=None)
@given(received=dates, n=day_counts, offset=st.integers(1, 90))
def test_extra_holiday_moves_due_date_by_one_only_inside_the_window(
    received: dt.date, n: int, offset: int
) -> None:
    extra = received + dt.timedelta(days=offset)
    due = due_date(received, n)
    with_extra = due_date(received, n, extra_holidays=[extra])
    if oracle_is_working(extra) and extra <= due:
        assert with_extra == add_working_days(due, 1)
    else:
        assert with_extra == due


@settings(deadline=None)
@given(received=dates, answered_after=st.integers(0, 60))
def test_clarification_answer_restarts_the_twenty_days(
    received: dt.date, answered_after: int
) -> None:
    answered = received + dt.timedelta(days=answered_after)
    case = make_case(received, clarification=Clarification(asked_on=received, received_on=answered))
    result = case_deadlines(case)
    assert result.clock_start == answered
    assert result.due == due_date(answered)


@settings(deadline=None)
@given(received=dates, issued_after=st.integers(1, 27), pause_length=st.integers(0, 30))
def test_fees_pause_adds_exactly_the_paused_working_days(
    received: dt.date, issued_after: int, pause_length: int
) -> None:
    issued = received + dt.timedelta(days=issued_after)
    paid = issued + dt.timedelta(days=pause_length)
    unpaused_due = due_date(received)
    case = make_case(received, fees_notice=FeesNotice(issued_on=issued, paid_on=paid))
    result = case_deadlines(case)
    if issued <= unpaused_due:
        # Working days from the day of issue to the day of payment, both included (s10(2)).
        paused = working_days_between(issued - dt.timedelta(days=1), paid)
        assert result.paused_working_days == paused
        assert result.due == add_working_days(received, 20 + paused)
    else:
        assert result.paused_working_days == 0
        assert result.due == unpaused_due


@settings(deadline=None)
@given(received=dates, extra=st.integers(0, 40))
def test_extension_warning_only_past_forty_working_days(received: dt.date, extra: int) -> None:
    due = due_date(received)
    estimated = add_working_days(due, extra)
    case = make_case(received, pit_extension=PITExtension(estimated_date=estimated))
    result = case_deadlines(case)
    assert result.extension_total_working_days == 20 + extra
    warned = any("ICO" in warning for warning in result.warnings)
    assert warned == (20 + extra > 40)


@settings(deadline=None)
@given(due=dates, today=dates)
def test_working_days_left_sign(due: dt.date, today: dt.date) -> None:
    left = working_days_left(due, today)
    if today == due:
        assert left == 0
    elif today > due:
        assert left < 0
    else:
        assert left == working_days_between(today, due) >= 0


@settings(deadline=None)
@given(requested=dates)
def test_review_due_counts_twenty_or_forty_working_days(requested: dt.date) -> None:
    assert working_days_between(requested, review_due(requested)) == 20
    assert working_days_between(requested, review_due(requested, exceptional=True)) == 40
    assert oracle_is_working(review_due(requested))


# --- Dates past the calendar: problems naming the field, never an exception ---------------------


def test_received_near_the_calendar_end_is_a_problem_at_the_received_field() -> None:
    result = case_deadlines(make_case(D(LAST_YEAR, 12, 20)))
    assert result.due is None and not result.clock_stopped
    (problem,) = result.problems
    assert problem.field == "request.received"
    assert f"only known for the years 1872 to {LAST_YEAR}" in problem.message


@pytest.mark.parametrize(
    ("parts", "field"),
    [
        (
            {"pit_extension": {"estimated_date": D(LAST_YEAR + 1, 1, 15)}},
            "pit_extension.estimated_date",
        ),
        ({"review_requested_on": D(LAST_YEAR, 12, 20)}, "review_requested_on"),
    ],
    ids=["extension", "review"],
)
def test_a_later_date_past_the_calendar_keeps_the_due_date(parts: dict, field: str) -> None:
    result = case_deadlines(make_case(D(LAST_YEAR, 10, 1), **parts))
    assert result.due == due_date(D(LAST_YEAR, 10, 1))
    assert [p.field for p in result.problems] == [field]
    assert result.extended_due is None and result.review_due is None


def test_clarification_answered_near_the_calendar_end_names_that_field() -> None:
    clarification = Clarification(asked_on=D(LAST_YEAR, 10, 2), received_on=D(LAST_YEAR, 12, 22))
    result = case_deadlines(make_case(D(LAST_YEAR, 10, 1), clarification=clarification))
    assert [p.field for p in result.problems] == ["clarification.received_on"]


@settings(max_examples=150, deadline=None)
@given(
    received=st.dates(ACT_IN_FORCE, D(LAST_YEAR, 12, 31)),
    estimated=st.none() | st.dates(ACT_IN_FORCE, D(LAST_YEAR + 2, 12, 31)),
    review_after=st.none() | st.integers(0, 400),
)
def test_any_valid_case_gets_deadlines_or_problems(
    received: dt.date, estimated: dt.date | None, review_after: int | None
) -> None:
    review = None
    if review_after is not None:
        review = min(received + dt.timedelta(days=review_after), D(LAST_YEAR, 12, 31))
    extension = PITExtension(estimated_date=estimated) if estimated else None
    case = make_case(received, pit_extension=extension, review_requested_on=review)
    result = case_deadlines(case)
    assert (result.due is None) == any(p.field == "request.received" for p in result.problems)
    if extension is not None and result.due is not None:
        extension_problem = any(p.field == "pit_extension.estimated_date" for p in result.problems)
        assert (result.extended_due is None) == extension_problem
    if review is not None:
        review_problem = any(p.field == "review_requested_on" for p in result.problems)
        assert (result.review_due is None) == review_problem
