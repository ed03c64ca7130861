"""What no real case holds: the bounds every part of a case is validated against.

One home for the limits (dates from the Act coming into force to a few years ahead, cost figures,
item numbers), for "today" (``today()``, pinned in tests with ``pinned_today``), for cleaning text
(``clean_text``: NUL and lone surrogates refused, other control characters removed) and for the
date orders no case can have. ``foi_core.models`` applies them to every field and re-exports
the public names.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from foi_core.plain import plain_date

if TYPE_CHECKING:
    from foi_core.models import Case

ACT_IN_FORCE = dt.date(2005, 1, 1)  # the right of access came into force: no earlier date
YEARS_AHEAD = 2  # no date lies further than this after today (an estimate, a planned letter)
MAX_ITEMS = 1_000  # numbered items in one request
MAX_RECORDS = 10_000_000  # records on one cost line
MAX_MINUTES_EACH = 10_080  # minutes per record: one week
MAX_HOURLY_RATE = 1_000.0  # pounds an hour (the regulations set 25)
MAX_LIMIT_POUNDS = 100_000.0  # the appropriate limit (the regulations set 450 or 600)

_pinned_today: dt.date | None = None


def today() -> dt.date:
    """Today's date, as every rule about dates sees it (tests pin it with ``pinned_today``)."""
    return _pinned_today or dt.date.today()


@contextmanager
def pinned_today(day: dt.date) -> Iterator[None]:
    """Make ``today()`` return ``day`` inside the block (for tests and demonstrations)."""
    global _pinned_today
    before, _pinned_today = _pinned_today, day
    try:
        yield
    finally:
        _pinned_today = before


def latest_date() -> dt.date:
    """The latest date any field may hold: ``YEARS_AHEAD`` years after today."""
    now = today()
    try:
        return now.replace(year=now.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return now.replace(year=now.year + YEARS_AHEAD, day=28)


# C0 control characters other than tab, line feed and carriage return: removed from all text.
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """``value`` without invisible control characters; ValueError for NUL or a lone surrogate.

    Tabs and line breaks are kept. NUL and lone surrogates are refused rather than dropped: no
    database keeps the first everywhere and no file can hold the second, so they mean the text
    was damaged on its way in.
    """
    if "\x00" in value:
        raise ValueError("Contains a NUL character, which no text can hold; remove it")
    if _SURROGATE.search(value):
        raise ValueError(
            "Contains a broken character (half of a UTF-16 surrogate pair), which no text can "
            "hold; type that part again"
        )
    return _CONTROL.sub("", value) if _CONTROL.search(value) else value


def check_date(day: dt.date) -> None:
    """ValueError for a date before the Act or more than YEARS_AHEAD years ahead."""
    on = day.date() if isinstance(day, dt.datetime) else day
    if on < ACT_IN_FORCE:
        raise ValueError(
            f"{plain_date(on)} is before 1 January 2005, when the right of access came into "
            "force; check the year"
        )
    if on > latest_date():
        raise ValueError(
            f"{plain_date(on)} is more than {YEARS_AHEAD} years from today; check the year"
        )


def clean_value(value: Any) -> Any:
    """Check and clean every string, number and date inside a field's value (nested models have
    their own fields checked when they are built)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool | int | BaseModel) or value is None:
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("Holds a number that is not finite (infinity or NaN)")
        return value
    if isinstance(value, dt.date):
        check_date(value)
        return value
    if isinstance(value, list):
        return [clean_value(element) for element in value]
    if isinstance(value, tuple):
        return tuple(clean_value(element) for element in value)
    if isinstance(value, dict):
        return {clean_value(key): clean_value(element) for key, element in value.items()}
    return value


def date_order_problems(case: Case) -> Iterator[tuple[tuple[str | int, ...], dt.date, str]]:
    """(field, date, message) for each date that cannot be: before receipt, before the date it
    follows, or (for things that have happened) after today."""
    received, now = case.request.received, today()
    said = f"the date the request was received ({plain_date(received)})"

    def before(day: dt.date | None, earlier: dt.date, what: str) -> str | None:
        if day is not None and day < earlier:
            return f"This cannot be before {what}; check the date"
        return None

    def future(day: dt.date | None) -> str | None:
        if day is not None and day > now:
            return (
                f"This cannot be after today ({plain_date(now)}): it has not happened yet; "
                "check the date"
            )
        return None

    checks: list[tuple[tuple[str | int, ...], dt.date | None, list[str | None]]] = [
        (("response_date",), case.response_date, [before(case.response_date, received, said)]),
        (
            ("review_requested_on",),
            case.review_requested_on,
            [
                before(case.review_requested_on, received, said),
                future(case.review_requested_on),
            ],
        ),
    ]
    clar = case.clarification
    if clar is not None:
        asked = f"the date clarification was asked for ({plain_date(clar.asked_on)})"
        checks += [
            (
                ("clarification", "asked_on"),
                clar.asked_on,
                [before(clar.asked_on, received, said), future(clar.asked_on)],
            ),
            (
                ("clarification", "received_on"),
                clar.received_on,
                [before(clar.received_on, clar.asked_on, asked), future(clar.received_on)],
            ),
        ]
    fees = case.fees_notice
    if fees is not None:
        issued = f"the date the fees notice was issued ({plain_date(fees.issued_on)})"
        checks += [
            (
                ("fees_notice", "issued_on"),
                fees.issued_on,
                [before(fees.issued_on, received, said), future(fees.issued_on)],
            ),
            (
                ("fees_notice", "paid_on"),
                fees.paid_on,
                [before(fees.paid_on, fees.issued_on, issued), future(fees.paid_on)],
            ),
        ]
    for index, item in enumerate(case.request.items):
        if item.transferred_on is not None:
            checks.append(
                (
                    ("request", "items", index, "transferred_on"),
                    item.transferred_on,
                    [before(item.transferred_on, received, said), future(item.transferred_on)],
                )
            )
    for loc, day, messages in checks:
        message = next((m for m in messages if m), None)
        if message is not None and day is not None:
            yield loc, day, message
