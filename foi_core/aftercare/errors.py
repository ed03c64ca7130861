"""The one error the after-the-letter actions raise: input refused, each problem at its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from foi_core.bounds import today
from foi_core.models import FieldProblem
from foi_core.plain import plain_date


class AftercareProblem(ValueError):
    """Input an internal review or ICO complaint action refused; ``problems`` name the fields
    (the page shows each next to its field) and ``str()`` joins their messages."""

    def __init__(self, problems: Iterable[FieldProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(" ".join(problem.message for problem in self.problems))

    @classmethod
    def at(cls, field: str, message: str) -> AftercareProblem:
        return cls([FieldProblem(field=field, message=message)])


def unique_ref(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` ... when a case already has that reference."""
    used = {ref.strip().lower() for ref in taken}
    candidate, number = base, 1
    while candidate.lower() in used:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def happened(day: dt.date | None, field: str, what: str) -> dt.date:
    """``day``, refused (at ``field``) when it is missing or after today: ``what`` names it."""
    if day is None:
        raise AftercareProblem.at(field, f"Enter the date {what}.")
    if day > today():
        raise AftercareProblem.at(
            field, f"The date {what} cannot be after today ({plain_date(today())}); check it."
        )
    return day
