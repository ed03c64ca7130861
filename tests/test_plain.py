"""foi_core.plain: how the tool writes dates, times, lists and item numbers."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from foi_core.plain import (
    items_text,
    join_words,
    number_list,
    number_ranges,
    plain_date,
    plain_time,
)


def test_dates_and_times_are_written_out() -> None:
    assert plain_date(dt.date(2026, 3, 1)) == "1 March 2026"
    moment = dt.datetime(2026, 3, 31, 23, 5, tzinfo=dt.timezone(dt.timedelta(hours=-2)))
    assert plain_time(moment) == "01:05 UTC on 1 April 2026"


def test_lists_and_item_numbers() -> None:
    assert join_words(["a", "", "b", "c"]) == "a, b and c"
    assert join_words(["a", "b"], "or") == "a or b"
    assert number_list([5, 1, 2, 2]) == "1, 2 and 5"
    assert items_text([]) == "no items"
    assert items_text([3]) == "item 3"
    assert items_text([1, 2]) == "items 1 and 2"
    assert items_text([5, 1, 2, 3]) == "items 1 to 3 and 5"
    assert items_text(range(1, 17)) == "items 1 to 16"
    assert items_text([1, 2, 3, 5, 7, 8]) == "items 1 to 3, 5, 7 and 8"


@given(st.sets(st.integers(min_value=1, max_value=60), min_size=1))
def test_ranges_name_every_number_once(numbers: set[int]) -> None:
    named: list[int] = []
    for part in number_ranges(numbers):
        first, _, last = part.partition(" to ")
        named += range(int(first), int(last or first) + 1)
    assert named == sorted(numbers)
