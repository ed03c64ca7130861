"""The exceptions the letters raise; each message is plain English, fit to show as it is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class LetterError(ValueError):
    """A letter cannot be produced; the message says why."""


class LetterDataError(LetterError):
    """The case or profile holds something a letter cannot use (e.g. a logo that is not a PNG)."""


class LetterBlocked(LetterError):
    """The case has checker errors, so the letter cannot be issued (a draft still can)."""

    def __init__(self, findings: Sequence[Any]) -> None:
        self.findings = list(findings)
        lines = [
            f"{n}) {f.message} To fix it: {f.fix}" for n, f in enumerate(self.findings, start=1)
        ]
        count = len(self.findings)
        problems = "this problem" if count == 1 else f"these {count} problems"
        verb = "is" if count == 1 else "are"
        super().__init__(
            f"The letter cannot be issued until {problems} in the case {verb} fixed:\n"
            + "\n".join(lines)
            + "\nFix them, or make a draft (marked DRAFT – NOT FOR ISSUE) to see the letter "
            "as it stands."
        )


class TemplateProblem(LetterError):
    """A template cannot be used: not a .docx, a Jinja mistake, or names the data lacks."""

    def __init__(self, template_name: str, problems: Sequence[str]) -> None:
        self.template_name = template_name
        self.problems = list(problems)
        listed = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"The template '{template_name}' cannot be used:\n{listed}")

    def __reduce__(self) -> tuple[type[TemplateProblem], tuple[str, list[str]]]:
        return type(self), (self.template_name, self.problems)  # pickled by Streamlit's cache


class LibreOfficeMissing(LetterError):
    """LibreOffice (soffice) is not installed, so a PDF cannot be made."""
