"""What every officer action returns: the new case, or the field problems to show."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from foi_core.models import Case, FieldProblem


@dataclass(frozen=True)
class ActionResult:
    """The outcome of an officer action.

    ``case`` is the new case (re-check marks already applied) when the action succeeded; it is
    None when the input was refused, and ``problems`` then names each field to fix (the field
    names the pages use for their problem slots). ``summary`` is the audit summary for the save;
    ``message`` what to tell the officer once it is saved ("" for nothing).
    """

    case: Case | None = None
    problems: tuple[FieldProblem, ...] = field(default=())
    summary: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        """True when the action produced a case to save."""
        return self.case is not None and not self.problems

    @classmethod
    def done(cls, case: Case, summary: str = "", message: str = "") -> ActionResult:
        """Succeeded: the new case to save."""
        return cls(case=case, summary=summary, message=message)

    @classmethod
    def refused(cls, problems: Iterable[FieldProblem]) -> ActionResult:
        """Refused: the problems to show next to the fields."""
        return cls(problems=tuple(problems))

    @classmethod
    def problem(cls, field_name: str, message: str) -> ActionResult:
        """Refused with one problem."""
        return cls(problems=(FieldProblem(field=field_name, message=message),))


class Problems(list[FieldProblem]):
    """A list of field problems an action collects while validating input."""

    def add(self, field_name: str, message: str) -> None:
        self.append(FieldProblem(field=field_name, message=message))

    def add_unnamed(self, problems: Iterable[FieldProblem]) -> None:
        """Add the problems about fields not named yet (the first, plainer message stays)."""
        named = {problem.field for problem in self}
        self.extend(problem for problem in problems if problem.field not in named)
