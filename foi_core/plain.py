"""Plain English for numbers, lists and dates: one home for how the tool writes them.

Checker messages, letters, pages and storage messages all say "31 March 2026", "items 1 to 3
and 5" and "a, b and c" the same way because they all ask this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence


def plain_date(day: dt.date) -> str:
    """'31 March 2026'."""
    return f"{day.day} {day:%B %Y}"


def plain_time(moment: dt.datetime) -> str:
    """'14:05 UTC on 31 March 2026'."""
    moment = moment.astimezone(dt.UTC)
    return f"{moment:%H:%M} UTC on {plain_date(moment)}"


def join_words(words: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (empty words are left out)."""
    words = [w for w in words if w]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def number_ranges(numbers: Iterable[int]) -> list[str]:
    """[1, 2, 3, 5] -> ['1 to 3', '5']: consecutive runs of three or more become ranges."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    words: list[str] = []
    for run in runs:
        if len(run) >= 3:
            words.append(f"{run[0]} to {run[-1]}")
        else:
            words.extend(str(n) for n in run)
    return words


def number_list(numbers: Iterable[int]) -> str:
    """'3', '1 and 2', '1, 2 and 5': every number, in order, without ranges."""
    return join_words([str(n) for n in sorted(set(numbers))])


def items_text(numbers: Iterable[int]) -> str:
    """'item 3', 'items 1 and 2', 'items 1 to 16' (runs shortened), or 'no items'."""
    ordered = sorted(set(numbers))
    if not ordered:
        return "no items"
    word = "item" if len(ordered) == 1 else "items"
    return f"{word} {join_words(number_ranges(ordered))}"
